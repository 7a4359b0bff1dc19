"""Every state-changing service records an audit row in the same transaction.

The test walks the service modules and fails on a public function it does not know: each
is either run here, with every SQL statement captured, or exempt for a stated reason.
A run passes when the statements that wrote to a model table include an INSERT into one
of the log tables; a service that writes without an event fails it (the first test shows
the capture catching such a write).
"""

from __future__ import annotations

import datetime
import inspect
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

import netral.accounts.enrolment as enrolment
import netral.cases.auth as token_auth
import netral.cases.services as case_services
import netral.cases.services.retention as retention
import netral.intake.services as intake_services
import netral.org.roster.service as roster_service
import netral.pledges.services as pledge_services
import netral.registry.services as registry_services
from netral.accounts.models import Role
from netral.cases.models import Case, PpkConflict, Recommendation, Stage
from netral.cases.screening import finding_from
from netral.cases.services.events import case_touch
from netral.intake.models import IdentityAccessRequest, Report
from netral.intake.services import ReportInput
from netral.registry.values import values_from
from tests.accounts.factories import staff
from tests.cases.conftest import World, act, fresh, new_case, signed
from tests.cases.conftest import world as world
from tests.registry.conftest import own_path, own_text

LOG_TABLES = frozenset(
    {
        "cases_caseevent",
        "intake_reportevent",
        "intake_message",
        "intake_identityaccesslog",
        "audit_auditentry",
        "audit_checkpoint",
    }
)
# Bookkeeping that is not a record: the chain-head pointer, the task queue.
NOT_RECORDS = frozenset({"audit_chainhead"})
WRITE = re.compile(r'\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)

EXEMPT: dict[str, str] = {
    "recommendation_prefill": "reads only",
    "case_lock": "a soft presence lock on the work screen, not part of the record",
    "case_unlock": "a soft presence lock on the work screen, not part of the record",
    "saved_search_save": "an officer's own queue filter, no effect on any record",
    "saved_search_delete": "an officer's own queue filter, no effect on any record",
    "report_event_append": "writes the report's own hash-chained timeline row",
    "report_message_add": "the message row is itself an append-only log row",
    "identity_reveal": "writes only the identity-access log row",
    "evidence_original_open": "writes only the identity-access log row",
    "draft_save": "a transient encrypted preview, deleted when taken or expired",
    "draft_take": "a transient encrypted preview, deleted when taken or expired",
    "drafts_expire": "a transient encrypted preview, deleted when taken or expired",
    "draft_peek": "reads only",
    "retention_days": "reads a setting",
    "expired_case_ids": "reads only",
    "reports_purge_expired": "runs case_reports_purge per case (run here)",
    "coverage_rebuild": "a derived table, rebuilt inside publish, edit and withdraw (run here)",
    "token_digest": "computes a digest",
    "user_for_token": "writes only the token's last-use time, at most once a minute",
    "api_tokens_of": "reads only",
    "api_token_of": "reads only",
    "api_token_status": "reads only",
    "may_issue_enrolment_links": "reads only",
    "enrolment_link_path": "builds an address",
    "enrolment_link_url": "builds an address",
    "enrolment_link_find": "reads only",
    "enrolment_link_valid": "reads only",
    "has_totp_device": "reads only",
}


def service_functions() -> dict[str, Callable[..., Any]]:
    """The public functions of every service module (the cases package's API as exported)."""
    found: dict[str, Callable[..., Any]] = {}
    modules: list[ModuleType] = [
        intake_services,
        roster_service,
        retention,
        token_auth,
        enrolment,
        registry_services,
        pledge_services,
    ]
    for module in modules:
        for name, member in inspect.getmembers(module, inspect.isfunction):
            if member.__module__ == module.__name__ and not name.startswith("_"):
                found[name] = member
    for name in case_services.__all__:
        member = getattr(case_services, name)
        if inspect.isfunction(member):
            found[name] = member
    return found


class Writes:
    def __init__(self) -> None:
        self.tables: list[str] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.tables += WRITE.findall(sql)
        return execute(sql, params, many, context)

    def unaudited(self) -> list[str]:
        model_tables = {model._meta.db_table for model in apps.get_models()}
        written = [t for t in self.tables if t in model_tables and t not in NOT_RECORDS]
        if not written or LOG_TABLES & set(written):
            return []
        return sorted(set(written))


@contextmanager
def captured(seen: list[Writes]) -> Iterator[None]:
    writes = Writes()
    with connection.execute_wrapper(writes), transaction.atomic():
        yield
    seen.append(writes)


Scenario = Callable[[World, Callable[[], Any]], None]
SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str) -> Callable[[Scenario], Scenario]:
    def register(function: Scenario) -> Scenario:
        SCENARIOS[name] = function
        return function

    return register


