"""Test files made on the fly with Pillow and reportlab; no binaries are committed."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO

from PIL import Image
from pypdf import PdfReader, PdfWriter

GPS_IFD = 0x8825
EXIF_IFD = 0x8769


def photo_with_gps(size: tuple[int, int] = (64, 48), *, serial: str = "SN-0042") -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "Pabrikan"  # Make
    exif[0x0110] = "Ponsel Murah 1"  # Model
    exif[0x013B] = "Budi Pelapor"  # Artist
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "S"
    gps[2] = (6.0, 54.0, 30.0)
    gps[3] = "E"
    gps[4] = (107.0, 36.0, 10.0)
    exif.get_ifd(EXIF_IFD)[0xA431] = serial  # BodySerialNumber
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def plain_image(fmt: str = "PNG", size: tuple[int, int] = (32, 32)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, (10, 90, 200)).save(out, format=fmt)
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: a decompression bomb's calling card."""
    data = bytearray(plain_image("PNG", (1, 1)))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def pdf_with_author(author: str = "Siti Pelapor") -> bytes:
    from reportlab.pdfgen import canvas

    out = BytesIO()
    page = canvas.Canvas(out)
    page.setAuthor(author)
    page.setTitle("Bukti undangan")
    page.drawString(72, 720, "Undangan rapat pemenangan di aula kantor camat")
    page.save()
    return out.getvalue()


def mp4_box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def mp4_with_location() -> bytes:
    ftyp = mp4_box(b"ftyp", b"isom" + b"\x00\x00\x02\x00" + b"isomiso2mp41")
    xyz = mp4_box(b"\xa9xyz", b"\x00\x12\x15\xc7-06.9000+107.6000/")
    moov = mp4_box(b"moov", mp4_box(b"udta", xyz))
    mdat = mp4_box(b"mdat", b"\x00" * 64)
    return ftyp + moov + mdat


XMP_MP4_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


def xmp_packet(body: str) -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f"{body}</rdf:RDF></x:xmpmeta>"
    ).encode()


def mp4_with_top_level(box: bytes) -> bytes:
    """A small MP4 whose `moov` is clean and whose extra top-level `box` follows it."""
    ftyp = mp4_box(b"ftyp", b"isom" + b"\x00\x00\x02\x00" + b"isomiso2mp41")
    moov = mp4_box(b"moov", mp4_box(b"mvhd", b"\x00" * 100))
    return ftyp + moov + box + mp4_box(b"mdat", b"\x00" * 64)


def pdf_with_attachment_and_scripts(photo: bytes) -> bytes:
    """A PDF carrying what a clean copy must lose: an attachment, scripts, forms, piece info."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf_with_author("Siti Pelapor"))))
    writer.add_attachment("IMG_Warga_Pelapor.jpg", photo)
    page = writer.pages[0]
    page[NameObject("/PieceInfo")] = DictionaryObject(
        {NameObject("/Editor"): TextStringObject("Disunting oleh Warga Pelapor")}
    )
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('halo')"),
        }
    )
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([]),
            NameObject("/A"): action,
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject([]),
            NameObject("/DA"): TextStringObject("Warga Pelapor"),
        }
    )
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
