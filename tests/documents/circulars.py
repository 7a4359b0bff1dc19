"""Circulars written for these tests, and the files agencies publish them as.

The texts are the team's own (fictional numbers, dates and signatories; real place names
so the gazetteer is exercised). The builders make what arrives in practice: a Word file
(python-docx), an OpenDocument file (odfpy), a PDF with a text layer (reportlab), and a
scan: each page drawn with a TrueType font, speckled, turned slightly, saved as a
low-quality JPEG and wrapped into a PDF of page images (Pillow), with no text layer.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P, SoftPageBreak
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # fonts-dejavu-core

BANYUMAS = """PEMERINTAH KABUPATEN BANYUMAS
Jalan Kabupaten Nomor 1 Purwokerto

Yth. Kepala Perangkat Daerah
di Lingkungan Pemerintah Kabupaten Banyumas

SURAT EDARAN BUPATI BANYUMAS NOMOR 800.1.6.4/1207/2024 TANGGAL 12 AGUSTUS 2024 TENTANG NETRALITAS APARATUR SIPIL NEGARA DALAM PEMILIHAN KEPALA DAERAH TAHUN 2024

Dalam rangka menjaga netralitas Aparatur Sipil Negara (ASN) pada Pemilihan Bupati dan Wakil Bupati Banyumas Tahun 2024, dengan berpedoman pada Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil, setiap ASN dilarang:
1. memasang spanduk atau baliho bakal calon kepala daerah;
2. mengunggah atau menyebarluaskan foto pasangan calon di media sosial;
3. menghadiri kegiatan kampanye pasangan calon.
Demikian surat edaran ini untuk dilaksanakan dengan penuh tanggung jawab.

Ditetapkan di Purwokerto
pada tanggal 12 Agustus 2024
Pj. BUPATI BANYUMAS,

SUGENG RAHARJO"""  # noqa: E501 - one line of the letter, as typed
BANYUMAS_NUMBER = "800.1.6.4/1207/2024"

# A second circular, on a page of its own after a cover page that names no office.
COVER = """ARSIP BAGIAN HUKUM
Himpunan edaran tahun 2024
Disusun untuk keperluan dokumentasi internal."""

KLATEN = """PEMERINTAH KABUPATEN KLATEN

SURAT EDARAN BUPATI KLATEN NOMOR 800.1.4/3391/2024 TANGGAL 5 SEPTEMBER 2024 TENTANG NETRALITAS PEGAWAI APARATUR SIPIL NEGARA DAN PEGAWAI NON ASN

Menjelang Pemilihan Bupati dan Wakil Bupati Klaten Tahun 2024, pegawai ASN dan pegawai non ASN dilarang menghadiri deklarasi bakal calon dan dilarang memberikan tanda suka atau komentar pada unggahan pasangan calon di media sosial.

Ditetapkan di Klaten
pada tanggal 5 September 2024
Pj. BUPATI KLATEN,

ANDI WIRATMOKO"""  # noqa: E501
KLATEN_NUMBER = "800.1.4/3391/2024"


# --- files with text ---------------------------------------------------------------------


def write_docx(pages: Sequence[str], path: Path) -> Path:
    """One paragraph per line; pages separated by hard page breaks."""
    document = docx.Document()
    for number, page in enumerate(pages):
        if number:
            document.add_page_break()
        for line in page.split("\n"):
            document.add_paragraph(line)
    document.save(str(path))
    return path


def write_odt(pages: Sequence[str], path: Path, *, letterhead_table: bool = False) -> Path:
    """One paragraph per line; pages separated as LibreOffice marks its page ends.

    With `letterhead_table`, the first line of each page goes into a one-row table, as
    letters laid out in tables do."""
    document = OpenDocumentText()
    for number, page in enumerate(pages):
        if number:
            document.text.addElement(SoftPageBreak())
        lines = page.split("\n")
        if letterhead_table:
            table = Table(name=f"Kop{number}")
            table.addElement(TableColumn(numbercolumnsrepeated=2))
            row = TableRow()
            for cell_text in lines[0].split(" ", 1):
                cell = TableCell()
                cell.addElement(P(text=cell_text))
                row.addElement(cell)
            table.addElement(row)
            document.text.addElement(table)
            lines = lines[1:]
        for line in lines:
            document.text.addElement(P(text=line))
    document.save(str(path))
    return path


def write_text_pdf(pages: Sequence[str], path: Path) -> Path:
    """A PDF with a text layer, long lines wrapped as PDF producers do."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in pages:
        y = 800.0
        for line in _wrapped(page, lambda s: pdf.stringWidth(s, "Helvetica", 10), 500):
            pdf.setFont("Helvetica", 10)
            pdf.drawString(48, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return path


# --- scans -------------------------------------------------------------------------------


def scanned_page(text: str, *, dpi: int = 150, seed: int = 1) -> Image.Image:
    """An A4 page as a scanner returns it: grey speckles, turned by under a degree, JPEG."""
    rng = random.Random(seed)
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    page = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), round(11 / 72 * dpi))
    margin = round(0.9 * dpi)
    y = margin
    for line in _wrapped(text, font.getlength, width - 2 * margin):
        draw.text((margin, y), line, font=font, fill=25)
        y += round(font.size * 1.45)
    pixels = page.load()
    assert pixels is not None
    for _ in range(width * height // 400):  # dust and toner specks
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((60, 140, 200))
    turned = page.rotate(rng.uniform(0.3, 0.7), resample=Image.Resampling.BICUBIC, fillcolor=250)
    compressed = io.BytesIO()
    turned.save(compressed, "JPEG", quality=45)
    return Image.open(io.BytesIO(compressed.getvalue()))


def write_scanned_pdf(pages: Sequence[str], path: Path, *, dpi: int = 150) -> Path:
    """A PDF of page images only, as a scanner's "scan to PDF" makes."""
    images = [scanned_page(text, dpi=dpi, seed=n).convert("RGB") for n, text in enumerate(pages)]
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def _wrapped(text: str, measure: Callable[[str], float], width: float) -> list[str]:
    """Lines no wider than `width`, breaking paragraphs between words."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and measure(candidate) > width:
                lines.append(line)
                candidate = word
            line = candidate
        lines.append(line)
    return lines
