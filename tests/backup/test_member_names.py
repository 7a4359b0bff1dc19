"""A restore writes only the names a Netral backup writes: nothing outside the data roots."""

from __future__ import annotations

import pytest

from netral.backup.manifest import member_allowed

SHA = "ab" + "cd" + "0" * 60


@pytest.mark.parametrize(
    "name",
    [
        "manifest.json",
        "audit/heads.jsonl",
        "database/netral.pgdump",
        "database/netral.sqlite3",
        f"evidence/original/ab/cd/{SHA}",
        f"evidence/cleaned/ab/cd/{SHA}",
        "media/cases/letters/1/surat.pdf",
    ],
)
def test_the_names_a_backup_writes_are_accepted(name: str) -> None:
    assert member_allowed(name)


@pytest.mark.parametrize(
    "name",
    [
        "/etc/passwd",
        "../netral.sqlite3",
        "media/../../etc/cron.d/job",
        "media/cases/./x",
        "media/",
        "media//x",
        f"evidence/original/ff/cd/{SHA}",  # the directories do not match the digest
        f"evidence/staging/ab/cd/{SHA}",
        "evidence/original/ab/cd/not-a-digest",
        "database/other.sql",
        "manifest.json/x",
    ],
)
def test_anything_else_is_refused(name: str) -> None:
    assert not member_allowed(name)