@scenario("case_open_for_report")
def _open(world: World, watch: Any) -> None:
    from tests.cases.conftest import make_report

    report = make_report()
    with watch():
        case_services.case_open_for_report(report=report)


@scenario("cases_open_for_orphan_reports")
def _orphans(world: World, watch: Any) -> None:
    from tests.cases.conftest import make_report

    make_report()
    with watch():
        assert case_services.cases_open_for_orphan_reports() == 1


@scenario("case_transition")
def _transition(world: World, watch: Any) -> None:
    case = new_case()
    with watch():
        act(case, "start_verification", world.verifier)


@scenario("case_assign")
def _assign(world: World, watch: Any) -> None:
    case = new_case()
    with watch():
        case_services.case_assign(
            case=case, actor=world.verifier, assignee=world.verifier, expected_version=case.version
        )


@scenario("cases_bulk_assign")
def _bulk_assign(world: World, watch: Any) -> None:
    case = new_case()
    with watch():
        result = case_services.cases_bulk_assign(
            case_ids=[case.pk], actor=world.verifier, assignee=world.verifier
        )
    assert result.done == [case.pk]


@scenario("cases_bulk_not_actionable")
def _bulk_not_actionable(world: World, watch: Any) -> None:
    case = new_case()
    with watch():
        result = case_services.cases_bulk_not_actionable(
            case_ids=[case.pk], actor=world.verifier, reason="Tidak ada kejadian."
        )
    assert result.done == [case.pk]


@scenario("case_subject_link")
def _link(world: World, watch: Any) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    with watch():
        case_services.case_subject_link(
            case=case, actor=world.verifier, employee=world.camat, expected_version=case.version
        )


@scenario("case_subject_not_found")
def _not_found(world: World, watch: Any) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    with watch():
        case_services.case_subject_not_found(
            case=case,
            actor=world.verifier,
            note="Tidak ada di data.",
            expected_version=case.version,
        )


@scenario("case_facts_update")
def _facts(world: World, watch: Any) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    with watch():
        case_services.case_facts_update(
            case=case,
            actor=world.verifier,
            expected_version=case.version,
            incident_date=datetime.date(2024, 10, 13),
        )


@scenario("case_merge")
def _merge(world: World, watch: Any) -> None:
    target, absorbed = new_case(), new_case()
    with watch():
        case_services.case_merge(
            target=target,
            absorbed=absorbed,
            actor=world.verifier,
            reason="Kejadian yang sama.",
            expected_versions=(target.version, absorbed.version),
        )


@scenario("cases_bulk_merge")
def _bulk_merge(world: World, watch: Any) -> None:
    target, absorbed = new_case(), new_case()
    with watch():
        result = case_services.cases_bulk_merge(
            target_id=target.pk, case_ids=[absorbed.pk], actor=world.verifier, reason="Sama."
        )
    assert result.done == [absorbed.pk]


@scenario("case_ppk_conflict_flag")
def _flag(world: World, watch: Any) -> None:
    case = new_case()
    with watch():
        case_services.case_ppk_conflict_flag(
            case=case,
            actor=world.supervisor,
            conflicted=True,
            reason="PPK mencalonkan diri.",
            expected_version=case.version,
        )


@scenario("ppk_conflict_declare")
def _declare(world: World, watch: Any) -> None:
    with watch():
        case_services.ppk_conflict_declare(
            agency=world.bogor, actor=world.supervisor, reason="Bupati petahana mencalonkan diri."
        )


@scenario("recommendation_sign")
def _sign(world: World, watch: Any) -> None:
    from tests.cases.conftest import at_recommendation

    case = at_recommendation(world, new_case())
    option = case_services.recommendation_prefill(case=case).options[0]
    with watch():
        case_services.recommendation_sign(
            case=case,
            actor=world.supervisor,
            chosen_track=option["track"],
            chosen_sanction=option["sanctions"][0],
            note="",
            expected_version=case.version,
        )


@scenario("sanction_record")
def _sanction(world: World, watch: Any) -> None:
    case = signed(world, new_case())
    today = timezone.localdate()
    with watch():
        case_services.sanction_record(
            case=case,
            actor=world.ppk,
            sk_number="800/45/2026",
            sk_date=today,
            sanction="PDHTAPS",
            effective_date=today + datetime.timedelta(days=5),
            expected_version=case.version,
        )


