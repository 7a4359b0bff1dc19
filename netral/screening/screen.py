"""One partition screened: read, triage, roster candidates, written. What a worker runs.

A record that cannot be screened becomes a row with its error (and counts as a failure);
it never stops the partition, as a bad line never stops `netral triage`.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from netral.screening.inputs import Partition, Record, read_partition
from netral.screening.matching import Candidate, Query, candidates
from netral.screening.output import encode, write_part
from netral.screening.posts import BadPost, Post, post_from
from netral.screening.shared import Shared, install_model
from netral.triage import TriageResult, triage

MAX_ERRORS = 20  # error examples kept per partition (all are counted)
UNKNOWN = ""
MEMO = 20_000  # queries remembered per worker: accounts post again and again
_seen: dict[tuple[str, Query], list[Candidate]] = {}


def screen_partition(partition: Partition, out_dir: str, shared: Shared) -> dict[str, Any]:
    """Screen and write one partition; returns its counts (also written beside it)."""
    install_model(shared.model)
    started, cpu_started = time.perf_counter(), time.process_time()
    counts: dict[str, Counter[str]] = {
        key: Counter()
        for key in ("posts_by_platform", "posts_by_region", "findings_by_code",
                    "findings_by_region", "findings_by_platform")
    }  # fmt: skip
    rows: list[dict[str, Any]] = []
    findings: list[str] = []
    errors: list[dict[str, Any]] = []
    failures = 0
    source = Path(partition.path).name
    for record in read_partition(partition):
        row, finding = _screen_record(record, shared, source)
        rows.append(row)
        if row["error"] is not None:
            failures += 1
            if len(errors) < MAX_ERRORS:
                errors.append({"source": source, "position": record.position,
                               "id": row["id"], "error": row["error"]})  # fmt: skip
            continue
        platform, region = row["platform"] or UNKNOWN, row["region_code"] or UNKNOWN
        counts["posts_by_platform"][platform] += 1
        counts["posts_by_region"][region] += 1
        if finding is not None:
            findings.append(encode(finding))
            counts["findings_by_platform"][platform] += 1
            counts["findings_by_region"][region] += 1
            counts["findings_by_code"].update(row["codes"])
    stats: dict[str, Any] = {
        "partition": partition.index,
        "posts": len(rows) - failures,
        "failures": failures,
        "errors": errors,
        "findings": len(findings),
        **{key: dict(counter) for key, counter in counts.items()},
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
    }
    write_part(Path(out_dir), partition.name, rows, findings, stats)
    return stats


def _empty_row(source: str, position: int) -> dict[str, Any]:
    return {"source": source, "position": position, "id": None, "error": None,
            "platform": None, "region": None, "region_code": None, "author": None,
            "url": None, "posted_at": None, "codes": [], "scores": [], "evidence": [],
            "entities": None, "candidates": []}  # fmt: skip


def _screen_record(
    record: Record, shared: Shared, source: str
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    row = _empty_row(source, record.position)
    if record.error:
        row["error"] = record.error
        return row, None
    try:
        post = post_from(record.value)
    except BadPost as bad:
        row["id"], row["error"] = bad.ident, str(bad)
        return row, None
    result = triage(post.text)
    region_code = _region_code(post, result, shared)
    found = _candidates(post, result, region_code, shared) if result.codes else []
    suggested = [c.to_dict() for c in found]
    row.update(
        id=post.id, platform=post.platform, region=post.region, region_code=region_code,
        author=post.author, url=post.url, posted_at=post.posted_at, codes=result.codes,
        scores=list(result.scores.items()),
        evidence=[{"code": e.code, "start": e.start, "end": e.end, "text": e.text}
                  for e in result.evidence],
        entities=encode(result.entities),
        candidates=[{**d, "parts": list(c.parts.items())}
                    for c, d in zip(found, suggested, strict=True)],
    )  # fmt: skip
    if not result.codes:
        return row, None
    finding = {
        "id": post.id,
        "codes": result.codes,
        "scores": {code: result.scores[code] for code in result.codes},
        "evidence": row["evidence"],
        "text": post.text,
        "author": post.author,
        "author_bio": post.author_bio,
        "url": post.url,
        "posted_at": post.posted_at,
        "platform": post.platform,
        "region": post.region,
        "region_code": region_code,
        "candidates": suggested,
        "source": source,
        "position": record.position,
    }
    return row, finding


def _mentioned(result: TriageResult, kind: str) -> list[str]:
    return [str(item.get("text", "")) for item in result.entities.get(kind, [])]


def _region_code(post: Post, result: TriageResult, shared: Shared) -> str:
    for text in [post.region, *_mentioned(result, "regions")]:
        code = shared.regions.resolve(text) if text else ""
        if code:
            return code
    return ""


def _candidates(post: Post, result: TriageResult, region: str, shared: Shared) -> list[Candidate]:
    if shared.roster is None or not post.author:
        return []
    query = Query(
        name=post.author,
        position=" ".join([*_mentioned(result, "subjects"), post.author_bio]),
        agency=" ".join(_mentioned(result, "agencies")) or post.author_bio,
        region=region,
    )
    key = (shared.roster.fingerprint, query)
    found = _seen.get(key)
    if found is None:
        if len(_seen) >= MEMO:
            _seen.clear()
        found = _seen[key] = candidates(shared.roster, query)
    return found
