"""The learned component is rebuilt deterministically from the corpus."""

from __future__ import annotations

from netral.triage import corpus
from netral.triage.model import get_model, model_key, train


def test_training_twice_on_the_same_texts_gives_the_same_weights() -> None:
    examples = [e for e in corpus.load() if not corpus.is_test(e.origin)][:300]
    first, second = train(examples, "x"), train(examples, "x")
    assert first.intercepts == second.intercepts
    assert first.weights == second.weights


def test_the_model_never_trains_on_held_out_texts() -> None:
    from netral.triage.model import training_examples

    assert not any(corpus.is_test(e.origin) for e in training_examples())


def test_the_cached_model_is_keyed_by_corpus_and_code() -> None:
    model = get_model()
    assert model is not None
    assert model.key == model_key()


def test_a_model_scores_every_code_between_zero_and_one() -> None:
    model = get_model()
    assert model is not None
    probabilities = model.probabilities({"w:baliho", "w:pasang", "w:camat"})
    assert all(0.0 < p < 1.0 for p in probabilities.values())


def test_scoring_by_weight_rows_gives_the_sums_of_each_features_weights_exactly() -> None:
    import math

    from netral.triage.codes import CONDUCT_CODES
    from netral.triage.model import example_features

    model = get_model()
    assert model is not None
    text = "Kades ikut kampanye paslon 02, foto salam dua jari diunggah ke Facebook kemarin."
    feats = [*sorted(example_features(text)), "w:kata-yang-tidak-ada"]
    totals = [model.intercepts[code] for code in CONDUCT_CODES]
    for feature in feats:
        for index, weight in model.weights.get(feature, ()):
            totals[index] += weight
    expected = {
        code: 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0)))
        for code, total in zip(CONDUCT_CODES, totals, strict=True)
    }
    assert model.probabilities(feats) == expected
    assert model.probabilities([]) == model.probabilities(["w:kata-yang-tidak-ada"])


def test_use_model_makes_triage_score_with_the_given_model_or_rules_alone() -> None:
    """Screening ships one model to its workers: triage must score with exactly that one.
    In a fresh process, so the model cached for this test session stays in place."""
    import subprocess
    import sys

    script = """
from netral.triage import corpus, triage, use_model
from netral.triage.model import train
text = "Pak camat pasang baliho caleg di pagar rumahnya kemarin."
examples = [e for e in corpus.load() if not corpus.is_test(e.origin)][:300]
use_model(train(examples, "given"))
given = triage(text)
use_model(None)
alone = triage(text)
print(given.context["pipeline"]["model"], alone.context["pipeline"]["model"], alone.codes)
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[0].endswith("+given")
    assert out[1] == "none"
    assert "APK_PASANG" in out[2]
