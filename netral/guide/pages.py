"""Page contexts built from a catalogue, so a test can render them from an edited copy."""

from __future__ import annotations

import datetime
from typing import Any

from netral.guide.core.guidance import Guidance, Text
from netral.guide.core.rulebook import Change, RuleRow, conduct_rules
from netral.guide.presenting import citation
from netral.guide.registry import instrument_url
from netral.rules import Catalogue
from netral.rules.model import Instrument
from netral.web.labels import (
    conduct_label,
    election_label,
    handler_label,
    level_label,
    localized,
    sanction_label,
    status_label,
    subject_label,
    track_label,
)


def _row(catalogue: Catalogue, row: RuleRow) -> dict[str, Any]:
    provision = row.provision
    return {
        "id": provision.id,
        "subjects": [subject_label(s) for s in row.subjects],
        "statuses": [status_label(s) for s in row.statuses],
        "elections": [election_label(e) for e in row.elections],
        "during_campaign": row.during_campaign,
        "on_leave": row.on_leave,
        "track": track_label(provision.track),
        "level": level_label(provision.level) if provision.level else "",
        "sanctions": [sanction_label(s) for s in row.sanctions],
        "basis": [citation(catalogue, ref) for ref in provision.basis],
        "sanction_basis": [citation(catalogue, ref) for ref in row.sanction_basis],
        "handled_by": [handler_label(h) for h in provision.handled_by],
        "confirmed": row.confirmed,
        "from": provision.effective.start,
        "until": provision.effective.end,
    }


def instrument_view(instrument: Instrument) -> dict[str, Any]:
    return {
        "id": instrument.id,
        "title": instrument.title,
        "from": instrument.in_force.start,
        "until": instrument.in_force.end,
        "confirmed": instrument.confirmed,
        "url": instrument_url(instrument.id),
    }


def _change(catalogue: Catalogue, change: Change) -> dict[str, Any]:
    return {
        "date": change.date,
        "started": [_row(catalogue, r) for r in change.started],
        "ended": [_row(catalogue, r) for r in change.ended],
        "instruments_started": [instrument_view(i) for i in change.instruments_started],
        "instruments_ended": [instrument_view(i) for i in change.instruments_ended],
    }


def conduct_context(
    catalogue: Catalogue, guidance: Guidance, code: str, on: datetime.date
) -> dict[str, Any]:
    rules = conduct_rules(catalogue, code, on)
    guide = guidance.conduct[code]
    group = next(g for g in guidance.groups if code in g.conduct)
    return {
        "code": code,
        "label": conduct_label(code),
        "guide": guide,
        "group": group,
        "on": on,
        "by_status": [
            {"status": status_label(s), "code": s, "rows": [_row(catalogue, r) for r in rows]}
            for s, rows in rules.by_status
        ],
        "bound": [subject_label(s) for s in rules.bound],
        "exceptions": [
            {
                "reason": localized(Text(e.reason_id, e.reason_en)),
                "confirmed": e.confirmed,
                "subjects": [subject_label(s) for s in sorted(e.when.allowed("subject") or ())],
                "from": e.effective.start,
                "until": e.effective.end,
            }
            for e in rules.exceptions
        ],
        "bridges": [
            {
                "subjects": [subject_label(s) for s in sorted(b.when.allowed("subject") or ())],
                "tracks": [track_label(t) for t in sorted(b.tracks)],
                "basis": [citation(catalogue, ref) for ref in b.add_basis],
                "confirmed": b.confirmed,
            }
            for b in rules.bridges
        ],
        "history": [_change(catalogue, c) for c in rules.history],
        "instruments": [instrument_view(i) for i in rules.instruments],
        "catalogue_version": catalogue.version,
    }
