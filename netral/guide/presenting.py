"""The self-check's answer as a person reads it (page, API body, one explanation text).

Every legal word comes from the catalogue through the engine's findings and the labels;
what is written here is the frame around them ("Tidak boleh", "Untuk Pemilu …").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netral.guide.core.advice import (
    ALLOWED,
    BARRED,
    DEPENDS,
    EXCUSED,
    FORBIDDEN,
    Answer,
    ConductAnswer,
    Outcome,
)
from netral.guide.core.guidance import Guidance, Text
from netral.guide.registry import instrument_url
from netral.rules import Catalogue
from netral.rules.model import Ref
from netral.web.labels import (
    conduct_label,
    election_label,
    handler_label,
    level_label,
    localized,
    sanction_label,
    status_label,
    subject_label,
    track_label,
)


def verdict_word(verdict: str) -> str:
    return {FORBIDDEN: _("Tidak boleh"), ALLOWED: _("Boleh"), DEPENDS: _("Tergantung")}[verdict]


def citation(catalogue: Catalogue, ref: Ref) -> dict[str, Any]:
    """One article reference with its instrument's title and registry link (if any)."""
    instrument = catalogue.instruments.get(ref.instrument)
    return {
        "cite": ref.cite(),
        "instrument": ref.instrument,
        "title": instrument.title if instrument else "",
        "url": instrument_url(ref.instrument),
    }


def _fact_phrase(name: str, value: object) -> str:
    if name == "election" and isinstance(value, str):
        return _("untuk %(election)s") % {"election": election_label(value)}
    if name == "candidate_status" and isinstance(value, str):
        return _("terhadap %(status)s") % {"status": status_label(value)}
    if name == "on_leave":
        return _("sedang cuti di luar tanggungan negara") if value else _("tidak sedang cuti")
    if name == "passive_attendance":
        return _("hanya hadir mendengarkan") if value else _("ikut serta secara aktif")
    return ""


@dataclass(frozen=True)
class OutcomeView:
    when: list[str]
    kind: str
    tracks: list[dict[str, Any]]
    reason: str
    via: str | None
    cautions: list[str]


def _when(outcome: Outcome, varying: set[str]) -> list[str]:
    scenario = outcome.scenario
    phrases = [_fact_phrase("election", scenario.election)]
    if outcome.status:
        phrases.append(_fact_phrase("candidate_status", outcome.status))
    if outcome.during_campaign:
        phrases.append(_("dalam masa kampanye"))
    for name in ("on_leave", "passive_attendance"):
        if name in varying:
            phrases.append(_fact_phrase(name, getattr(scenario, name)))
    return phrases


def _tracks(outcome: Outcome, catalogue: Catalogue) -> list[dict[str, Any]]:
    return [
        {
            "track": track_label(t.track),
            "level": level_label(t.level) if t.level else "",
            "sanctions": [sanction_label(s) for s in t.sanctions],
            "basis": [citation(catalogue, ref) for ref in t.basis],
            "handled_by": [handler_label(h) for h in t.handled_by],
            "confirmed": t.confirmed,
        }
        for t in outcome.finding.tracks
    ]


def _reason(outcome: Outcome, catalogue: Catalogue) -> str:
    for line in outcome.lines:
        if line.step == "EXCEPTION":
            exception = next((e for e in catalogue.exceptions if e.id == line.provision), None)
            if exception is not None:
                reason = localized(Text(exception.reason_id, exception.reason_en))
                if not exception.confirmed:
                    reason += " " + _("(Sikap ini belum dikonfirmasi dari teks aturan.)")
                return reason
    return ""


def _cautions(outcome: Outcome) -> list[str]:
    cautions = []
    if any(line.step == "UNDECIDED" for line in outcome.lines):
        cautions.append(
            _(
                "Sebagian ketentuan hanya berlaku dalam masa kampanye, dan tidak ada jadwal "
                "pemilihan dalam katalog yang mencakup tanggal ini."
            )
        )
    return cautions


def outcome_views(answer: ConductAnswer, catalogue: Catalogue) -> list[OutcomeView]:
    """Distinct outcomes of one conduct, each with the facts it holds for."""
    varying = {
        name
        for name in ("on_leave", "passive_attendance")
        if len({getattr(o.scenario, name) for o in answer.outcomes}) > 1
    }
    views: list[OutcomeView] = []
    for outcome in answer.outcomes:
        view = OutcomeView(
            when=_when(outcome, varying),
            kind=outcome.kind,
            tracks=_tracks(outcome, catalogue),
            reason=_reason(outcome, catalogue),
            via=conduct_label(outcome.via) if outcome.via else None,
            cautions=_cautions(outcome),
        )
        if view not in views:
            views.append(view)
    return views


