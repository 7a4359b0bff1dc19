"""The restore drill on PostgreSQL: a database filled through the services (reports with
evidence, cases at every stage, messages, identity requests) is backed up, restored into a
fresh cluster with production settings, and comes back whole."""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from netral.cases import services
from netral.cases.audit import verify_chains
from netral.cases.models import Case, Stage
from netral.commands.backup import main as backup_main
from netral.intake.evidence import ingest
from netral.intake.models import Evidence, IdentityMode, Report, Sender
from netral.intake.services import (
    ReportInput,
    evidence_original_open,
    identity_access_decide,
    identity_access_request,
    identity_reveal,
    report_message_add,
    report_submit,
)
from netral.org.models import Region
from netral.security.crypto import FieldCipher
from tests.backup.conftest import Cluster, KeyPair, demo_env, files_under, netral
from tests.cases.conftest import World, act, at_recommendation, fresh, signed, verified_for_review
from tests.cases.conftest import world as world
from tests.security.media_samples import pdf_with_author, photo_with_gps, plain_image

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


@dataclass
class Filled:
    identities: dict[str, tuple[str, str]] = field(default_factory=dict)  # receipt -> name, contact


def _report(
    text: str,
    identity: str = IdentityMode.ANONYMOUS,
    *,
    files: tuple[bytes, ...] = (),
    name: str = "",
    contact: str = "",
    election: str = "PILKADA",
) -> Report:
    data = ReportInput(
        text=text,
        identity=identity,
        occurred_on=datetime.date(2024, 10, 14),
        region=Region.objects.get(code="32.01"),
        election=election,
        subject_name="Budi Santoso",
        subject_position="Camat Cibinong",
        subject_agency="Pemerintah Kabupaten Bogor",
        links=("https://example.org/unggahan/1",),
        reporter_name=name,
        reporter_contact=contact,
    )
    submitted = report_submit(data=data, files=[ingest(blob) for blob in files])
    return submitted.report


def _case(report: Report) -> Case:
    return services.case_open_for_report(report=report)


def fill(world: World) -> Filled:
    filled = Filled()
    text = "Camat mengunggah foto bersama paslon nomor 2 sambil mengacungkan dua jari."
    photo = photo_with_gps(serial="SN-DRILL-1")

    confidential = _report(
        text, IdentityMode.CONFIDENTIAL, files=(photo,), name="Rina Wulandari", contact="0812-1"
    )
    identified = _report(
        text, IdentityMode.IDENTIFIED, files=(pdf_with_author(),), name="Siti", contact="siti@x.id"
    )
    filled.identities = {
        confidential.receipt: ("Rina Wulandari", "0812-1"),
        identified.receipt: ("Siti", "siti@x.id"),
    }

    # Every stage a case can be in.
    _case(_report(text, files=(photo,)))  # RECEIVED (the same photo twice: stored once)
    act(_case(confidential), "start_verification", world.verifier)  # VERIFICATION
    review = verified_for_review(world, _case(identified))
    act(review, "send_to_bawaslu", world.verifier)  # BAWASLU_REVIEW
    at_recommendation(world, _case(_report(text)))  # RECOMMENDATION
    signed(world, _case(_report(text)))  # PPK_FOLLOW_UP, with its letter in MEDIA_ROOT
    for effective in (timezone.localdate() + datetime.timedelta(days=30), timezone.localdate()):
        case = signed(world, _case(_report(text)))
        services.sanction_record(
            case=case,
            actor=world.ppk,
            sk_number=f"800/{effective:%j}/2026",
            sk_date=timezone.localdate(),
            sanction=case.recommendation.chosen_sanction,
            effective_date=effective,
            expected_version=case.version,
        )  # SANCTION_EXECUTED, then CLOSED
    examined = verified_for_review(world, _case(_report(text, election="UNKNOWN")))
    act(examined, "send_to_agency", world.verifier)  # AGENCY_EXAMINATION
    not_proven = verified_for_review(world, _case(_report(text, election="UNKNOWN")))
    not_proven = act(not_proven, "send_to_agency", world.verifier)
    act(not_proven, "agency_not_proven", world.verifier, "Tidak terbukti.")  # NOT_PROVEN
    village = act(_case(_report(text)), "start_verification", world.verifier)
    village = services.case_facts_update(
        case=village,
        actor=world.verifier,
        expected_version=village.version,
        subject_status="KEPALA_DESA",
    )
    act(village, "refer", world.verifier, "Kewenangan bupati.", target="REGENT_MAYOR")  # REFERRED
    target, absorbed = _case(_report(text)), _case(_report(text, files=(plain_image(),)))
    services.case_merge(
        target=fresh(target),
        absorbed=fresh(absorbed),
        actor=world.verifier,
        reason="Kejadian yang sama.",
        expected_versions=(fresh(target).version, fresh(absorbed).version),
    )  # MERGED
    act(
        _case(_report(text, files=(plain_image("JPEG"),))),
        "mark_not_actionable",
        world.verifier,
        "Tidak memuat kejadian.",
    )

    # Messages both ways, and an identity request approved, used and logged.
    report_message_add(
        report=confidential,
        body="Apakah ada saksi lain?",
        sender=Sender.OFFICER,
        author=world.verifier,
    )
    report_message_add(report=confidential, body="Ada, tetangga saya.", sender=Sender.REPORTER)
    request = identity_access_request(
        report=confidential, requester=world.verifier, reason="Klarifikasi."
    )
    identity_access_decide(access_request=request, custodian=world.custodian, approve=True)
    identity_reveal(report=confidential, user=world.verifier)
    evidence = confidential.evidence.get(kind="FILE")
    evidence_original_open(report=confidential, evidence=evidence, user=world.verifier).close()
    assert set(Case.objects.values_list("stage", flat=True)) == set(Stage.values)
    return filled


