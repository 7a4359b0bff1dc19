"""``triage.matcher.v1``: a tiny pattern language over stemmed tokens.

A pattern is a line such as ``pasang|tempel ~4 spanduk|baliho|alat_peraga``:

- slots are separated by spaces and must appear in order within one sentence;
- ``a|b`` are alternatives; ``alat_peraga`` is a sequence of adjacent words;
- ``~N`` before a slot allows up to N other words before it (default: the entry's gap);
- a word matches a token with the same stem (so *memasang*, *dipasang* meet *pasang*),
  ``=word`` only the exact normalised word (``=a_b``: every word exact),
  ``word*`` any word starting so, ``#num`` any number.

Pattern words go through the same normaliser as the text, so ``paslon`` in a pattern
means what ``paslon`` in a text means.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from netral.triage.analysis import Analysis, Token
from netral.triage.normalize import normalise_token
from netral.triage.stemmer import stem

NAME = "triage.matcher.v1"

_NUMBER_WORDS = frozenset(
    {
        "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas", "belas", "puluh", "ratus", "ratusan", "puluhan", "ribu",
        "ribuan", "seratus", "seribu", "juta",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Term:
    kind: str  # "stem" | "exact" | "prefix" | "num"
    value: str

    def matches(self, token: Token) -> bool:
        if self.kind == "stem":
            return token.stem == self.value or token.norm == self.value
        if self.kind == "exact":
            return token.norm == self.value
        if self.kind == "prefix":
            return token.norm.startswith(self.value)
        return _is_number(token.norm)


Sequence_ = tuple[Term, ...]
Slot = tuple[Sequence_, ...]


class SlotIndex:
    """The alternatives of one slot, indexed by their first word: a slot with fifty
    alternatives costs two dict look-ups per position, not fifty comparisons."""

    __slots__ = ("by_exact", "by_stem", "heads", "others", "single")

    def __init__(self, slot: Slot) -> None:
        self.by_stem: dict[str, list[Sequence_]] = {}
        self.by_exact: dict[str, list[Sequence_]] = {}
        self.others: list[Sequence_] = []
        for seq in slot:
            head = seq[0]
            if head.kind == "stem":
                self.by_stem.setdefault(head.value, []).append(seq)
            elif head.kind == "exact":
                self.by_exact.setdefault(head.value, []).append(seq)
            else:
                self.others.append(seq)
        # words one of which must occur in a text for this slot to match (None: any text)
        self.heads: frozenset[str] | None = (
            None if self.others else frozenset(self.by_stem) | frozenset(self.by_exact)
        )
        self.single = all(len(seq) == 1 for seq in slot)

    def candidates(self, token: Token) -> list[Sequence_]:
        found = self.by_stem.get(token.stem, [])
        if token.norm != token.stem:
            found = found + self.by_stem.get(token.norm, [])
        exact = self.by_exact.get(token.norm)
        if exact:
            found = found + exact
        return found + self.others if self.others else found

    def scan(self, tokens: Sequence[Token], lo: int, hi: int, sentence: int) -> int:
        """Index after the first alternative that matches at the earliest position in
        ``lo..hi-1`` (``hi`` at most the number of tokens) within ``sentence``, else -1."""
        by_stem, by_exact, others = self.by_stem, self.by_exact, self.others
        for at in range(lo, hi):
            token = tokens[at]
            if token.sentence != sentence:  # sentences only grow: nothing further on
                return -1
            if self.single:  # one-word alternatives: any that matches ends at the next token
                if (
                    token.stem in by_stem
                    or token.norm in by_stem
                    or token.norm in by_exact
                    or (others and any(seq[0].matches(token) for seq in others))
                ):
                    return at + 1
                continue
            for seq in self.candidates(token):
                end = _match_sequence(seq, tokens, at, sentence)
                if end != -1:
                    return end
        return -1


@dataclass(frozen=True, slots=True)
class Pattern:
    label: str
    source: str
    slots: tuple[Slot, ...]
    gaps: tuple[int, ...]  # allowed gap before each slot (first is 0)
    weight: float
    requires: tuple[tuple[str, ...], ...] = ()  # each group: one of its words in the text
    block_before: frozenset[str] = frozenset()
    block_after: frozenset[str] = frozenset()
    block_window: int = 3
    compiled: tuple[SlotIndex, ...] = field(default=(), compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", tuple(SlotIndex(slot) for slot in self.slots))


class Hit(NamedTuple):
    """A pattern matched from token ``first`` to token ``last``."""

    pattern: Pattern
    first: int  # token indices, inclusive
    last: int


def _terms(word: str) -> Sequence_:
    if word == "#num":
        return (Term("num", ""),)
    if word.startswith("="):
        return tuple(Term("exact", w) for w in normalise_token(word[1:]))
    if word.endswith("*"):
        return (Term("prefix", word[:-1].lower()),)
    return tuple(Term("stem", stem(w)) for w in normalise_token(word))


def _alternative(text: str) -> Sequence_:
    """``=salah_orang`` is exact in every word: not "salah seorang" (whose stem is
    "orang"); ``pasang_baliho`` matches by stem in every word."""
    exact = text.startswith("=")
    terms: list[Term] = []
    for part in text.split("_"):
        terms.extend(_terms(f"={part.lstrip('=')}" if exact and part else part))
    if not terms:
        raise ValueError(f"empty alternative in {text!r}")
    return tuple(terms)


def parse(source: str, default_gap: int) -> tuple[tuple[Slot, ...], tuple[int, ...]]:
    slots: list[Slot] = []
    gaps: list[int] = []
    gap = default_gap
    for piece in source.split():
        if piece.startswith("~"):
            gap = int(piece[1:])
            continue
        slots.append(tuple(_alternative(alt) for alt in piece.split("|")))
        gaps.append(0 if not gaps else gap)
        gap = default_gap
    if not slots:
        raise ValueError(f"empty pattern {source!r}")
    return tuple(slots), tuple(gaps)


def word_keys(words: Iterable[str]) -> frozenset[str]:
    """Keys (stems and exact words) that a list of plain words matches."""
    keys: set[str] = set()
    for word in words:
        for term in _alternative(word):
            keys.add(term.value)
    return frozenset(keys)


def _match_sequence(seq: Sequence_, tokens: Sequence[Token], at: int, sentence: int) -> int:
    """Index after the sequence if it matches at ``at``, else -1."""
    end = at + len(seq)
    if end > len(tokens):
        return -1
    for offset, term in enumerate(seq):
        token = tokens[at + offset]
        if token.sentence != sentence or not term.matches(token):
            return -1
    return end


class PatternSet:
    """Patterns indexed by the words that can start them."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.patterns = tuple(patterns)
        self._by_key: dict[str, list[Pattern]] = {}
        self._always: list[Pattern] = []  # start with a prefix: tried at every word
        self._numeric: list[Pattern] = []  # start with a number: tried at numbers only
        for pattern in self.patterns:
            for seq in pattern.slots[0]:
                head = seq[0]
                if head.kind in {"stem", "exact"}:
                    bucket = self._by_key.setdefault(head.value, [])
                elif head.kind == "num":
                    bucket = self._numeric
                else:
                    bucket = self._always
                if not any(p is pattern for p in bucket):
                    bucket.append(pattern)
        self._always_heads = tuple((p, _prefixes(p)) for p in self._always)
        self._always_prefixes = tuple(x for _, heads in self._always_heads for x in heads)
        self._starts = frozenset(self._by_key)

    def hits(self, analysis: Analysis) -> list[Hit]:
        """Every match in ``analysis``, by start token, then in pattern order."""
        found: list[Hit] = []
        starting = self._starts & analysis.keys  # words of this text that start a pattern
        if not starting and not self._numeric and not self._always:
            return found
        seen: set[tuple[int, int, int]] = set()
        viable: dict[int, bool] = {}
        numeric, prefixes = bool(self._numeric), self._always_prefixes
        for index, token in enumerate(analysis.tokens):
            norm = token.norm
            if not (
                token.stem in starting
                or norm in starting
                or (numeric and (norm.isdigit() or norm in _NUMBER_WORDS))
                or (prefixes and norm.startswith(prefixes))
            ):
                continue  # no pattern can start here: the common case, kept cheap
            for pattern in self._candidates(token):
                ok = viable.get(id(pattern))
                if ok is None:
                    ok = viable[id(pattern)] = _viable(pattern, analysis.keys)
                hit = _match_at(pattern, analysis.tokens, index, analysis) if ok else None
                if hit is not None and (key := (id(pattern), hit.first, hit.last)) not in seen:
                    seen.add(key)
                    found.append(hit)
        return found

    def _candidates(self, token: Token) -> list[Pattern]:
        """Patterns that may start at ``token``, in the order they are tried."""
        stem, norm = token.stem, token.norm
        candidates = self._by_key.get(stem, _NONE)
        if norm != stem and norm in self._by_key:
            candidates = candidates + self._by_key[norm]
        if self._numeric and (norm.isdigit() or norm in _NUMBER_WORDS):
            candidates = candidates + self._numeric
        if self._always and norm.startswith(self._always_prefixes):
            for pattern, prefixes in self._always_heads:
                # its stem, exact or number heads, if any, were already tried above
                if norm.startswith(prefixes):
                    candidates = [*candidates, pattern]
        return candidates


