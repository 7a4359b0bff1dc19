"""Finding 9: the API tells the sender what identifying metadata their files carried."""

from __future__ import annotations

from typing import Any

from tests.intake.conftest import upload
from tests.security.media_samples import photo_with_gps, plain_image


def test_a_photo_with_location_comes_back_with_a_warning(submit: Any) -> None:
    body = submit(files=[upload("IMG_9.jpg", photo_with_gps())]).json()
    [warning] = body["evidence_warnings"]
    assert warning["file"] == "IMG_9.jpg"
    assert {"gps", "camera_serial", "author"} <= set(warning["findings"])
    assert any("GPS" in label for label in warning["labels"])


def test_a_plain_picture_comes_back_without_warnings(submit: Any) -> None:
    body = submit(files=[upload("layar.png", plain_image("PNG"), "image/png")]).json()
    assert body["evidence_warnings"] == []
