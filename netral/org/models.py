"""Master data: regions, agencies and the employee roster."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINCE = "PROVINCE", _("Provinsi")
    REGENCY = "REGENCY", _("Kabupaten")
    CITY = "CITY", _("Kota")


class Region(models.Model):
    """A province, regency or city, keyed by its Kemendagri code (`32`, `32.01`)."""

    code = models.CharField(_("kode Kemendagri"), max_length=13, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.CharField(_("tingkat"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def province_code(self) -> str:
        return self.code.split(".", 1)[0]


class AgencyLevel(models.TextChoices):
    CENTRAL = "CENTRAL", _("Pusat")
    PROVINCE = "PROVINCE", _("Provinsi")
    REGENCY_CITY = "REGENCY_CITY", _("Kabupaten/kota")


class Agency(models.Model):
    """An instansi. Its PPK is the official who appoints and disciplines its staff."""

    name = models.CharField(_("nama"), max_length=200)
    level = models.CharField(_("tingkat"), max_length=12, choices=AgencyLevel.choices)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="agencies"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="units"
    )
    ppk_title = models.CharField(_("jabatan PPK"), max_length=120, blank=True)
    ppk_name = models.CharField(_("nama PPK"), max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        constraints = [
            models.UniqueConstraint(fields=["name", "region"], name="agency_unique_name_region"),
        ]

    def __str__(self) -> str:
        return self.name


class EmployeeStatus(models.TextChoices):
    PNS = "PNS", "PNS"
    CPNS = "CPNS", "CPNS"
    PPPK = "PPPK", "PPPK"
    NON_ASN = "NON_ASN", _("Non-ASN (PPNPN/honorer)")


class PositionCategory(models.TextChoices):
    JPT = "JPT", _("Pimpinan tinggi (JPT)")
    ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")
    PENGAWAS = "PENGAWAS", _("Pengawas")
    FUNGSIONAL = "FUNGSIONAL", _("Fungsional")
    PELAKSANA = "PELAKSANA", _("Pelaksana")
    LAINNYA = "LAINNYA", _("Lainnya")


class Employee(models.Model):
    """One person on the roster, upserted by NIP from the agencies' exports."""

    # Unique through a constraint, not `unique=True`: on PostgreSQL the latter adds a second
    # (pattern-ops) index that every roster import has to maintain for no query we run.
    nip = models.CharField("NIP", max_length=18)
    name = models.CharField(_("nama"), max_length=200)
    status = models.CharField(_("status"), max_length=8, choices=EmployeeStatus.choices)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    position_category = models.CharField(
        _("kategori jabatan"),
        max_length=13,
        choices=PositionCategory.choices,
        default=PositionCategory.LAINNYA,
    )
    # No index of its own: the (agency, name) index serves lookups by agency.
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="employees", db_index=False
    )
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        # (agency, position_category): the pledge pages' headcount per echelon, read from
        # the index alone (netral.pledges.selectors.coverage_of).
        indexes = [
            models.Index(fields=["agency", "name"]),
            models.Index(fields=["agency", "position_category"]),
        ]
        constraints = [models.UniqueConstraint(fields=["nip"], name="employee_unique_nip")]

    def __str__(self) -> str:
        return f"{self.name} ({self.nip})"
