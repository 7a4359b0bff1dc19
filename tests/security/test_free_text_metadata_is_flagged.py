"""Finding 9: every kind of free-text metadata counts as possibly identifying."""

from __future__ import annotations

import struct
from io import BytesIO

from PIL import Image, PngImagePlugin

from netral.security.uploads import process_upload
from tests.security.media_samples import (
    XMP_MP4_UUID,
    mp4_box,
    mp4_with_top_level,
    xmp_packet,
)


def _png_with_text(key: str, value: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    out = BytesIO()
    Image.new("RGB", (16, 16), (1, 2, 3)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_a_png_comment_naming_the_photographer_is_flagged() -> None:
    for key in ("Comment", "Description", "Source"):
        processed = process_upload(_png_with_text(key, "Foto oleh Dewi Anggraini"))
        assert processed.identifying, key
        assert processed.cleaned is not None
        assert b"Dewi" not in processed.cleaned


def test_a_jpeg_comment_segment_is_flagged() -> None:
    out = BytesIO()
    Image.new("RGB", (16, 16)).save(out, "JPEG", comment=b"Dewi Anggraini 0813")
    assert process_upload(out.getvalue()).identifying


def test_an_iptc_by_line_is_flagged_as_the_author() -> None:
    out = BytesIO()
    Image.new("RGB", (16, 16)).save(out, "JPEG")
    jpeg = out.getvalue()
    iptc = b"\x1c\x02\x50" + struct.pack(">H", 14) + b"Dewi Anggraini"
    block = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc))
    app13 = b"Photoshop 3.0\x00" + block + iptc
    segment = b"\xff\xed" + struct.pack(">H", len(app13) + 2) + app13
    assert "author" in process_upload(jpeg[:2] + segment + jpeg[2:]).identifying


def test_exif_descriptions_and_comments_are_flagged() -> None:
    for tag, value in ((0x010E, "Dipotret oleh Dewi"), (0x9C9C, "Dewi".encode("utf-16le"))):
        exif = Image.Exif()
        exif[tag] = value
        out = BytesIO()
        Image.new("RGB", (16, 16)).save(out, "JPEG", exif=exif)
        assert process_upload(out.getvalue()).identifying, hex(tag)


def test_an_exif_user_comment_is_flagged_but_an_empty_one_is_not() -> None:
    def with_comment(comment: bytes) -> bytes:
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9286] = comment
        out = BytesIO()
        Image.new("RGB", (16, 16)).save(out, "JPEG", exif=exif)
        return out.getvalue()

    assert process_upload(with_comment(b"ASCII\x00\x00\x00Dewi Anggraini")).identifying
    assert process_upload(with_comment(b"ASCII\x00\x00\x00" + b" " * 8)).identifying == ()


def test_xmp_location_rights_and_creator_are_flagged() -> None:
    xmp = xmp_packet(
        '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
        'photoshop:City="Kebayoran"><dc:rights xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "Dewi Anggraini</dc:rights></rdf:Description>"
    )
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp.decode())
    out = BytesIO()
    Image.new("RGB", (16, 16)).save(out, "PNG", pnginfo=info)
    found = set(process_upload(out.getvalue()).identifying)
    assert {"location", "author"} <= found


def test_a_top_level_xmp_box_in_a_video_is_scanned() -> None:
    xmp = xmp_packet('<rdf:Description exif:GPSLatitude="6,54.5S" dc:creator="Dewi"/>')
    video = mp4_with_top_level(mp4_box(b"uuid", XMP_MP4_UUID + xmp))
    assert {"gps", "author"} <= set(process_upload(video).identifying)


def test_a_top_level_user_data_box_in_a_video_is_scanned() -> None:
    location = mp4_box(b"\xa9xyz", b"\x00\x12\x15\xc7-06.9000+107.6000/")
    video = mp4_with_top_level(mp4_box(b"udta", location))
    assert "gps" in process_upload(video).identifying


def test_a_video_without_metadata_raises_no_warning() -> None:
    assert process_upload(mp4_with_top_level(mp4_box(b"free", b""))).identifying == ()