def _late(world: World) -> Case:
    case = signed(world, new_case())
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    case_touch(case, bump=False, due_date=yesterday)
    Recommendation.objects.filter(case=case).update(ppk_due_date=yesterday)
    return fresh(case)


@scenario("ppk_warning_issue")
def _warning(world: World, watch: Any) -> None:
    case = _late(world)
    with watch():
        case_services.ppk_warning_issue(case=case, actor=world.supervisor, note="Segera.")


@scenario("data_blocking_request")
def _blocking(world: World, watch: Any) -> None:
    case = _late(world)
    case_services.ppk_warning_issue(case=case, actor=world.supervisor, note="")
    with watch():
        case_services.data_blocking_request(case=case, actor=world.supervisor, note="Blokir.")


@scenario("findings_import")
def _findings(world: World, watch: Any) -> None:
    text = "Pak camat ikut kampanye paslon 02 kemarin."
    record = {
        "id": "post-1",
        "codes": ["KAMPANYE_IKUT"],
        "scores": {"KAMPANYE_IKUT": 0.61},
        "evidence": [],
        "text": text,
        "author": "Agus Wibowo",
        "url": "https://www.facebook.com/posts/1",
        "posted_at": "2024-10-14T09:30:00+07:00",
        "platform": "facebook",
        "region_code": "32.01",
        "candidates": [],
    }
    with watch():
        result = case_services.findings_import(
            findings=[finding_from(record)], actor=None, election="PILKADA"
        )
    assert len(result.opened) == 1


@scenario("report_submit")
def _submit(world: World, watch: Any) -> None:
    data = ReportInput(text="Camat ikut kampanye di lapangan desa.", identity="anonymous")
    with watch():
        intake_services.report_submit(data=data)


@scenario("report_evidence_add")
def _evidence_after_filing(world: World, watch: Any) -> None:
    data = ReportInput(text="Camat ikut kampanye di lapangan desa.", identity="anonymous")
    report = intake_services.report_submit(data=data).report
    with watch():
        added = intake_services.report_evidence_add(
            report=report, files=[], links=["https://contoh.test/unggahan/1"]
        )
    assert added == 1


def _bkpsdm_bogor() -> Any:
    return staff("bkpsdm-bogor", Role.PPK_STAFF, regions=("32.01",))


def _registry_draft(actor: Any) -> Any:
    return registry_services.instrument_draft_from_text(actor=actor, text=own_text("bogor"))


def _registry_published(actor: Any) -> Any:
    draft = _registry_draft(actor)
    return registry_services.instrument_publish(
        actor=actor, instrument=draft, values=values_from(draft)
    )


@scenario("instrument_draft_from_text")
def _draft_text(world: World, watch: Any) -> None:
    actor = _bkpsdm_bogor()
    with watch():
        _registry_draft(actor)


@scenario("instrument_draft_from_file")
def _draft_file(world: World, watch: Any) -> None:
    actor = _bkpsdm_bogor()
    data = own_path("bogor").read_bytes()
    with watch():
        registry_services.instrument_draft_from_file(actor=actor, data=data, name="edaran.txt")


@scenario("instrument_publish")
def _publish(world: World, watch: Any) -> None:
    actor = _bkpsdm_bogor()
    draft = _registry_draft(actor)
    with watch():
        registry_services.instrument_publish(
            actor=actor, instrument=draft, values=values_from(draft)
        )


@scenario("instrument_edit")
def _edit(world: World, watch: Any) -> None:
    actor = _bkpsdm_bogor()
    published = _registry_published(actor)
    values = values_from(published)
    values.election_year = 2029
    with watch():
        registry_services.instrument_edit(
            actor=actor, instrument=published, values=values, version=published.version
        )


@scenario("instrument_withdraw")
def _withdraw(world: World, watch: Any) -> None:
    actor = _bkpsdm_bogor()
    published = _registry_published(actor)
    with watch():
        registry_services.instrument_withdraw(
            actor=actor, instrument=published, reason="Salah unggah."
        )


def _pledge(actor: Any, agency: Any) -> Any:
    return pledge_services.pledge_event_record(
        actor=actor,
        agency=agency,
        cycle="PILKADA-2024",
        held_on=datetime.date(2024, 9, 10),
        echelons=["JPT", "ADMINISTRATOR"],
    )


@scenario("pledge_event_record")
def _pledge_record(world: World, watch: Any) -> None:
    actor = _bkpsdm_bogor()
    with watch():
        _pledge(actor, world.bogor)


