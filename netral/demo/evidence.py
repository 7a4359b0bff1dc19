"""A demo evidence photo, drawn on the fly: a campaign banner seen from a phone.

It carries the metadata a real phone photo would (a camera model and a GPS position,
both invented), so the demo shows the original kept intact and a cleaned copy for viewing.
"""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageDraw

GPS_IFD = 0x8825


def banner_photo() -> bytes:
    image = Image.new("RGB", (480, 320), (150, 190, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 230, 480, 320), fill=(90, 140, 70))  # a field
    draw.rectangle((60, 60, 420, 170), fill=(230, 40, 40), outline=(255, 255, 255), width=4)
    draw.text((90, 90), "PASLON NOMOR 2", fill=(255, 255, 255))
    draw.text((90, 120), "LANJUTKAN!", fill=(255, 255, 0))
    for x in (120, 360):  # the banner's poles
        draw.rectangle((x, 170, x + 8, 260), fill=(80, 60, 40))
    exif = Image.Exif()
    exif[0x010F] = "Pabrikan Fiktif"  # Make
    exif[0x0110] = "Ponsel Demo 1"  # Model
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "S", (6.0, 29.0, 1.0)
    gps[3], gps[4] = "E", (106.0, 50.0, 2.0)
    out = BytesIO()
    image.save(out, format="JPEG", quality=85, exif=exif)
    return out.getvalue()
