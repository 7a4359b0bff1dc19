from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from netral.security.media import MediaLimits, Rejected
from netral.security.uploads import process_upload
from tests.security.media_samples import (
    mp4_box,
    mp4_with_location,
    pdf_with_author,
    photo_with_gps,
    plain_image,
    png_declaring,
)


def test_gps_serial_and_author_in_a_photo_are_reported_as_identifying() -> None:
    processed = process_upload(photo_with_gps())
    assert set(processed.identifying) == {"gps", "camera_serial", "author"}
    assert "device" in {f.kind for f in processed.findings}
    assert "device" not in processed.identifying


def test_the_cleaned_photo_carries_no_exif_at_all() -> None:
    original = photo_with_gps()
    processed = process_upload(original)
    assert processed.cleaned is not None
    cleaned = Image.open(BytesIO(processed.cleaned))
    assert dict(cleaned.getexif()) == {}
    assert b"Exif" not in processed.cleaned
    assert b"Budi Pelapor" not in processed.cleaned
    assert cleaned.size == Image.open(BytesIO(original)).size


def test_a_photo_without_metadata_raises_no_warning() -> None:
    assert process_upload(plain_image("PNG")).identifying == ()


def test_the_cleaned_photo_is_turned_upright_from_the_orientation_tag() -> None:
    image = Image.new("RGB", (40, 20), (0, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to view
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    cleaned = process_upload(out.getvalue()).cleaned
    assert cleaned is not None
    assert Image.open(BytesIO(cleaned)).size == (20, 40)


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (8_000, 8_000),  # above our 24 MP default, below Pillow's own bomb threshold
        (60_000, 60_000),  # far above both
        (30_000, 10),  # one side beyond the longest we decode
    ],
)
def test_an_image_declaring_huge_dimensions_is_refused_before_decoding(
    width: int, height: int
) -> None:
    bomb = png_declaring(width, height)
    assert len(bomb) < 200
    with pytest.raises(Rejected) as caught:
        process_upload(bomb)
    assert caught.value.reason == "too_many_pixels"


def test_the_pixel_limit_is_a_parameter() -> None:
    limits = MediaLimits(max_pixels=100)
    with pytest.raises(Rejected):
        process_upload(plain_image("PNG", (20, 20)), limits=limits)
    assert process_upload(plain_image("PNG", (10, 10)), limits=limits).cleaned


def test_pdf_author_is_reported_and_removed_from_the_clean_copy() -> None:
    processed = process_upload(pdf_with_author("Siti Pelapor"))
    assert "author" in processed.identifying
    assert processed.cleaned is not None
    assert b"Siti Pelapor" not in processed.cleaned
    cleaned = PdfReader(BytesIO(processed.cleaned))
    assert not (cleaned.metadata or {}).get("/Author")
    assert "Undangan rapat" in cleaned.pages[0].extract_text()


def test_a_password_protected_pdf_is_refused_with_its_own_reason() -> None:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf_with_author())))
    writer.encrypt("rahasia")
    out = BytesIO()
    writer.write(out)
    with pytest.raises(Rejected) as caught:
        process_upload(out.getvalue())
    assert caught.value.reason == "encrypted"


def test_video_location_is_reported_and_no_clean_copy_is_claimed() -> None:
    processed = process_upload(mp4_with_location())
    assert processed.identifying == ("gps",)
    assert processed.cleaned is None
    assert "video_not_cleaned" in processed.notes


def test_a_video_whose_boxes_overrun_the_file_is_refused() -> None:
    broken = mp4_with_location()[:-10]
    with pytest.raises(Rejected):
        process_upload(broken)
    assert mp4_box(b"free", b"")  # the helper itself builds well-formed boxes
