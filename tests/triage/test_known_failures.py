"""Texts triage gets wrong today, kept as strict expected failures so a fix is noticed."""

from __future__ import annotations

import pytest

from netral.triage import corpus, triage

KNOWN = corpus.load(groups=("known_failures",))


@pytest.mark.xfail(strict=True, reason="known failure of the current lexicons and context")
@pytest.mark.parametrize("example", KNOWN, ids=[e.id for e in KNOWN])
def test_a_known_failure_is_still_wrong(example: corpus.Example) -> None:
    assert sorted(triage(example.text).codes) == sorted(example.codes)
