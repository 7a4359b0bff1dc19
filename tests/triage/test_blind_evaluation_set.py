"""The blind evaluation set is well-formed and never leaks into training."""

from __future__ import annotations

from netral.triage import corpus
from netral.triage.codes import CONDUCT_CODES


def test_the_blind_set_covers_every_code_and_has_negatives() -> None:
    blind = corpus.load_evaluation()
    present = {code for example in blind for code in example.codes}
    assert present == set(CONDUCT_CODES)
    assert any(not example.codes for example in blind)


def test_no_blind_text_or_id_is_in_the_training_corpus() -> None:
    training = corpus.load()
    blind = corpus.load_evaluation()
    assert not {e.id for e in blind} & {e.id for e in training}
    assert not {e.text for e in blind} & {e.text for e in training}
