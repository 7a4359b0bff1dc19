"""Writes to the registry: drafts from files or text, publication, edits, withdrawal.

Each is one transaction with its audit event; the actor's publish scope is checked inside
it, and a refusal is an DomainError (Forbidden, Invalid, Duplicate, WrongState, Conflict).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.audit import AuditAction, Chain, record
from netral.documents import DocumentError
from netral.org.models import Region
from netral.registry.access import publish_scope
from netral.registry.cycles import cycles_for
from netral.registry.errors import Conflict, Duplicate, Forbidden, Invalid, Unreadable, WrongState
from netral.registry.files import keep_original, keep_public_copy
from netral.registry.models import Coverage, Instrument, InstrumentType, Source, Status
from netral.registry.reading import Reading, read_file, read_text
from netral.registry.trail import subject_of
from netral.registry.values import InstrumentValues, checked

CATALOGUE_LINKS_KEY = "registry:catalogue-links"
MAX_TEXT_CHARS = 500_000
# What an edit may change, and what the audit event lists when it does.
EDITABLE = (
    "type", "type_as_written", "number", "number_key", "title", "date", "issuer",
    "issuer_key", "region", "scope", "elections", "election_year", "references",
    "prohibited_conduct", "catalogue_id",
)  # fmt: skip


def _draft(actor: User, reading: Reading, **extra: Any) -> Instrument:
    fields = dict(reading.fields)
    code = fields.pop("region", "")
    region = Region.objects.filter(code=code).first() if code else None
    values = InstrumentValues(type=fields.pop("type", "SE"), region=region, **fields)
    instrument = Instrument(
        status=Status.DRAFT,
        text=reading.text,
        evidence=reading.evidence,
        extracted=reading.extracted | {"others": reading.others},
        extractor=str(reading.extracted.get("extractor", "")),
        created_by=actor,
        **extra,
    )
    for name, value in values.as_fields().items():
        setattr(instrument, name, value)
    if instrument.type not in InstrumentType.values:
        instrument.type = InstrumentType.OTHER
    instrument.save()
    return instrument


def _may_write(actor: User) -> None:
    if publish_scope(actor).empty:
        raise Forbidden


@transaction.atomic
def instrument_draft_from_file(*, actor: User, data: bytes, name: str) -> Instrument:
    """Keep the file, extract its instrument, and open a draft for review."""
    _may_write(actor)
    try:
        reading = read_file(data, name)
    except DocumentError as error:
        raise Unreadable(detail=str(error)) from error
    sha256 = keep_original(data)
    public = keep_public_copy(data, sha256)
    instrument = _draft(
        actor,
        reading,
        source=Source.FILE,
        file_sha256=sha256,
        file_name=name[-200:],
        file_type=reading.media_type,
        public_sha256=public[0] if public else "",
        public_cleaned=public[1] if public else False,
    )
    record(
        Chain.REGISTRY,
        AuditAction.REGISTRY_DRAFT,
        actor,
        subject_of(instrument),
        {
            "file": name[-200:],
            "sha256": sha256,
            "public_sha256": instrument.public_sha256,
            "extracted": reading.extracted,
        },
    )
    return instrument


@transaction.atomic
def instrument_draft_from_text(*, actor: User, text: str, source_url: str = "") -> Instrument:
    """Extract from pasted text (a URL's text: the address is kept, never fetched)."""
    _may_write(actor)
    if not text.strip():
        raise Invalid(_("Teks kosong."))
    if len(text) > MAX_TEXT_CHARS:
        raise Invalid(_("Teks terlalu panjang."))
    reading = read_text(text)
    instrument = _draft(
        actor, reading, source=Source.URL if source_url else Source.TEXT, source_url=source_url
    )
    record(
        Chain.REGISTRY,
        AuditAction.REGISTRY_DRAFT,
        actor,
        subject_of(instrument),
        {"source_url": source_url, "extracted": reading.extracted},
    )
    return instrument


def _lock(instrument: Instrument) -> Instrument:
    return Instrument.objects.select_for_update().get(pk=instrument.pk)


def _apply(instrument: Instrument, values: InstrumentValues) -> dict[str, Any]:
    """Set the values; the fields that changed, as {name: [old, new]}."""
    changed: dict[str, Any] = {}
    for name, value in values.as_fields().items():
        old = getattr(instrument, name)
        if old != value:
            changed[name] = [_plain(old), _plain(value)]
            setattr(instrument, name, value)
    return changed


def _plain(value: Any) -> Any:
    return value.code if isinstance(value, Region) else value


def _check_scope(actor: User, region: Region | None) -> None:
    if not publish_scope(actor).covers(region):
        raise Forbidden(_("Anda hanya dapat menerbitkan instrumen untuk wilayah penugasan Anda."))


def _refuse_duplicate(instrument: Instrument, replaces: Instrument | None) -> None:
    if not instrument.number_key:
        return
    same = Instrument.objects.filter(
        status=Status.PUBLISHED,
        number_key=instrument.number_key,
        issuer_key=instrument.issuer_key,
    ).exclude(pk=instrument.pk)
    if replaces is not None:
        same = same.exclude(pk=replaces.pk)
    existing = same.first()
    if existing is not None:
        raise Duplicate(detail={"id": existing.pk, "url": existing.get_absolute_url()})


def coverage_rebuild(instrument: Instrument) -> None:
    """The cycles and region the instrument covers while it is published."""
    Coverage.objects.filter(instrument=instrument).delete()
    if instrument.status != Status.PUBLISHED or instrument.region_id is None:
        return
    cycles = cycles_for(instrument.elections, instrument.election_year, instrument.date)
    Coverage.objects.bulk_create(
        [Coverage(instrument=instrument, cycle=c, region_id=instrument.region_id) for c in cycles]
    )


def _saved(instrument: Instrument, replaces: Instrument | None = None) -> None:
    try:
        with transaction.atomic():
            instrument.save()
    except IntegrityError as error:
        # Another publication with the same number and issuer won the race.
        _refuse_duplicate(instrument, replaces)
        raise Conflict from error
    transaction.on_commit(lambda: cache.delete(CATALOGUE_LINKS_KEY))


@transaction.atomic
def instrument_publish(
    *,
    actor: User,
    instrument: Instrument,
    values: InstrumentValues,
    replaces: Instrument | None = None,
) -> Instrument:
    """Confirm a draft's values and publish it; a replaced instrument is superseded."""
    draft = _lock(instrument)
    if draft.status != Status.DRAFT:
        raise WrongState
    checked(values)
    _check_scope(actor, values.region)
    changed = _apply(draft, values)
    if replaces is not None:
        replaces = _lock(replaces)
        if replaces.status != Status.PUBLISHED or replaces.pk == draft.pk:
            raise WrongState(_("Hanya instrumen yang sedang terbit dapat digantikan."))
        _check_scope(actor, replaces.region)
    _refuse_duplicate(draft, replaces)
    if replaces is not None:
        replaces.status = Status.SUPERSEDED
        replaces.version += 1
        _saved(replaces)
        coverage_rebuild(replaces)
        draft.replaces = replaces
    draft.status = Status.PUBLISHED
    draft.published_at = timezone.now()
    _saved(draft, replaces)
    coverage_rebuild(draft)
    record(
        Chain.REGISTRY,
        AuditAction.REGISTRY_PUBLISH,
        actor,
        subject_of(draft),
        {
            "number": draft.number,
            "region": draft.region.code if draft.region else None,
            "replaces": replaces.pk if replaces else None,
            "corrected": changed,
        },
    )
    return draft


@transaction.atomic
def instrument_edit(
    *, actor: User, instrument: Instrument, values: InstrumentValues, version: int
) -> Instrument:
    """Correct a published instrument's values (optimistic lock on `version`)."""
    current = _lock(instrument)
    if current.status != Status.PUBLISHED:
        raise WrongState
    if current.version != version:
        raise Conflict
    checked(values)
    _check_scope(actor, current.region)
    _check_scope(actor, values.region)
    changed = _apply(current, values)
    if not changed:
        return current
    _refuse_duplicate(current, current.replaces)
    current.version += 1
    _saved(current)
    coverage_rebuild(current)
    record(
        Chain.REGISTRY,
        AuditAction.REGISTRY_EDIT,
        actor,
        subject_of(current),
        {"changed": changed},
    )
    return current


@transaction.atomic
def instrument_withdraw(*, actor: User, instrument: Instrument, reason: str) -> Instrument:
    """Withdraw a published instrument: it stays readable, marked withdrawn, and no
    longer counts for coverage."""
    current = _lock(instrument)
    if current.status != Status.PUBLISHED:
        raise WrongState
    _check_scope(actor, current.region)
    reason = " ".join(reason.split())
    if not reason:
        raise Invalid(detail=[{"field": "reason", "message": _("Isi alasan pencabutan.")}])
    current.status = Status.WITHDRAWN
    current.withdrawn_reason = reason[:500]
    current.version += 1
    _saved(current)
    coverage_rebuild(current)
    record(
        Chain.REGISTRY,
        AuditAction.REGISTRY_WITHDRAW,
        actor,
        subject_of(current),
        {"reason": reason},
    )
    return current