@scenario("signatures_import")
def _signatures(world: World, watch: Any) -> None:
    actor = _bkpsdm_bogor()
    event = _pledge(actor, world.bogor)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ttd.csv"
        path.write_text(f"No;Nama;NIP\n1;Budi;{world.camat.nip}\n", encoding="utf-8")
        with watch():
            pledge_services.signatures_import(actor=actor, event=event, path=path, name="ttd.csv")


def _confidential_report() -> Report:
    data = ReportInput(
        text="Camat ikut kampanye di lapangan desa.",
        identity="confidential",
        reporter_name="Rina",
        reporter_contact="rina@example.org",
    )
    return intake_services.report_submit(data=data).report


@scenario("identity_access_request")
def _request(world: World, watch: Any) -> None:
    report = _confidential_report()
    requester = staff("verif-nasional", Role.VERIFIER, national=True)
    with watch():
        intake_services.identity_access_request(
            report=report, requester=requester, reason="Perlu saksi."
        )


@scenario("identity_access_decide")
def _decide(world: World, watch: Any) -> None:
    report = _confidential_report()
    requester = staff("verif-nasional", Role.VERIFIER, national=True)
    request = intake_services.identity_access_request(
        report=report, requester=requester, reason="Perlu saksi."
    )
    with watch():
        intake_services.identity_access_decide(
            access_request=request, custodian=world.custodian, approve=True
        )
    assert IdentityAccessRequest.objects.get(pk=request.pk).status == "APPROVED"


@scenario("employees_import")
def _roster(world: World, watch: Any) -> None:
    path = Path(tempfile.mkdtemp()) / "pegawai.csv"
    path.write_text(
        "NIP,Nama,Status,Jabatan,Kategori Jabatan,Instansi,Kode Wilayah\n"
        "198503122010011002,Ani Suryani,PNS,Guru,Fungsional,Pemerintah Kabupaten Bogor,32.01\n",
        encoding="utf-8",
    )
    with watch():
        report = roster_service.employees_import(source=path, today=datetime.date(2024, 6, 1))
    assert report.committed, report
    assert report.created == 1


@scenario("case_reports_purge")
def _purge(world: World, watch: Any) -> None:
    case = act(new_case(), "mark_not_actionable", world.verifier, "Tidak ada kejadian.")
    assert fresh(case).stage == Stage.NOT_ACTIONABLE
    with watch():
        deleted = retention.case_reports_purge(case_id=case.pk, days=0, removed_files=[])
    assert deleted == 1


@scenario("api_token_issue")
def _token_issue(world: World, watch: Any) -> None:
    with watch():
        token_auth.api_token_issue(user=world.verifier, name="skrip")


@scenario("api_token_revoke")
def _token_revoke(world: World, watch: Any) -> None:
    row, _token = token_auth.api_token_issue(user=world.verifier, name="skrip")
    with watch():
        assert token_auth.api_token_revoke(token=row, actor=world.verifier)


@scenario("enrolment_link_issue")
def _link_issue(world: World, watch: Any) -> None:
    with watch():
        enrolment.enrolment_link_issue(user=world.verifier, actor=None)


@scenario("totp_enrol")
def _totp_enrol(world: World, watch: Any) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    link, _token = enrolment.enrolment_link_issue(user=world.verifier, actor=None)
    device = TOTPDevice(user=world.verifier, name="default", confirmed=True)
    with watch():
        outcome = enrolment.totp_enrol(user=world.verifier, candidate=device, link_id=link.pk)
    assert outcome is enrolment.Enrolment.DONE


def test_the_capture_catches_a_write_without_an_event(world: World) -> None:
    seen: list[Writes] = []
    with captured(seen):
        PpkConflict.objects.create(agency=world.bogor, reason="tanpa jejak", declared_by=None)
    assert seen[0].unaudited() == ["cases_ppkconflict"]


def test_every_service_function_is_run_here_or_exempt_for_a_reason() -> None:
    names = set(service_functions())
    assert names - set(SCENARIOS) - set(EXEMPT) == set()
    assert set(SCENARIOS) | set(EXEMPT) <= names  # no stale entries


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_service_writes_an_audit_row_with_its_change(world: World, name: str) -> None:
    seen: list[Writes] = []
    SCENARIOS[name](world, lambda: captured(seen))
    assert len(seen) == 1
    assert seen[0].tables, f"{name} wrote nothing: the scenario does not exercise it"
    assert seen[0].unaudited() == [], f"{name} wrote without an audit row"
