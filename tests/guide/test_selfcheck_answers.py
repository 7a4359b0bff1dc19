"""What the self-check answers, decided by the rules engine on the date asked."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import pytest

from netral.guide.core.advice import Question, SelfCheckError, check, still_forbidden
from netral.guide.core.guidance import Guidance
from netral.guide.core.reading import act_text, read_question
from netral.rules import Catalogue, assess, load_catalogue

PEMILU_CAMPAIGN = datetime.date(2024, 1, 10)
PILKADA_BEFORE_DETERMINATION = datetime.date(2024, 6, 15)
NO_TIMETABLE = datetime.date(2025, 6, 1)


def ask(guidance: Guidance, catalogue: Catalogue, **fields: object) -> object:
    fields.setdefault("subject", "PNS")
    return check(Question(**fields), guidance=guidance, catalogue=catalogue)  # type: ignore[arg-type]


def test_a_question_is_read_as_the_act_it_asks_about(guidance: Guidance) -> None:
    act = act_text("Bolehkah saya nge-like postingan bakal calon bupati?", "PNS", guidance.reading)
    assert act == "seorang PNS nge-like postingan bakal calon bupati."
    read = read_question("Bolehkah saya nge-like postingan bakal calon bupati?", "PNS", guidance)
    assert read.conduct == ("MEDSOS_INTERAKSI",)
    assert read.elections == ("PILKADA",)


def test_what_someone_else_does_is_not_the_act_asked_about(guidance: Guidance) -> None:
    read = read_question(
        "Suami saya maju jadi calon bupati. Bolehkah saya mendampingi dia kampanye?",
        "PNS",
        guidance,
    )
    assert read.conduct == ("KAMPANYE_PASANGAN",)


def test_the_sanction_follows_the_engine_on_the_date(
    guidance: Guidance, catalogue: Catalogue
) -> None:
    answer = ask(guidance, catalogue, date=PEMILU_CAMPAIGN, text="Boleh saya follow akun capres?")
    assert answer.verdict == "FORBIDDEN"
    [item] = answer.conduct
    [outcome] = item.outcomes
    engine = assess(
        {
            "subject": "PNS",
            "conduct": ["MEDSOS_INTERAKSI"],
            "date": "2024-01-10",
            "election": "PEMILU",
        },
        catalogue=catalogue,
    )
    assert outcome.finding == engine.findings[0]
    assert outcome.status == "CALON"


def test_going_to_a_campaign_depends_on_only_listening(
    guidance: Guidance, catalogue: Catalogue
) -> None:
    answer = ask(
        guidance, catalogue, date=PEMILU_CAMPAIGN, text="Boleh saya datang ke kampanye caleg?"
    )
    assert (answer.verdict, answer.codes, answer.questions) == (
        "DEPENDS",
        ("KAMPANYE_IKUT",),
        ("passive_attendance",),
    )
    kinds = {o.scenario.passive_attendance: o.kind for o in answer.conduct[0].outcomes}
    assert kinds == {True: "EXCUSED", False: "BARRED"}


@pytest.mark.parametrize(("passive", "verdict"), [(True, "ALLOWED"), (False, "FORBIDDEN")])
def test_the_fact_given_settles_the_answer(
    guidance: Guidance, catalogue: Catalogue, passive: bool, verdict: str
) -> None:
    answer = ask(
        guidance,
        catalogue,
        date=PEMILU_CAMPAIGN,
        text="Boleh saya datang ke kampanye caleg?",
        passive_attendance=passive,
    )
    assert (answer.verdict, answer.questions) == (verdict, ())


def test_approaching_a_party_depends_on_unpaid_leave(
    guidance: Guidance, catalogue: Catalogue
) -> None:
    open_answer = ask(
        guidance, catalogue, date=PILKADA_BEFORE_DETERMINATION, conduct=("PENDEKATAN_PARPOL",)
    )
    assert (open_answer.verdict, open_answer.questions) == ("DEPENDS", ("on_leave",))
    on_leave = ask(
        guidance,
        catalogue,
        date=PILKADA_BEFORE_DETERMINATION,
        conduct=("PENDEKATAN_PARPOL",),
        on_leave=True,
    )
    assert on_leave.verdict == "ALLOWED"


def test_a_date_no_timetable_covers_tries_both_candidate_statuses(
    guidance: Guidance, catalogue: Catalogue
) -> None:
    answer = ask(guidance, catalogue, date=NO_TIMETABLE, conduct=("MEDSOS_INTERAKSI",))
    statuses = {o.scenario.candidate_status for o in answer.conduct[0].outcomes}
    assert statuses == {"BAKAL_CALON", "CALON"}
    assert answer.verdict == "FORBIDDEN"  # forbidden toward both, with different sanctions


def test_a_date_in_both_elections_windows_is_checked_for_both(
    guidance: Guidance, catalogue: Catalogue
) -> None:
    answer = ask(
        guidance,
        catalogue,
        date=PEMILU_CAMPAIGN,
        subject="KEPALA_DESA",
        conduct=("FASILITAS_NEGARA",),
    )
    assert answer.verdict == "FORBIDDEN"
    assert {o.scenario.election for o in answer.conduct[0].outcomes} == {"PEMILU", "PILKADA"}


def test_when_the_elections_disagree_the_question_is_which_election(
    guidance: Guidance, rules_copy: Path
) -> None:
    provisions = rules_copy / "provisions" / "non_asn.yaml"
    text = provisions.read_text(encoding="utf-8")
    provisions.write_text(
        text.replace(
            "      subject: [NON_ASN]\n", "      subject: [NON_ASN]\n      election: [PEMILU]\n"
        ),
        encoding="utf-8",
    )
    edited = load_catalogue(rules_copy)
    question = Question(date=PEMILU_CAMPAIGN, subject="NON_ASN", conduct=("APK_PASANG",))
    answer = check(question, guidance=guidance, catalogue=edited)
    assert (answer.verdict, answer.questions) == ("DEPENDS", ("election",))
    settled = check(replace(question, election="PEMILU"), guidance=guidance, catalogue=edited)
    assert settled.verdict == "FORBIDDEN"


def test_campaigning_in_attributes_toward_a_prospective_candidate_answers_from_taking_part(
    guidance: Guidance, catalogue: Catalogue
) -> None:
    answer = ask(
        guidance,
        catalogue,
        date=PILKADA_BEFORE_DETERMINATION,
        conduct=("KAMPANYE_ATRIBUT",),
        election="PILKADA",
    )
    [outcome] = answer.conduct[0].outcomes
    assert (outcome.kind, outcome.via) == ("BARRED", "KAMPANYE_IKUT")
    assert answer.verdict == "FORBIDDEN"


def test_an_act_with_no_prohibited_conduct_is_allowed_with_what_stays_forbidden(
    guidance: Guidance, catalogue: Catalogue
) -> None:
    answer = ask(guidance, catalogue, date=PEMILU_CAMPAIGN, text="Boleh saya nyoblos di TPS?")
    assert (answer.verdict, answer.codes) == ("ALLOWED", ())
    assert answer.still_forbidden == still_forbidden(
        PEMILU_CAMPAIGN, "PNS", answer.elections, catalogue
    )
    assert "MEDSOS_INTERAKSI" in answer.still_forbidden


def test_the_answer_names_the_office_to_ask(guidance: Guidance, catalogue: Catalogue) -> None:
    answer = ask(
        guidance,
        catalogue,
        date=PEMILU_CAMPAIGN,
        subject="KEPALA_DESA",
        conduct=("TIM_PEMENANGAN",),
    )
    assert answer.ask == guidance.asks["KEPALA_DESA"]


@pytest.mark.parametrize(
    "fields",
    [
        {"subject": "TNI", "conduct": ("APK_PASANG",)},
        {"conduct": ("APK_BARU",)},
        {"text": "   "},
        {"conduct": ("APK_PASANG",), "candidate_status": "CALEG"},
        {"conduct": ("APK_PASANG",), "election": "PILPRES"},
    ],
)
def test_unusable_questions_are_refused(
    guidance: Guidance, catalogue: Catalogue, fields: dict[str, object]
) -> None:
    with pytest.raises(SelfCheckError):
        ask(guidance, catalogue, date=PEMILU_CAMPAIGN, **fields)
