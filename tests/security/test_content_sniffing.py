from __future__ import annotations

import pytest

from netral.security.media import Rejected
from netral.security.sniff import JPEG, MP4, PDF, PNG, WEBP, sniff
from netral.security.uploads import process_upload
from tests.security.media_samples import (
    mp4_with_location,
    pdf_with_author,
    photo_with_gps,
    plain_image,
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (photo_with_gps(), JPEG),
        (plain_image("PNG"), PNG),
        (plain_image("WEBP"), WEBP),
        (pdf_with_author(), PDF),
        (mp4_with_location(), MP4),
    ],
)
def test_each_accepted_kind_is_recognised_by_its_first_bytes(data: bytes, expected: str) -> None:
    assert sniff(data[:32]) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"<html><script>alert(1)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"GIF89a\x01\x00\x01\x00",
        b"MZ\x90\x00 an executable",
        b"PK\x03\x04 a zip or docx",
    ],
)
def test_content_outside_the_allowed_kinds_is_refused_whatever_its_name(data: bytes) -> None:
    with pytest.raises(Rejected) as caught:
        process_upload(data)
    assert caught.value.reason == "type_not_allowed"


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(Rejected) as caught:
        process_upload(b"")
    assert caught.value.reason == "empty"


def test_a_jpeg_header_followed_by_garbage_is_unreadable_not_accepted() -> None:
    with pytest.raises(Rejected) as caught:
        process_upload(b"\xff\xd8\xff\xe0" + b"not really a photo" * 10)
    assert caught.value.reason == "unreadable"
