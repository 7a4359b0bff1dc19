"""A phone photo or PDF of a circular is published without the metadata that says where and
with what it was taken; the original is kept, unchanged, under the hash the page shows."""

from __future__ import annotations

import datetime
from io import BytesIO
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from PIL import Image

from netral.registry import services
from netral.registry.files import keep_original, keep_public_copy, open_original, open_public
from netral.registry.values import values_from
from tests.documents.circulars import scanned_page
from tests.registry.conftest import People, own_text
from tests.security.media_samples import EXIF_IFD, GPS_IFD, png_declaring

pytestmark = pytest.mark.django_db


def phone_photo_of(text: str) -> bytes:
    """A circular photographed with a phone: GPS, maker, model and the camera's serial."""
    exif = Image.Exif()
    exif[0x010F] = "Pabrikan"
    exif[0x0110] = "Ponsel Kantor 2"
    exif[0x013B] = "Staf BKPSDM"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2], gps[3], gps[4] = "S", (6.0, 29.0, 1.0), "E", (106.0, 49.0, 5.0)
    exif.get_ifd(EXIF_IFD)[0xA431] = "SN-77-BOGOR"
    out = BytesIO()
    scanned_page(text).convert("RGB").save(out, format="JPEG", exif=exif, quality=90)
    return out.getvalue()


def identifying_exif(data: bytes) -> dict[str, Any]:
    exif = Image.open(BytesIO(data)).getexif()
    return {
        "gps": dict(exif.get_ifd(GPS_IFD)),
        "serial": exif.get_ifd(EXIF_IFD).get(0xA431),
        "artist": exif.get(0x013B),
        "model": exif.get(0x0110),
    }


def test_a_photographed_circular_is_published_without_its_location_and_camera(
    people: People, client: Client
) -> None:
    photo = phone_photo_of(own_text("bogor"))
    assert identifying_exif(photo)["gps"]
    draft = services.instrument_draft_from_file(actor=people.bogor, data=photo, name="se.jpg")
    published = services.instrument_publish(
        actor=people.bogor, instrument=draft, values=values_from(draft)
    )

    download = client.get(f"/edaran/{published.pk}/berkas/")
    served = b"".join(download.streaming_content)
    assert download["Content-Type"] == "image/jpeg"
    assert identifying_exif(served) == {"gps": {}, "serial": None, "artist": None, "model": None}
    assert Image.open(BytesIO(served)).size == Image.open(BytesIO(photo)).size
    with open_original(published.file_sha256) as kept:
        assert kept.read() == photo  # the original, unchanged, for whoever must prove it

    page = client.get(published.get_absolute_url()).content.decode()
    assert 'data-testid="cleaned-note"' in page
    assert published.file_sha256 in page
    listed = client.get("/api/v1/instruments/", {"region": "32.01"}).json()
    file = next(i["file"] for i in listed["results"] if i["id"] == published.pk)
    assert file["sha256"] == published.file_sha256
    assert file["metadata_removed"] is True
    assert file["download_sha256"] != file["sha256"]


def test_a_text_or_word_file_is_offered_as_uploaded() -> None:
    data = own_text("bogor").encode()
    original = keep_original(data)
    assert keep_public_copy(data, original) == (original, False)
    with open_public(original, cleaned=False) as handle:
        assert handle.read() == data


def test_an_image_that_cannot_be_cleaned_is_not_offered() -> None:
    data = png_declaring(60_000, 60_000)
    assert keep_public_copy(data, keep_original(data)) is None


@pytest.mark.django_db(transaction=True)
def test_instruments_uploaded_before_get_their_public_copy_at_the_upgrade() -> None:
    photo = phone_photo_of("SURAT EDARAN")
    sha256 = keep_original(photo)
    executor = MigrationExecutor(connection)
    executor.migrate([("registry", "0003_delete_registryevent")])
    executor.loader.build_graph()
    old = executor.loader.project_state([("registry", "0003_delete_registryevent")]).apps
    try:
        row = old.get_model("registry", "Instrument").objects.create(
            status="PUBLISHED",
            type="SE",
            number="800/1/BKPSDM/2024",
            date=datetime.date(2024, 9, 2),
            file_sha256=sha256,
            file_name="se.jpg",
            file_type="image/jpeg",
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("registry", "0004_public_copy")])
    new = executor.loader.project_state([("registry", "0004_public_copy")]).apps
    upgraded = new.get_model("registry", "Instrument").objects.get(pk=row.pk)
    assert upgraded.public_cleaned is True
    assert upgraded.public_sha256 not in ("", sha256)
