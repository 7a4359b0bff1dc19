"""Drafts from text and files, publication in one's own region, duplicates, versions,
corrections and withdrawal, each with its audit event."""

from __future__ import annotations

import pytest

from netral.audit import Chain
from netral.audit.models import AuditEntry
from netral.audit.verify import verify_all
from netral.documents import extract_text
from netral.errors import Conflict, Forbidden
from netral.org.models import Region
from netral.registry import services, trail
from netral.registry.errors import Duplicate, Invalid, WrongState
from netral.registry.models import Coverage, Instrument, Status
from netral.registry.selectors import instruments_for_staff
from netral.registry.values import values_from
from tests.registry.conftest import People, own_path, own_text

pytestmark = pytest.mark.django_db


def _publish(actor, text: str) -> Instrument:  # type: ignore[no-untyped-def]
    draft = services.instrument_draft_from_text(actor=actor, text=text)
    return services.instrument_publish(actor=actor, instrument=draft, values=values_from(draft))


def test_a_pasted_circular_prefills_the_draft_with_what_extraction_reads(people: People) -> None:
    text = own_text("bogor")
    expected = extract_text(text).instruments[0]
    draft = services.instrument_draft_from_text(
        actor=people.bogor, text=text, source_url="https://bogorkab.go.id/berita/edaran"
    )
    assert draft.status == Status.DRAFT
    assert (draft.number, draft.date, draft.issuer) == (
        expected.number,
        expected.date,
        expected.issuer,
    )
    assert draft.region is not None
    assert draft.region.code == "32.01"
    assert draft.prohibited_conduct == expected.prohibited_conduct
    start, end = draft.evidence["number"]
    assert draft.text[start:end] == draft.number
    assert draft.source_url.endswith("/edaran")


def test_a_file_is_kept_by_its_hash_and_read_by_the_documents_core(people: People) -> None:
    data = own_path("jabar").read_bytes()
    draft = services.instrument_draft_from_file(actor=people.jabar, data=data, name="jabar.txt")
    assert len(draft.file_sha256) == 64
    assert draft.file_type.startswith("text/plain")
    assert draft.region is not None
    assert draft.region.code == "32"


def test_an_unreadable_file_is_refused_and_nothing_is_kept(people: People) -> None:
    with pytest.raises(services.Unreadable):
        services.instrument_draft_from_file(
            actor=people.bogor, data=b"\x00\x01\x02binary", name="x.pdf"
        )
    assert not Instrument.objects.exists()


def test_regional_staff_publish_for_their_region_and_its_cycles(people: People) -> None:
    published = _publish(people.bogor, own_text("bogor"))
    assert published.status == Status.PUBLISHED
    assert published.published_at is not None
    assert set(Coverage.objects.filter(instrument=published).values_list("cycle", flat=True)) == {
        "PILKADA-2024"
    }
    assert [e.action for e in trail.events_of(published, Chain.REGISTRY)] == [
        "registry_draft",
        "registry_publish",
    ]


def test_staff_of_another_region_may_not_publish_it(people: People) -> None:
    draft = services.instrument_draft_from_text(actor=people.kebumen, text=own_text("bogor"))
    with pytest.raises(Forbidden):
        services.instrument_publish(
            actor=people.kebumen, instrument=draft, values=values_from(draft)
        )
    assert Instrument.objects.get(pk=draft.pk).status == Status.DRAFT
    assert not Coverage.objects.exists()
    # The draft is read as Bogor's: Bogor's staff see it, a Kebumen colleague only because
    # she drafted it, and a verifier not at all.
    assert instruments_for_staff(people.bogor).filter(pk=draft.pk).exists()
    assert instruments_for_staff(people.kebumen).filter(pk=draft.pk).exists()
    assert not instruments_for_staff(people.verifier).exists()
    # The province's staff publish for its regencies.
    published = services.instrument_publish(
        actor=people.jabar, instrument=draft, values=values_from(draft)
    )
    assert published.status == Status.PUBLISHED


def test_a_user_without_a_registry_role_cannot_even_draft(people: People) -> None:
    with pytest.raises(Forbidden):
        services.instrument_draft_from_text(actor=people.verifier, text=own_text("bogor"))