def question_texts(answer: Answer, guidance: Guidance) -> list[dict[str, str]]:
    return [
        {"fact": name, "text": localized(guidance.questions[name])} for name in answer.questions
    ]


def _outcome_sentence(view: OutcomeView) -> str:
    when = ", ".join(view.when)
    if view.kind == BARRED:
        parts = []
        for track in view.tracks:
            level = f" ({track['level']})" if track["level"] else ""
            sanctions = "; ".join(track["sanctions"])
            basis = "; ".join(c["cite"] for c in track["basis"])
            text = f"{track['track']}{level}"
            if sanctions:
                text += ", " + _("sanksi: %(sanctions)s") % {"sanctions": sanctions}
            if basis:
                text += ", " + _("dasar: %(basis)s") % {"basis": basis}
            parts.append(text)
        return _("%(when)s: tidak boleh; %(tracks)s.") % {"when": when, "tracks": " | ".join(parts)}
    if view.kind == EXCUSED:
        return _("%(when)s: boleh. %(reason)s") % {"when": when, "reason": view.reason}
    return _("%(when)s: katalog belum memuat ketentuan untuk keadaan ini.") % {"when": when}


def explanation(answer: Answer, guidance: Guidance, catalogue: Catalogue) -> str:
    """The whole answer as one plain text, in the reader's language."""
    day = date_format(answer.question.date, "j F Y")
    who = subject_label(answer.question.subject)
    sentences = [
        _("%(verdict)s.") % {"verdict": verdict_word(answer.verdict)},
    ]
    if not answer.conduct:
        sentences.append(
            _(
                "Dari uraian Anda, Netral tidak menemukan perbuatan yang dilarang. Yang tetap "
                "dilarang bagi %(who)s pada %(day)s: %(codes)s."
            )
            % {
                "who": who,
                "day": day,
                "codes": "; ".join(conduct_label(c) for c in answer.still_forbidden) or "-",
            }
        )
    for item in answer.conduct:
        sentences.append(
            _("%(conduct)s (%(who)s, %(day)s): %(verdict)s.")
            % {
                "conduct": conduct_label(item.code),
                "who": who,
                "day": day,
                "verdict": verdict_word(item.verdict).lower(),
            }
        )
        sentences += [_outcome_sentence(view) for view in outcome_views(item, catalogue)]
    for question in question_texts(answer, guidance):
        sentences.append(_("Pertanyaan penentu: %(text)s") % {"text": question["text"]})
    sentences.append(boundary(answer))
    return " ".join(sentences)


def boundary(answer: Answer) -> str:
    ask = localized(answer.ask) if answer.ask else _("instansi Anda")
    return _(
        "Ini panduan yang dihasilkan dari aturan yang dikutip, bukan pendapat hukum. Untuk "
        "kepastian, tanyakan kepada %(ask)s."
    ) % {"ask": ask}


def _finding_facts(outcome: Outcome) -> dict[str, Any]:
    scenario = outcome.scenario
    return {
        "election": scenario.election,
        "candidate_status": outcome.status,
        "during_campaign": outcome.during_campaign,
        "on_leave": scenario.on_leave,
        "passive_attendance": scenario.passive_attendance,
    }


def api_body(answer: Answer, guidance: Guidance, catalogue: Catalogue) -> dict[str, Any]:
    findings: list[dict[str, Any]] = []
    for item in answer.conduct:
        for outcome in item.outcomes:
            entry = {
                **outcome.finding.to_dict(),
                "facts": _finding_facts(outcome),
                "outcome": outcome.kind,
                "via": outcome.via,
            }
            if entry not in findings:
                findings.append(entry)
    return {
        "verdict": answer.verdict,
        "conduct": list(answer.codes),
        "findings": findings,
        "questions": question_texts(answer, guidance),
        "explanation": explanation(answer, guidance, catalogue),
        "read_as": answer.read_as,
        "still_forbidden": list(answer.still_forbidden),
        "ask": localized(answer.ask) if answer.ask else "",
        "catalogue_version": catalogue.version,
    }
