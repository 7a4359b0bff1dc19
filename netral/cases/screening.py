"""Findings of `netral screen` (findings.jsonl) read back and checked before import.

Every line is checked as content, not trusted as our own output: known conduct codes,
evidence whose offsets point at the quoted text, a web URL, a date, bounded sizes. A
file with any bad line is refused whole by the upload page; the command-line import
reports bad lines and imports the rest. Pure Python (no Django).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from netral.triage.codes import CONDUCT_CODES
from netral.triage.engine import MAX_CHARS

MAX_LINES = 50_000
MAX_CANDIDATES = 10
MAX_LINE_BYTES = 2 * MAX_CHARS + 200_000  # the text, its evidence and candidates, as JSON
_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|igshid|igsh|si|ref|ref_src|s|t|mibextid)$")
_CANDIDATE_TEXTS = ("nip", "name", "position", "agency", "region_code")
_REGION = re.compile(r"\d{2}(?:\.\d{2})?")


@dataclass(frozen=True)
class Finding:
    post_id: str
    codes: list[str]
    text: str
    scores: dict[str, float] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    author: str = ""
    author_bio: str = ""
    url: str = ""
    posted_at: str = ""
    platform: str = ""
    region_code: str = ""
    candidates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def posted_on(self) -> datetime.date | None:
        return _date(self.posted_at)

    @property
    def identity(self) -> str:
        """The normalised URL, else "platform:id": the same post in two exports."""
        if self.url:
            return normalised_url(self.url)
        return f"{self.platform.casefold()}:{self.post_id}"

    @property
    def key(self) -> str:
        return hashlib.sha256(self.identity.encode()).hexdigest()


@dataclass
class Batch:
    findings: list[Finding] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)  # {"line", "error"}


class FindingsFileError(ValueError):
    """The file is not a findings file at all (too big, not UTF-8 text)."""


def normalised_url(url: str) -> str:
    """Scheme and host folded, "www." and tracking parameters dropped, no fragment."""
    parts = urlsplit(url.strip())
    host = parts.netloc.casefold().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    return urlunsplit(("https", host, parts.path.rstrip("/") or "/", query, ""))


def _date(value: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _text(record: dict[str, Any], name: str, limit: int) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ValueError(f"{name} must be a string")
    text = str(value).strip()
    if len(text) > limit:
        raise ValueError(f"{name} is longer than {limit} characters")
    return text


def _codes(record: dict[str, Any]) -> list[str]:
    codes = record.get("codes")
    if not isinstance(codes, list) or not codes:
        raise ValueError("codes must be a non-empty list")
    unknown = [c for c in codes if c not in CONDUCT_CODES]
    if unknown:
        raise ValueError(f"unknown conduct code {unknown[0]!r}")
    return list(dict.fromkeys(codes))


def _evidence(record: dict[str, Any], text: str, codes: list[str]) -> list[dict[str, Any]]:
    spans = record.get("evidence") or []
    if not isinstance(spans, list):
        raise ValueError("evidence must be a list")
    out = []
    for span in spans:
        if not isinstance(span, dict):
            raise ValueError("evidence must be a list of objects")
        start, end, code = span.get("start"), span.get("end"), span.get("code")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ValueError("evidence offsets are outside the text")
        if code not in codes or text[start:end] != span.get("text"):
            raise ValueError("evidence does not quote the text at its offsets")
        out.append({"code": code, "start": start, "end": end, "text": text[start:end]})
    return out


def _scores(record: dict[str, Any], codes: list[str]) -> dict[str, float]:
    scores = record.get("scores") or {}
    if not isinstance(scores, dict):
        raise ValueError("scores must be an object")
    out: dict[str, float] = {}
    for code in codes:
        value = scores.get(code, 0.0)
        if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
            raise ValueError("scores must be numbers from 0 to 1")
        out[code] = float(value)
    return out


def _candidates(record: dict[str, Any]) -> list[dict[str, Any]]:
    found = record.get("candidates") or []
    if not isinstance(found, list) or len(found) > MAX_CANDIDATES:
        raise ValueError(f"candidates must be a list of at most {MAX_CANDIDATES}")
    out = []
    for item in found:
        if not isinstance(item, dict):
            raise ValueError("candidates must be a list of objects")
        score = item.get("score")
        if not isinstance(score, int | float) or not 0 <= score <= 100:
            raise ValueError("a candidate's score must be a number from 0 to 100")
        employee_id = item.get("employee_id")
        if employee_id is not None and not isinstance(employee_id, int):
            raise ValueError("a candidate's employee_id must be a number")
        reasons = item.get("reasons") or []
        if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
            raise ValueError("a candidate's reasons must be a list of strings")
        texts = {k: _text(item, k, 200) for k in _CANDIDATE_TEXTS}
        out.append(
            {"employee_id": employee_id, "score": float(score), "reasons": reasons[:8], **texts}
        )
    return out


def finding_from(record: Any) -> Finding:
    """One line's object as a Finding; raises ValueError with the reason."""
    if not isinstance(record, dict):
        raise ValueError("a line must be a JSON object")
    post_id = _text(record, "id", 200)
    if not post_id:
        raise ValueError("missing id")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS:
        raise ValueError(f"text must be a string of 1 to {MAX_CHARS} characters")
    codes = _codes(record)
    url = _text(record, "url", 2000)
    if url and urlsplit(url).scheme not in {"http", "https"}:
        raise ValueError("url must be an http or https address")
    posted_at = _text(record, "posted_at", 40)
    if posted_at and _date(posted_at) is None:
        raise ValueError("posted_at must be an ISO date or date-time")
    region_code = _text(record, "region_code", 13)
    if region_code and not _REGION.fullmatch(region_code):
        raise ValueError("region_code must be a Kemendagri code such as 32.01")
    platform = _text(record, "platform", 40)
    if not url and not platform:
        raise ValueError("a finding needs a url, or a platform with its id")
    return Finding(
        post_id=post_id, codes=codes, text=text, scores=_scores(record, codes),
        evidence=_evidence(record, text, codes), author=_text(record, "author", 200),
        author_bio=_text(record, "author_bio", 2000), url=url, posted_at=posted_at,
        platform=platform, region_code=region_code, candidates=_candidates(record),
    )  # fmt: skip


def read_findings(handle: BinaryIO | Iterable[bytes], max_lines: int = MAX_LINES) -> Batch:
    """Every line of a findings.jsonl: the good ones as Findings, the others as errors."""
    batch = Batch()
    for number, raw in enumerate(handle, start=1):
        if len(raw) > MAX_LINE_BYTES:
            batch.errors.append({"line": number, "error": "line is too long"})
            continue
        if not raw.strip():
            continue
        if len(batch.findings) + len(batch.errors) >= max_lines:
            raise FindingsFileError(f"more than {max_lines} findings in one file")
        try:
            batch.findings.append(finding_from(json.loads(raw.decode("utf-8"))))
        except UnicodeDecodeError:
            batch.errors.append({"line": number, "error": "not UTF-8 text"})
        except json.JSONDecodeError as error:
            batch.errors.append({"line": number, "error": f"invalid JSON: {error.msg}"})
        except ValueError as error:
            batch.errors.append({"line": number, "error": str(error)})
    return batch
