"""Images: check dimensions before decoding, report identifying metadata, re-encode clean.

The viewing copy is rebuilt from pixels alone (`Image.frombytes`), so no EXIF, GPS, XMP,
ICC profile, text chunk or maker note can survive, whatever Pillow's savers would copy.
"""

from __future__ import annotations

import warnings
from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

from netral.security.media import Finding, MediaLimits, Processed, Rejected
from netral.security.sniff import JPEG, PNG, WEBP

_PIL_FORMAT = {JPEG: "JPEG", PNG: "PNG", WEBP: "WEBP"}

# EXIF tags (TIFF/EXIF 2.32 numbering).
_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769
_IFD0_TAGS = {
    0x013B: Finding("author", identifying=True),  # Artist
    0x8298: Finding("author", identifying=True),  # Copyright
    0x9C9D: Finding("author", identifying=True),  # XPAuthor (Windows)
    0xC62F: Finding("camera_serial", identifying=True),  # CameraSerialNumber (DNG)
    0x010F: Finding("device", identifying=False),  # Make
    0x0110: Finding("device", identifying=False),  # Model
    0x0131: Finding("software", identifying=False),  # Software
}
_EXIF_TAGS = {
    0xA430: Finding("owner", identifying=True),  # CameraOwnerName
    0xA431: Finding("camera_serial", identifying=True),  # BodySerialNumber
    0xA435: Finding("camera_serial", identifying=True),  # LensSerialNumber
    0xA420: Finding("unique_id", identifying=True),  # ImageUniqueID
    0x927C: Finding("maker_note", identifying=False),  # MakerNote
}
_TEXT_CHUNK_AUTHORS = {"author", "artist", "copyright", "creator"}


def _open(data: bytes, media_type: str, limits: MediaLimits) -> Image.Image:
    """Open lazily (header only) and refuse sizes that would exhaust memory when decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data), formats=[_PIL_FORMAT[media_type]])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Rejected("too_many_pixels", str(exc)) from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise Rejected("unreadable", str(exc)) from exc
    width, height = image.size
    if width * height > limits.max_pixels or max(width, height) > limits.max_side:
        raise Rejected("too_many_pixels", f"{width}x{height}")
    return image


def _decode(image: Image.Image) -> None:
    # Pillow's own bomb check is a second line behind ours; make its warning an error.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image.load()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise Rejected("too_many_pixels", str(exc)) from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise Rejected("unreadable", str(exc)) from exc


def _exif_findings(exif: Image.Exif) -> set[Finding]:
    found = {finding for tag, finding in _IFD0_TAGS.items() if exif.get(tag)}
    if exif.get_ifd(_GPS_IFD):
        found.add(Finding("gps", identifying=True))
    sub = exif.get_ifd(_EXIF_IFD)
    found |= {finding for tag, finding in _EXIF_TAGS.items() if sub.get(tag)}
    return found


def _xmp_findings(xmp: bytes | str) -> set[Finding]:
    raw = xmp.encode("utf-8", "replace") if isinstance(xmp, str) else xmp
    found = {Finding("xmp", identifying=False)}
    if b"GPS" in raw:
        found.add(Finding("gps", identifying=True))
    if b"dc:creator" in raw or b"Artist" in raw or b"SerialNumber" in raw:
        found.add(Finding("author", identifying=True))
    return found


def findings_of(image: Image.Image) -> tuple[Finding, ...]:
    found = _exif_findings(image.getexif())
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if xmp:
        found |= _xmp_findings(xmp)
    for key, value in image.info.items():
        if isinstance(key, str) and key.lower() in _TEXT_CHUNK_AUTHORS and value:
            found.add(Finding("author", identifying=True))
    return tuple(sorted(found, key=lambda f: f.kind))


def _pixels_only(image: Image.Image, media_type: str) -> Image.Image:
    upright = ImageOps.exif_transpose(image)
    has_alpha = "A" in upright.getbands() or "transparency" in upright.info
    mode = "RGBA" if has_alpha and media_type != JPEG else "RGB"
    converted = upright.convert(mode)
    return Image.frombytes(mode, converted.size, converted.tobytes())


def _encode(image: Image.Image, media_type: str) -> bytes:
    out = BytesIO()
    if media_type == JPEG:
        image.save(out, format="JPEG", quality=90)
    elif media_type == PNG:
        image.save(out, format="PNG")
    else:
        image.save(out, format="WEBP", quality=90)
    return out.getvalue()


def process_image(data: bytes, media_type: str, limits: MediaLimits) -> Processed:
    """Inspect an image and make its metadata-free viewing copy (first frame only)."""
    image = _open(data, media_type, limits)
    findings = findings_of(image)
    _decode(image)
    clean = _pixels_only(image, media_type)
    notes = ("first_frame_only",) if getattr(image, "n_frames", 1) > 1 else ()
    return Processed(
        media_type=media_type,
        findings=findings,
        cleaned=_encode(clean, media_type),
        cleaned_media_type=media_type,
        notes=notes,
    )
