"""The case world of tests/cases, reused."""

from tests.cases.conftest import _empty_cache, world

__all__ = ["_empty_cache", "world"]