def source_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def restored_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as restored:
        tables = [
            row[0]
            for row in restored.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        ]
        return {t: restored.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def production_env(url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = demo_env(data_dir)
    env |= {
        "DJANGO_SETTINGS_MODULE": "netral.settings.production",
        "DATABASE_URL": url,
        "SECRET_KEY": "restore-drill-secret-key-not-used-elsewhere",
        "FIELD_ENCRYPTION_KEYS": ",".join(settings.FIELD_ENCRYPTION_KEYS),
        "ALLOWED_HOSTS": "localhost",
        **extra,
    }
    return env


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backed_up(tmp_path: Path, keys: KeyPair) -> Path:
    out = tmp_path / "drill.backup"
    assert backup_main([str(out), "--recipient", str(keys.public)]) == 0
    return out


def test_a_backup_restored_into_a_fresh_cluster_has_every_row_file_identity_and_event(
    world: World, tmp_path: Path, operator_keys: KeyPair, fresh_cluster: Cluster, capsys: Any
) -> None:
    filled = fill(world)
    archive = backed_up(tmp_path, operator_keys)
    assert json.loads(capsys.readouterr().out)["audit_breaks"] == 0
    url, data_dir = fresh_cluster.database("drill"), tmp_path / "restored"
    env = production_env(url, data_dir)

    done = netral("restore", str(archive), "--key", str(operator_keys.private), env=env)

    assert done.returncode == 0, done.stderr
    assert restored_counts(url) == source_counts()
    for original, cleaned in Evidence.objects.filter(kind="FILE").values_list(
        "sha256", "cleaned_sha256"
    ):
        assert (
            sha256(data_dir / "evidence" / "original" / original[:2] / original[2:4] / original)
            == original
        )
        if cleaned:
            assert (
                sha256(data_dir / "evidence" / "cleaned" / cleaned[:2] / cleaned[2:4] / cleaned)
                == cleaned
            )
    media = Path(settings.MEDIA_ROOT)
    for path in files_under(media):
        assert sha256(data_dir / "media" / path.relative_to(media)) == sha256(path)
    cipher = FieldCipher(settings.FIELD_ENCRYPTION_KEYS)
    with psycopg.connect(url) as restored:
        rows = restored.execute(
            "SELECT receipt, reporter_name_encrypted, reporter_contact_encrypted "
            "FROM intake_report WHERE reporter_name_encrypted <> ''"
        ).fetchall()
    assert {r: (cipher.decrypt(n), cipher.decrypt(c)) for r, n, c in rows} == filled.identities
    verified = netral("audit", "verify", env=env)
    assert verified.returncode == 0
    summary, here = json.loads(verified.stdout.splitlines()[-1]), verify_chains()
    assert (summary["cases"], summary["case_events"], summary["problems"]) == (
        here.cases,
        here.events,
        0,
    )

    again = netral("restore", str(archive), "--key", str(operator_keys.private), env=env)
    assert again.returncode == 1
    assert "is not empty" in again.stderr


def test_a_restore_does_not_bring_back_reports_the_retention_period_has_deleted(
    world: World, tmp_path: Path, operator_keys: KeyPair, fresh_cluster: Cluster
) -> None:
    kept = _case(_report("Camat berkampanye di pasar.", files=(plain_image(),)))
    gone = act(
        _case(_report("Tulisan tidak jelas.", files=(plain_image("JPEG"),))),
        "mark_not_actionable",
        world.verifier,
        "Tidak memuat kejadian.",
    )
    gone_file = gone.links.get().report.evidence.get(kind="FILE").sha256
    archive = backed_up(tmp_path, operator_keys)

    # Time passes beyond the period (here: a period of 0 days) and the backup comes back.
    url, data_dir = fresh_cluster.database("retention"), tmp_path / "restored"
    env = production_env(url, data_dir, NETRAL_RETENTION_NOT_ACTIONABLE_DAYS="0")
    done = netral("restore", str(archive), "--key", str(operator_keys.private), env=env)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["purged_reports"] == 1
    with psycopg.connect(url) as restored:
        links = dict(
            restored.execute(
                "SELECT case_id, COUNT(*) FROM cases_casereport GROUP BY case_id"
            ).fetchall()
        )
        actions = [
            r[0]
            for r in restored.execute(
                "SELECT action FROM cases_caseevent WHERE case_id = %s ORDER BY seq", [gone.pk]
            )
        ]
    assert links == {kept.pk: 1}
    assert actions[-1] == "retention_delete"
    assert not (
        data_dir / "evidence" / "original" / gone_file[:2] / gone_file[2:4] / gone_file
    ).exists()

    asked = tmp_path / "legal-hold"
    held_url = fresh_cluster.database("legal_hold")
    held = netral(
        "restore",
        str(archive),
        "--key",
        str(operator_keys.private),
        "--keep-expired",
        env=production_env(held_url, asked, NETRAL_RETENTION_NOT_ACTIONABLE_DAYS="0"),
    )
    assert held.returncode == 0, held.stderr
    with psycopg.connect(held_url) as restored:
        assert restored.execute("SELECT COUNT(*) FROM intake_report").fetchone()[0] == 2


def test_a_postgresql_backup_is_not_restored_into_sqlite(
    world: World, tmp_path: Path, operator_keys: KeyPair
) -> None:
    _report("Camat berkampanye di pasar.")
    archive = backed_up(tmp_path, operator_keys)
    target = tmp_path / "var"
    done = netral(
        "restore", str(archive), "--key", str(operator_keys.private), env=demo_env(target)
    )
    assert done.returncode == 1
    assert "holds a PostgreSQL database; the configured one is SQLite" in done.stderr
    assert files_under(target / "evidence") == []