def test_the_same_number_and_issuer_is_caught_as_a_duplicate(people: People) -> None:
    first = _publish(people.bogor, own_text("bogor"))
    assert first.number
    # The same circular typed with spaces around the slashes and an O for a zero.
    retyped = own_text("bogor").replace(
        first.number, first.number.replace("/", " / ").replace("0", "O", 1)
    )
    draft = services.instrument_draft_from_text(actor=people.bogor, text=retyped)
    assert draft.number_key == first.number_key
    with pytest.raises(Duplicate) as refused:
        services.instrument_publish(actor=people.bogor, instrument=draft, values=values_from(draft))
    assert refused.value.detail["id"] == first.pk
    assert Instrument.objects.filter(status=Status.PUBLISHED).count() == 1


def test_a_new_version_supersedes_the_one_it_replaces(people: People) -> None:
    first = _publish(people.bogor, own_text("bogor"))
    draft = services.instrument_draft_from_text(actor=people.bogor, text=own_text("bogor"))
    values = values_from(draft)
    values.title = "Perubahan atas surat edaran netralitas"
    second = services.instrument_publish(
        actor=people.bogor, instrument=draft, values=values, replaces=first
    )
    first.refresh_from_db()
    assert first.status == Status.SUPERSEDED
    assert second.replaces == first
    assert not Coverage.objects.filter(instrument=first).exists()
    assert Coverage.objects.filter(instrument=second).exists()
    with pytest.raises(WrongState):  # published once is published
        services.instrument_publish(actor=people.bogor, instrument=second, values=values)


def test_a_correction_is_recorded_with_what_changed_and_needs_the_current_version(
    people: People,
) -> None:
    published = _publish(people.bogor, own_text("bogor"))
    values = values_from(published)
    values.election_year = 2029
    with pytest.raises(Conflict):
        services.instrument_edit(
            actor=people.bogor, instrument=published, values=values, version=published.version - 1
        )
    edited = services.instrument_edit(
        actor=people.bogor, instrument=published, values=values, version=published.version
    )
    assert edited.version == published.version + 1
    assert not Coverage.objects.filter(instrument=edited).exists()  # no 2029 cycle
    event = trail.events_of(edited, Chain.REGISTRY)[-1]
    assert (event.action, event.details["changed"]["election_year"]) == (
        "registry_edit",
        [2024, 2029],
    )


def test_a_correction_may_not_move_an_instrument_out_of_ones_region(people: People) -> None:
    published = _publish(people.bogor, own_text("bogor"))
    values = values_from(published)
    values.region = Region.objects.get(code="33.05")
    with pytest.raises(Forbidden):
        services.instrument_edit(
            actor=people.bogor, instrument=published, values=values, version=published.version
        )


def test_bad_values_are_refused_with_every_reason(people: People) -> None:
    draft = services.instrument_draft_from_text(actor=people.bogor, text=own_text("bogor"))
    values = values_from(draft)
    values.number, values.date, values.issuer = "", None, " "
    values.prohibited_conduct = ["MENARI"]
    with pytest.raises(Invalid) as refused:
        services.instrument_publish(actor=people.bogor, instrument=draft, values=values)
    assert {p["field"] for p in refused.value.detail} == {"number", "issuer", "prohibited_conduct"}
    assert Instrument.objects.get(pk=draft.pk).status == Status.DRAFT


def test_withdrawal_needs_a_reason_and_ends_coverage(people: People) -> None:
    published = _publish(people.bogor, own_text("bogor"))
    with pytest.raises(Invalid):
        services.instrument_withdraw(actor=people.bogor, instrument=published, reason="  ")
    withdrawn = services.instrument_withdraw(
        actor=people.bogor, instrument=published, reason="Diganti peraturan bupati"
    )
    assert withdrawn.status == Status.WITHDRAWN
    assert not Coverage.objects.exists()
    assert [e.action for e in trail.events_of(withdrawn, Chain.REGISTRY)] == [
        "registry_draft",
        "registry_publish",
        "registry_withdraw",
    ]


def test_the_writes_are_entries_of_the_audit_chain_registry_that_verify(people: People) -> None:
    bogor = _publish(people.bogor, own_text("bogor"))
    _publish(people.jabar, own_text("jabar"))
    entries = list(AuditEntry.objects.filter(chain=Chain.REGISTRY).order_by("seq"))
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert entries[1].subject == f"registry.instrument:{bogor.pk}"
    assert entries[1].actor == people.bogor
    assert verify_all(None).problems == []
