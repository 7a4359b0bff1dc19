"""Finding 6: small files that decode to huge bitmaps are refused; copies are bounded."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from netral.security.media import MediaLimits, Rejected
from netral.security.uploads import process_upload


def _image(fmt: str, size: tuple[int, int], mode: str = "RGB") -> bytes:
    out = BytesIO()
    Image.new(mode, size).save(out, fmt)
    return out.getvalue()


def test_a_7000_pixel_square_png_is_refused_by_the_default_limit() -> None:
    # 49 megapixels in a file of a few hundred kilobytes: the reviewer's RAM probe.
    with pytest.raises(Rejected) as caught:
        process_upload(_image("PNG", (7000, 7000), "RGBA"))
    assert caught.value.reason == "too_many_pixels"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_a_large_photo_gets_a_viewing_copy_no_longer_than_the_viewing_side(fmt: str) -> None:
    limits = MediaLimits(view_max_side=500)
    cleaned = process_upload(_image(fmt, (1600, 1200)), limits=limits).cleaned
    assert cleaned is not None
    assert max(Image.open(BytesIO(cleaned)).size) <= 500
    assert Image.open(BytesIO(cleaned)).size[0] > Image.open(BytesIO(cleaned)).size[1]


def test_a_reduced_copy_is_still_turned_upright() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    out = BytesIO()
    Image.new("RGB", (1600, 800)).save(out, "JPEG", exif=exif)
    cleaned = process_upload(out.getvalue(), limits=MediaLimits(view_max_side=400)).cleaned
    assert cleaned is not None
    width, height = Image.open(BytesIO(cleaned)).size
    assert height > width
    assert max(width, height) <= 400
