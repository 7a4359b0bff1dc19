"""``triage.stemmer.v1``: PySastrawi stems behind a per-word cache.

Sastrawi is slow per call (it re-normalises its input and walks its rules); the same
words recur constantly, so a plain dict cache makes stemming nearly free.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

NAME = "triage.stemmer.v1"
_CACHE_LIMIT = 200_000


class _Stemmer(Protocol):
    def stem(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _sastrawi() -> _Stemmer:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer: _Stemmer = StemmerFactory().create_stemmer()
    return stemmer


_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """The stem of one normalised word; words Sastrawi cannot stem come back unchanged."""
    found = _cache.get(word)
    if found is not None:
        return found
    result = word if not word.isalpha() else _sastrawi().stem(word) or word
    if len(_cache) >= _CACHE_LIMIT:  # bound memory on endless streams of rare words
        _cache.clear()
    _cache[word] = result
    return result
