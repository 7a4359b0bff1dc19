"""Fictional demo data. Regions are real; agencies, people and accounts are invented."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from netral.accounts.models import Role, RoleAssignment, User
from netral.org.models import Agency, AgencyLevel, Employee, Region

DEMO_PASSWORD = "netral-demo-2026"  # noqa: S105  (printed on screen; demo mode only)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: Role
    regions: tuple[str, ...] = ()
    national: bool = False
    agencies: tuple[str, ...] = ()  # agency names (PPK staff work for one agency)

    @property
    def area(self) -> str:
        """Where the account works, for the list `netral demo` prints."""
        if self.national:
            return "nasional"
        return ", ".join((*self.regions, *self.agencies))


# One account per role and region the demo uses, so every demo case (and every report a
# visitor files in these regions) has someone to carry it to its end; tests/cases/
# test_no_dead_ends.py walks the machine over them. The Satgas verifier works nationally,
# as the national task force does, so a report filed anywhere else is verified too.
ACCOUNTS = (
    DemoAccount("verifikator", "Rina Verifikator", Role.VERIFIER, ("32.01",)),
    DemoAccount("verifikator-bandung", "Yusuf Verifikator", Role.VERIFIER, ("32.73",)),
    DemoAccount("verifikator-bekasi", "Nina Verifikator", Role.VERIFIER, ("32.16",)),
    DemoAccount("verifikator-jabar", "Tono Verifikator", Role.VERIFIER, ("32",)),
    DemoAccount("verifikator-kebumen", "Lina Verifikator", Role.VERIFIER, ("33.05",)),
    DemoAccount("satgas", "Bayu Satgas", Role.VERIFIER, national=True),
    DemoAccount("bawaslu", "Dimas Analis", Role.BAWASLU_ANALYST, ("32",)),
    DemoAccount("bawaslu-jateng", "Ratna Analis", Role.BAWASLU_ANALYST, ("33",)),
    DemoAccount(
        "ppk", "Sari Kepegawaian", Role.PPK_STAFF, agencies=("Pemerintah Kabupaten Bogor",)
    ),
    DemoAccount(
        "ppk-bandung", "Hadi Kepegawaian", Role.PPK_STAFF, agencies=("Pemerintah Kota Bandung",)
    ),
    DemoAccount(
        "ppk-bekasi", "Maya Kepegawaian", Role.PPK_STAFF, agencies=("Pemerintah Kabupaten Bekasi",)
    ),
    DemoAccount(
        "ppk-jabar",
        "Joko Kepegawaian",
        Role.PPK_STAFF,
        agencies=("Pemerintah Provinsi Jawa Barat",),
    ),
    DemoAccount(
        "ppk-kebumen",
        "Tari Kepegawaian",
        Role.PPK_STAFF,
        agencies=("Pemerintah Kabupaten Kebumen",),
    ),
    DemoAccount("pengawas", "Agus Pengawas", Role.CENTRAL_SUPERVISOR, national=True),
    DemoAccount("kustodian", "Wulan Kustodian", Role.IDENTITY_CUSTODIAN, national=True),
    DemoAccount("admin", "Admin Netral", Role.ADMINISTRATOR, national=True),
)

# (name, level, region code, PPK title)
AGENCIES = (
    ("Pemerintah Kabupaten Bogor", AgencyLevel.REGENCY_CITY, "32.01", "Bupati Bogor"),
    ("Pemerintah Kota Bandung", AgencyLevel.REGENCY_CITY, "32.73", "Wali Kota Bandung"),
    ("Pemerintah Provinsi Jawa Barat", AgencyLevel.PROVINCE, "32", "Gubernur Jawa Barat"),
    ("Pemerintah Kabupaten Kebumen", AgencyLevel.REGENCY_CITY, "33.05", "Bupati Kebumen"),
    ("Pemerintah Kabupaten Bekasi", AgencyLevel.REGENCY_CITY, "32.16", "Bupati Bekasi"),
)

# (NIP, name, status, position, category, agency index)
EMPLOYEES = (
    ("197803122005011003", "Budi Santoso", "PNS", "Camat Cibinong", "ADMINISTRATOR", 0),
    ("198511042010012014", "Dewi Lestari", "PNS", "Guru SD Negeri 3", "FUNGSIONAL", 0),
    ("199002202019031007", "Eko Prasetyo", "PNS", "Lurah Pakansari", "PENGAWAS", 0),
    ("198807152022012001", "Fitri Handayani", "PPPK", "Perawat Puskesmas", "FUNGSIONAL", 0),
    ("197512302000031002", "Gunawan Wibisono", "PNS", "Kepala Dinas Pendidikan", "JPT", 1),
    ("199204112020122009", "Hana Pertiwi", "PNS", "Analis Kebijakan", "FUNGSIONAL", 2),
    ("198309092009011011", "Irfan Maulana", "PNS", "Sekretaris Kecamatan", "ADMINISTRATOR", 3),
)


def load_demo_data() -> list[DemoAccount]:
    """Master data and accounts, then reports and cases filed through the real services."""
    from netral.demo.audit import load_demo_audit
    from netral.demo.cases import Cast, load_demo_cases
    from netral.demo.people import give_demo_staff_addresses
    from netral.demo.registry import load_demo_instruments_and_pledges

    users = load_demo_staff()
    cast = Cast(
        verifier=users["verifikator"],
        analyst=users["bawaslu"],
        supervisor=users["pengawas"],
        ppk=users["ppk"],
    )
    load_demo_cases(cast)
    _load_election(cast)
    load_demo_audit()
    load_demo_instruments_and_pledges(users["admin"])
    give_demo_staff_addresses()
    return list(ACCOUNTS)


def load_demo_staff() -> dict[str, User]:
    """Agencies, employees and the demo accounts (by username), without any case."""
    _load_master_data()
    return {account.username: _demo_user(account) for account in ACCOUNTS}


def demo_region_codes() -> list[str]:
    """The regions the demo works in: its agencies' and its reports' regions."""
    from netral.demo.cases import REPORTS

    return sorted({a[2] for a in AGENCIES} | {r.region for r in REPORTS})


def _load_election(cast: object) -> None:
    """A whole fictional Pilkada 2024 for the figures (netral.demo.election), past its
    retention purge, then the statistics summary table they are read from."""
    from django.conf import settings

    from netral.cases.services.retention import reports_purge_expired
    from netral.demo.election import Staff, load_election_demo
    from netral.stats.refresh import refresh_facts

    load_election_demo(Staff(**vars(cast)), reports=settings.NETRAL_DEMO_ELECTION_REPORTS)
    # The generated election is two years old: delete what the daily retention purge would
    # have deleted by now, so the demo starts in the state a running server keeps.
    reports_purge_expired()
    refresh_facts()


@transaction.atomic
def _load_master_data() -> None:
    regions = {r.code: r for r in Region.objects.filter(code__in=[a[2] for a in AGENCIES])}
    agencies = []
    for name, level, code, ppk in AGENCIES:
        agency, _ = Agency.objects.update_or_create(
            name=name, region=regions[code], defaults={"level": level, "ppk_title": ppk}
        )
        agencies.append(agency)
    for nip, name, status, position, category, agency_index in EMPLOYEES:
        Employee.objects.update_or_create(
            nip=nip,
            defaults={
                "name": name,
                "status": status,
                "position": position,
                "position_category": category,
                "agency": agencies[agency_index],
            },
        )


@transaction.atomic
def _demo_user(account: DemoAccount) -> User:
    first, _, last = account.full_name.partition(" ")
    user, _ = User.objects.update_or_create(
        username=account.username,
        defaults={
            "first_name": first,
            "last_name": last,
            "is_demo": True,
            "is_staff": account.role == Role.ADMINISTRATOR,
            "is_superuser": account.role == Role.ADMINISTRATOR,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    assignment, _ = RoleAssignment.objects.update_or_create(
        user=user, role=account.role, defaults={"national": account.national}
    )
    assignment.regions.set(Region.objects.filter(code__in=account.regions))
    assignment.agencies.set(Agency.objects.filter(name__in=account.agencies))
    return user
