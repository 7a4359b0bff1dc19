"""The recommendation: the engine's assessment pre-fills it; a supervisor signs it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral import rules
from netral.accounts.models import Role, User
from netral.cases.deadlines import local_today, stage_deadline
from netral.cases.letters import letter_number_next, recommendation_pdf
from netral.cases.models import Case, Recommendation, Stage
from netral.cases.services.errors import ConditionsFailed, Invalid, TransitionRefused
from netral.cases.services.transitions import lock_visible, require_role, require_version, run_named

SIGNER_ROLES = (Role.CENTRAL_SUPERVISOR,)


@dataclass(frozen=True)
class Prefill:
    facts: dict[str, Any]
    body: str
    catalogue_version: str
    findings: list[dict[str, Any]]
    options: list[dict[str, Any]]
    explanation: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "facts": self.facts,
            "body": self.body,
            "catalogue_version": self.catalogue_version,
            "findings": self.findings,
            "options": self.options,
            "explanation": self.explanation,
        }

    def allows(self, track: str, sanction: str) -> dict[str, Any] | None:
        return next(
            (o for o in self.options if o["track"] == track and sanction in o["sanctions"]), None
        )


def case_facts(case: Case) -> dict[str, Any]:
    """The facts object `netral.rules.assess` takes, from the confirmed case data."""
    facts: dict[str, Any] = {
        "subject": case.subject_status,
        "conduct": list(case.confirmed_codes),
        "date": case.incident_date.isoformat() if case.incident_date else None,
        "election": case.election,
        "on_leave": case.on_leave,
        "passive_attendance": case.passive_attendance,
    }
    if case.candidate_status:
        facts["candidate_status"] = case.candidate_status
    return facts


def _options(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One option per (track, level), merging the conducts that lead to it."""
    catalogue = rules.default_catalogue()
    merged: dict[tuple[str, str | None], dict[str, Any]] = {}
    for finding in findings:
        for track in finding["tracks"]:
            key = (track["track"], track["level"])
            option = merged.setdefault(
                key,
                {
                    "track": track["track"],
                    "track_label": catalogue.vocabulary.tracks[track["track"]].id,
                    "level": track["level"],
                    "sanctions": [],
                    "sanction_labels": {},
                    "basis": [],
                    "conduct": [],
                    "confirmed": True,
                },
            )
            option["conduct"].append(finding["conduct"])
            option["confirmed"] = option["confirmed"] and track["confirmed"]
            for code in track["sanctions"]:
                if code not in option["sanctions"]:
                    option["sanctions"].append(code)
                    label = catalogue.sanction_labels.get(code)
                    option["sanction_labels"][code] = label.id if label else code
            option["basis"] += [b for b in track["basis"] if b not in option["basis"]]
    return list(merged.values())


def missing_facts(case: Case) -> list[str]:
    """What the officer must still record before the rules engine can assess the case."""
    checks = [
        (not case.subject_status, _("Tentukan status kepegawaian terlapor.")),
        (not case.confirmed_codes, _("Tetapkan jenis pelanggaran yang terbukti.")),
        (case.incident_date is None, _("Isi tanggal kejadian.")),
        (not case.election, _("Tentukan pemilihan yang terkait (Pemilu atau Pilkada).")),
    ]
    return [str(reason) for failed, reason in checks if failed]


def recommendation_prefill(*, case: Case) -> Prefill:
    """Assess the confirmed conduct, subject and date; raises ConditionsFailed if missing."""
    missing = missing_facts(case)
    if missing:
        raise ConditionsFailed(
            _("Fakta kasus belum lengkap untuk penilaian aturan."), detail={"missing": missing}
        )
    facts = case_facts(case)
    try:
        assessment = rules.assess(facts)
        body = rules.recommending_body(local_today())
    except rules.RulesError as error:
        raise ConditionsFailed(
            _("Fakta kasus belum lengkap untuk penilaian aturan."), detail={"rules": str(error)}
        ) from error
    result = assessment.to_dict()
    return Prefill(
        facts=facts,
        body=body,
        catalogue_version=assessment.catalogue_version,
        findings=result["findings"],
        options=_options(result["findings"]),
        explanation=result["explanation"],
    )


def _store_letter(recommendation: Recommendation) -> None:
    pdf = recommendation_pdf(recommendation)
    digest = hashlib.sha256(pdf).hexdigest()
    name = default_storage.save(
        f"cases/letters/{recommendation.case_id}/{digest}.pdf", ContentFile(pdf)
    )
    recommendation.letter.name = name
    recommendation.letter_sha256 = digest


def recommendation_sign(
    *,
    case: Case,
    actor: User,
    chosen_track: str,
    chosen_sanction: str,
    note: str,
    expected_version: int,
) -> Recommendation:
    """Store the signed recommendation with its PDF letter; the case goes to the PPK."""
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_version(locked, expected_version)
        if locked.stage != Stage.RECOMMENDATION:
            raise TransitionRefused(detail={"stage": locked.stage})
        require_role(locked, actor, SIGNER_ROLES)
        prefill = recommendation_prefill(case=locked)
        option = prefill.allows(chosen_track, chosen_sanction)
        if option is None:
            raise Invalid(_("Jalur atau sanksi yang dipilih tidak ada dalam penilaian."))
        recommendation = Recommendation(
            case=locked,
            body=prefill.body,
            facts=prefill.facts,
            assessment={"findings": prefill.findings, "explanation": prefill.explanation},
            catalogue_version=prefill.catalogue_version,
            chosen_track=chosen_track,
            chosen_level=option["level"] or "",
            chosen_sanction=chosen_sanction,
            note=note.strip(),
            signed_by=actor,
            signed_at=timezone.now(),
        )
        # The same computation the transition makes, so the letter can state the date.
        recommendation.ppk_due_date = stage_deadline(
            stage=Stage.PPK_FOLLOW_UP, election=locked.election, start=local_today()
        ).due_date
        recommendation.letter_number = letter_number_next(
            body=prefill.body, on=timezone.localdate(recommendation.signed_at)
        )
        _store_letter(recommendation)
        recommendation.save()
        run_named(
            locked,
            "recommend",
            actor=actor,
            payload={
                "recommendation": recommendation.pk,
                "track": chosen_track,
                "sanction": chosen_sanction,
                "letter_sha256": recommendation.letter_sha256,
                "letter_number": recommendation.letter_number,
            },
        )
        return recommendation
