"""Every line of the labelled corpus is well-formed, and the split is stable."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from netral.triage import corpus
from netral.triage.codes import CONDUCT_CODES


def test_every_corpus_line_is_well_formed_with_unique_ids() -> None:
    examples = corpus.load(groups=corpus.GROUPS)  # raises with file:line on any bad line
    assert len({e.id for e in examples}) == len(examples)


def test_the_corpus_is_large_enough_and_covers_every_code() -> None:
    examples = corpus.load()
    per_code = Counter(code for e in examples for code in e.codes)
    negatives = [e for e in examples if not e.codes]
    assert len(examples) >= 800
    assert len(negatives) >= 250
    assert {code: n for code, n in per_code.items() if n < 25} == {}
    assert set(per_code) == set(CONDUCT_CODES)


def test_about_a_fifth_of_the_corpus_is_held_out_by_id() -> None:
    examples = corpus.load()
    held = [e for e in examples if corpus.is_test(e.origin)]
    assert 0.15 < len(held) / len(examples) < 0.25
    assert corpus.is_test("a-medsos_unggah-007") == corpus.is_test("a-medsos_unggah-007")


def _write(tmp_path: Path, group: str, records: list[dict[str, object]]) -> Path:
    folder = tmp_path / group
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "x.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return tmp_path


GOOD = {"id": "t-1", "text": "teks", "codes": ["APK_PASANG"], "style": "news", "kind": "positive"}


@pytest.mark.parametrize(
    ("group", "change"),
    [
        ("synthetic", {"codes": []}),
        ("synthetic", {"codes": ["BUKAN_KODE"]}),
        ("synthetic", {"text": "  "}),
        ("negative", {"kind": "appeal"}),  # a negative that still carries a code
        ("synthetic", {"style": "tweet"}),
        ("real", {}),  # a real-register item without the page that taught it
        ("real", {"source": "rw-notes.txt"}),
        ("real", {"codes": [], "source": "https://example.org/a"}),  # positive, no codes
        ("synthetic", {"origin": "x"}),  # an unknown field
    ],
)
def test_a_malformed_line_is_rejected_naming_its_place(
    tmp_path: Path, group: str, change: dict[str, object]
) -> None:
    root = _write(tmp_path, group, [{**GOOD, **change}])
    with pytest.raises(corpus.CorpusError, match=r"x\.jsonl:1"):
        corpus.load(root)


def test_a_duplicate_id_is_rejected(tmp_path: Path) -> None:
    root = _write(tmp_path, "synthetic", [GOOD, GOOD])
    with pytest.raises(corpus.CorpusError, match="already"):
        corpus.load(root)


def test_items_taught_by_one_page_fall_on_one_side_of_the_split(tmp_path: Path) -> None:
    page = "https://example.org/berita/asn-ditegur"
    records = [{**GOOD, "id": f"t-{n}", "source": page} for n in range(40)]
    examples = corpus.load(_write(tmp_path, "real", records))
    assert len({corpus.is_test(e.origin) for e in examples}) == 1
    assert len({corpus.fold_of(e.origin, 5) for e in examples}) == 1
    # while items without a page spread by their own ids
    spread = [corpus.is_test(f"t-{n}") for n in range(40)]
    assert len(set(spread)) == 2
