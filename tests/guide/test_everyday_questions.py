"""The self-check answers civil servants' everyday questions: verdict and conduct."""

from __future__ import annotations

import pytest

from tests.guide.everyday import QUESTIONS, load, score, summary

pytestmark = pytest.mark.slow


def test_the_question_set_is_large_and_covers_every_verdict() -> None:
    questions = load()
    assert len(questions) >= 60
    assert {q["verdict"] for q in questions} == {"FORBIDDEN", "ALLOWED", "DEPENDS"}
    subjects = {q["subject"] for q in questions}
    assert {"PNS", "PPPK", "NON_ASN", "KEPALA_DESA", "PERANGKAT_DESA", "BUMN", "BUMD"} <= subjects


def test_everyday_questions_get_the_right_verdict_and_conduct() -> None:
    scored = score()
    total = len(scored)
    verdicts = sum(s.verdict_right for s in scored)
    conduct = sum(s.conduct_right for s in scored)
    misses = [s.text for s in scored if not s.verdict_right]
    # Floors a little under the measured figures (docs/rules-public.md): a change to triage
    # or to the reading that loses answers fails here.
    assert verdicts / total >= 0.95, (summary(scored), misses)
    assert conduct / total >= 0.90, summary(scored)


def test_a_forbidden_answer_is_never_given_as_allowed() -> None:
    """The costly mistake: telling someone an act is fine when the rules forbid it."""
    wrong = [
        s.text for s in score() if s.expected_verdict == "FORBIDDEN" and s.verdict == "ALLOWED"
    ]
    assert wrong == []


def test_questions_written_after_the_reader_are_answered_nearly_as_well() -> None:
    """The held-out set was scored once without tuning the reader to it."""
    scored = score(QUESTIONS.with_name("questions_holdout.yaml"))
    verdicts = sum(s.verdict_right for s in scored)
    assert len(scored) >= 30
    assert verdicts / len(scored) >= 0.9, summary(scored)
