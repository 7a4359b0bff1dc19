"""Every record of an input lands in exactly one partition, whatever the format and the
partition size; bad records carry a position a person can find in the file."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from netral.screening.inputs import InputError, plan_partitions, read_partition
from netral.screening.posts import BadPost, post_from
from tests.screening.conftest import corpus_posts, write_jsonl

POSTS = corpus_posts(40)
POSTS[7]["text"] = 'Kata "kutipan", koma, dan\nbaris baru di dalam satu sel'


def _csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(POSTS[0]))
        writer.writeheader()
        writer.writerows(POSTS)
    return path


def _parquet(path: Path) -> Path:
    pq.write_table(pa.Table.from_pylist(POSTS), path, row_group_size=15)
    return path


WRITERS = {
    "jsonl": lambda p: write_jsonl(p / "posts.jsonl", POSTS),
    "csv": lambda p: _csv(p / "posts.csv"),
    "parquet": lambda p: _parquet(p / "posts.parquet"),
}


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("size", [1, 3, 7, 40, 1000])
def test_partitions_hold_every_record_once_in_order(tmp_path: Path, kind: str, size: int) -> None:
    path = WRITERS[kind](tmp_path)
    partitions = plan_partitions([path], size)
    assert {p.kind for p in partitions} == {kind}
    assert all(len(list(read_partition(p))) <= size for p in partitions)
    posts = [post_from(r.value) for p in partitions for r in read_partition(p)]
    assert [p.id for p in posts] == [r["id"] for r in POSTS]
    assert [p.text for p in posts] == [r["text"] for r in POSTS]
    assert [p.author for p in posts] == [r["author"] for r in POSTS]


def test_positions_are_line_and_row_numbers(tmp_path: Path) -> None:
    jsonl = write_jsonl(tmp_path / "p.jsonl", POSTS[:5])
    lines = [r.position for p in plan_partitions([jsonl], 2) for r in read_partition(p)]
    assert lines == [1, 2, 3, 4, 5]
    rows = [r.position for p in plan_partitions([_csv(tmp_path / "p.csv")], 3)
            for r in read_partition(p)]  # fmt: skip
    assert rows[:9] == [2, 3, 4, 5, 6, 7, 8, 9, 10]  # header is row 1; the quoted cell is one row


def test_bad_lines_are_records_with_their_error(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_bytes(b'{"id": 1, "text": "baik"}\n{rusak\n[1, 2]\n\n\xff\xfe\n{"id": 2}\n')
    records = [r for p in plan_partitions([path], 2) for r in read_partition(p)]
    assert [(r.position, r.error) for r in records if r.error] == [
        (2, "invalid JSON: Expecting property name enclosed in double quotes"),
        (3, "a line must be a JSON object"),
        (5, "invalid UTF-8"),
    ]
    with pytest.raises(BadPost, match="missing text"):
        post_from(records[-1].value)


def test_a_csv_without_id_and_text_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("nama,isi\nBudi,halo\n", encoding="utf-8")
    with pytest.raises(InputError, match="id and text"):
        plan_partitions([path], 10)


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"text": "x"}, "missing id"),
        ({"id": True, "text": "x"}, "missing id"),
        ({"id": "a", "text": 5}, "text must be a string"),
        ({"id": "a", "text": "x" * 100_001}, "longer than 100000"),
        ({"id": "a", "text": "x", "author": ["b"]}, "author must be a string"),
    ],
)
def test_a_post_is_refused_with_the_reason(record: dict[str, object], reason: str) -> None:
    with pytest.raises(BadPost, match=reason):
        post_from(record)
