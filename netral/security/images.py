"""Images: check dimensions before decoding, report identifying metadata, re-encode clean.

The viewing copy is rebuilt from pixels alone (`Image.frombytes`), so no EXIF, GPS, XMP,
ICC profile, text chunk or maker note can survive, whatever Pillow's savers would copy.
It is decoded straight to a bounded size (`MediaLimits.view_max_side`): JPEG through
libjpeg's scaled decoding (`draft`), other formats reduced right after decoding, so no
full-size intermediate copies are made. The original stays as it was sent.
"""

from __future__ import annotations

import warnings
from io import BytesIO

from PIL import Image, IptcImagePlugin, UnidentifiedImageError

from netral.security.media import Finding, MediaLimits, Processed, Rejected
from netral.security.metadata_text import exif_findings, iptc_findings, text_chunk_findings
from netral.security.sniff import JPEG, PNG, WEBP
from netral.security.xmp import xmp_findings

_PIL_FORMAT = {JPEG: "JPEG", PNG: "PNG", WEBP: "WEBP"}
_ORIENTATION = 0x0112
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_BROKEN = (OSError, SyntaxError, ValueError, EOFError)


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


def _decode_reduced(image: Image.Image, limits: MediaLimits) -> None:
    """Decode in place at no more than the viewing size (JPEG: scaled by libjpeg)."""
    bound = (limits.view_max_side, limits.view_max_side)
    # Pillow's own bomb check is a second line behind ours; make its warning an error.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image.thumbnail(bound)  # draft() for JPEG, then reduce() and resize in place
            image.load()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise Rejected("too_many_pixels", str(exc)) from exc
        except _BROKEN as exc:
            raise Rejected("unreadable", str(exc)) from exc


def findings_of(image: Image.Image) -> tuple[Finding, ...]:
    """Metadata found in the (already decoded) image; text chunks after IDAT included."""
    found = exif_findings(image.getexif())
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if xmp:
        found |= xmp_findings(xmp)
    texts = getattr(image, "text", None) or {}
    found |= text_chunk_findings({k: v for k, v in texts.items() if k != "XML:com.adobe.xmp"})
    if image.info.get("comment"):
        found.add(Finding("free_text", identifying=True))
    if image.format == "JPEG":
        found |= iptc_findings(IptcImagePlugin.getiptcinfo(image))  # type: ignore[arg-type]
    return tuple(sorted(found, key=lambda f: (f.kind, f.identifying)))


def _pixels_only(image: Image.Image, media_type: str, orientation: int) -> Image.Image:
    upright = image.transpose(_TRANSPOSE[orientation]) if orientation in _TRANSPOSE else image
    has_alpha = "A" in upright.getbands() or "transparency" in image.info
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
    try:
        orientation = int(image.getexif().get(_ORIENTATION) or 1)
    except _BROKEN as exc:
        raise Rejected("unreadable", str(exc)) from exc
    _decode_reduced(image, limits)
    try:
        findings = findings_of(image)
        clean = _pixels_only(image, media_type, orientation)
    except _BROKEN as exc:
        raise Rejected("unreadable", str(exc)) from exc
    notes = ("first_frame_only",) if getattr(image, "n_frames", 1) > 1 else ()
    return Processed(
        media_type=media_type,
        findings=findings,
        cleaned=_encode(clean, media_type),
        cleaned_media_type=media_type,
        notes=notes,
    )