_NONE: list[Pattern] = []  # never appended to: candidate lists are concatenated


def _is_number(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS


def _prefixes(pattern: Pattern) -> tuple[str, ...]:
    """Prefix heads of the first slot: the one way it can match a word that neither its
    stem and exact heads (indexed) nor its number heads (tried at numbers) cover."""
    others = pattern.compiled[0].others
    return tuple(seq[0].value for seq in others if seq[0].kind == "prefix")


def _viable(pattern: Pattern, keys: frozenset[str]) -> bool:
    """Cheap test: every later slot has a possible first word somewhere in the text."""
    for slot in pattern.compiled[1:]:
        if slot.heads is not None and slot.heads.isdisjoint(keys):
            return False
    return True


def _blocked(keys: frozenset[str], tokens: Sequence[Token], lo: int, hi: int, sent: int) -> bool:
    for token in tokens[max(lo, 0) : max(hi, 0)]:
        if token.sentence == sent and (token.stem in keys or token.norm in keys):
            return True
    return False


def _match_at(pattern: Pattern, tokens: Sequence[Token], index: int, doc: Analysis) -> Hit | None:
    sentence = tokens[index].sentence
    end = pattern.compiled[0].scan(tokens, index, index + 1, sentence)
    if end == -1:
        return None
    count = len(tokens)
    for slot, gap in zip(pattern.compiled[1:], pattern.gaps[1:], strict=True):
        end = slot.scan(tokens, end, min(end + gap + 1, count), sentence)
        if end == -1:
            return None
    for group in pattern.requires:
        if doc.keys.isdisjoint(group):
            return None
    window = pattern.block_window
    if pattern.block_before and _blocked(
        pattern.block_before, tokens, index - window, index, sentence
    ):
        return None
    if pattern.block_after and _blocked(pattern.block_after, tokens, end, end + window, sentence):
        return None
    return Hit(pattern, index, end - 1)
