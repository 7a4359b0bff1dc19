"""The labelled corpus (``data/corpus/``): loading, validation and the deterministic split."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from netral.triage.codes import CODE_SET, NEGATIVE_KINDS
from netral.triage.datafiles import DATA_DIR

CORPUS_DIR = DATA_DIR / "corpus"
EVALUATION_DIR = DATA_DIR / "evaluation"
# synthetic/ and negative/: the team's own register; real/: written after reading real
# reporting, each item with the page that taught its pattern; retired/: blind sets that
# have been looked at, now training data like the rest
GROUPS = ("synthetic", "negative", "real", "retired", "known_failures")
TRAINING_GROUPS = ("synthetic", "negative", "real", "retired")
MIXED_GROUPS = frozenset({"real", "retired", "known_failures", "evaluation"})
STYLES = frozenset({"news", "complaint", "social"})
FIELDS = frozenset({"id", "text", "codes", "style", "kind"})
OPTIONAL_FIELDS = frozenset({"source"})
TEST_PERCENT = 20  # share of the corpus held out from training, chosen by id hash


class CorpusError(ValueError):
    """A corpus line is malformed; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    codes: tuple[str, ...]
    style: str
    kind: str
    group: str
    source: str  # file:line
    url: str | None = None  # the real page that taught the item's pattern (real/)

    @property
    def origin(self) -> str:
        """What cross-validation groups by: items taught by one page stay together."""
        return self.url or self.id


def corpus_files(root: Path = CORPUS_DIR) -> list[Path]:
    return sorted(p for group in GROUPS for p in (root / group).glob("*.jsonl"))


def _check(record: object, where: str, group: str) -> Example:
    if not isinstance(record, dict):
        raise CorpusError(f"{where}: not a JSON object")
    if not FIELDS <= set(record) <= FIELDS | OPTIONAL_FIELDS:
        raise CorpusError(f"{where}: fields must be {sorted(FIELDS)}, got {sorted(record)}")
    url = record.get("source")
    if group == "real" and (not isinstance(url, str) or not url.startswith("http")):
        raise CorpusError(f"{where}: a real-register item needs the source page's URL")
    ident, text, codes = record["id"], record["text"], record["codes"]
    if not isinstance(ident, str) or not ident.strip():
        raise CorpusError(f"{where}: id must be a non-empty string")
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(f"{where}: text must be a non-empty string")
    if not isinstance(codes, list) or not set(codes) <= CODE_SET or len(set(codes)) != len(codes):
        raise CorpusError(f"{where}: codes must be distinct conduct codes, got {codes!r}")
    if record["style"] not in STYLES:
        raise CorpusError(f"{where}: unknown style {record['style']!r}")
    kind = record["kind"]
    if group == "negative" and (kind not in NEGATIVE_KINDS or codes):
        raise CorpusError(f"{where}: a negative needs a known kind and no codes")
    if group == "synthetic" and (kind != "positive" or not codes):
        raise CorpusError(f"{where}: a positive needs kind 'positive' and codes")
    if group in MIXED_GROUPS and kind not in {"positive", *NEGATIVE_KINDS}:
        raise CorpusError(f"{where}: unknown kind {kind!r}")
    if group in MIXED_GROUPS - {"known_failures"} and (kind == "positive") != bool(codes):
        raise CorpusError(f"{where}: positives need codes and negatives none")
    return Example(
        ident, text, tuple(codes), record["style"], kind, group, where,
        url if isinstance(url, str) else None,
    )  # fmt: skip


def read_file(path: Path) -> Iterator[Example]:
    group = path.parent.name
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path.parent.name}/{path.name}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise CorpusError(f"{where}: invalid JSON ({error.msg})") from None
            yield _check(record, where, group)


def load(root: Path = CORPUS_DIR, groups: tuple[str, ...] = TRAINING_GROUPS) -> list[Example]:
    """Every example of the given groups; ids must be unique across the whole corpus."""
    seen: dict[str, str] = {}
    examples: list[Example] = []
    for path in corpus_files(root):
        for example in read_file(path):
            if example.id in seen:
                raise CorpusError(
                    f"{example.source}: id {example.id!r} already at {seen[example.id]}"
                )
            seen[example.id] = example.source
            if example.group in groups:
                examples.append(example)
    return examples


def evaluation_files(root: Path = EVALUATION_DIR) -> list[Path]:
    return sorted(root.glob("*.jsonl"))


def load_evaluation(root: Path = EVALUATION_DIR) -> list[Example]:
    """Blind sets written by people who never saw the corpus or the lexicons.

    Never train or tune on them: they are the only estimate of quality on text the
    engine's authors did not write.
    """
    return [example for path in evaluation_files(root) for example in read_file(path)]


def _hash(ident: str) -> int:
    return int(hashlib.sha256(ident.encode("utf-8")).hexdigest()[:12], 16)


def is_test(origin: str) -> bool:
    """Held out: training never sees these. Pass ``Example.origin``: the id, or for
    items taught by a real page that page, so one page's items fall on one side."""
    return _hash(origin) % 100 < TEST_PERCENT


def fold_of(origin: str, folds: int) -> int:
    """Cross-validation fold, grouped the same way as ``is_test``."""
    return (_hash(origin) // 100) % folds


def fingerprint(root: Path = CORPUS_DIR) -> str:
    """A hash of every corpus file, so a corpus change is noticed."""
    digest = hashlib.sha256()
    for path in corpus_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
