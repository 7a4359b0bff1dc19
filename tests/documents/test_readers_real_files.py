"""Circulars as agencies publish them: Word, OpenDocument, PDF, web pages, misnamed files.

Each format must give the instrument its plain-text version gives, and say on which page
its evidence is.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest

from netral.documents import Instrument, extract
from netral.documents.readers import read_document

from .circulars import (
    BANYUMAS,
    BANYUMAS_NUMBER,
    COVER,
    KLATEN,
    KLATEN_NUMBER,
    write_docx,
    write_odt,
    write_text_pdf,
)

Identity = tuple[str, str | None, dt.date | None, str | None]


def _identity(instrument: Instrument) -> Identity:
    return instrument.type, instrument.number, instrument.date, instrument.issuer


def _identities(path: Path) -> list[Identity]:
    return [_identity(i) for i in extract(path).instruments]


@pytest.fixture
def banyumas_txt(tmp_path: Path) -> Path:
    path = tmp_path / "banyumas.txt"
    path.write_text(BANYUMAS, encoding="utf-8")
    return path


def test_the_text_version_names_the_circular(banyumas_txt: Path) -> None:
    (instrument,) = extract(banyumas_txt).instruments
    assert instrument.type == "SE"
    assert instrument.number == BANYUMAS_NUMBER
    assert instrument.region is not None
    assert instrument.region.name == "Kabupaten Banyumas"
    assert instrument.pages == [1]
    assert (instrument.ocr, instrument.confidence) == (False, None)


def test_a_word_file_gives_the_same_instrument(tmp_path: Path, banyumas_txt: Path) -> None:
    word = write_docx([BANYUMAS], tmp_path / "banyumas.docx")
    assert _identities(word) == _identities(banyumas_txt)


def test_an_odt_gives_the_same_instrument(tmp_path: Path, banyumas_txt: Path) -> None:
    odt = write_odt([BANYUMAS], tmp_path / "banyumas.odt")
    assert _identities(odt) == _identities(banyumas_txt)


def test_a_pdf_text_layer_gives_the_same_instrument(tmp_path: Path, banyumas_txt: Path) -> None:
    pdf = write_text_pdf([BANYUMAS], tmp_path / "banyumas.pdf")
    assert _identities(pdf) == _identities(banyumas_txt)


def test_a_word_letter_laid_out_in_a_header_and_a_table_reads_in_order(
    tmp_path: Path, banyumas_txt: Path
) -> None:
    letterhead, rest = BANYUMAS.split("\n\n", 1)
    title, body = rest.split("\n\n", 2)[1], rest.split("\n\n", 2)[2]
    document = docx.Document()
    for line in letterhead.split("\n"):  # the letterhead lives in the page header
        document.sections[0].header.add_paragraph(line)
    document.add_paragraph(rest.split("\n\n", 1)[0])
    # The title split over two cells, as letters laid out in tables have it.
    row = document.add_table(rows=1, cols=2).rows[0]
    head, tail = title.split(" NOMOR ", 1)
    row.cells[0].text, row.cells[1].text = head, f"NOMOR {tail}"
    for line in body.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "kop.docx"
    document.save(str(path))

    text = read_document(path).text
    assert text.startswith("PEMERINTAH KABUPATEN BANYUMAS\nJalan Kabupaten")
    assert f"{head} NOMOR {tail}" in text
    assert text.index("NOMOR 800") < text.index("Dalam rangka")  # the table where it stands
    assert _identities(path) == _identities(banyumas_txt)


def test_an_odt_table_cells_read_side_by_side(tmp_path: Path) -> None:
    odt = write_odt([KLATEN], tmp_path / "klaten.odt", letterhead_table=True)
    text = read_document(odt).text
    assert text.startswith("PEMERINTAH KABUPATEN KLATEN\n")
    assert [i.number for i in extract(odt).instruments] == [KLATEN_NUMBER]


@pytest.mark.parametrize(
    ("name", "writer"),
    [
        ("dua.docx", write_docx),
        ("dua.odt", write_odt),
        ("dua.pdf", write_text_pdf),
    ],
)
def test_the_page_of_the_evidence_is_reported(tmp_path: Path, name: str, writer: object) -> None:
    assert callable(writer)
    path = writer([COVER, KLATEN], tmp_path / name)
    (instrument,) = extract(path).instruments
    assert instrument.number == KLATEN_NUMBER
    assert instrument.pages == [2]
    assert (instrument.ocr, instrument.confidence) == (False, None)


def test_form_feeds_separate_the_pages_of_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "ekspor.txt"
    path.write_text(f"{COVER}\f{KLATEN}\f", encoding="utf-8")
    (instrument,) = extract(path).instruments
    assert instrument.pages == [2]
    start, end = instrument.evidence["number"]
    assert extract(path).text[start:end] == KLATEN_NUMBER


def test_word_page_breaks_from_the_last_layout_count(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(COVER)
    paragraph = document.add_paragraph()
    # Word records where its last layout broke the pages; python-docx does not write it.
    run = paragraph.add_run()
    run._r.append(run._r.makeelement(docx.oxml.ns.qn("w:lastRenderedPageBreak"), {}))
    run.add_text(KLATEN.split("\n")[0])
    for line in KLATEN.split("\n")[1:]:
        document.add_paragraph(line)
    path = tmp_path / "tata-letak.docx"
    document.save(str(path))
    assert extract(path).instruments[0].pages == [2]


# --- chosen by content, not by name -------------------------------------------------------


@pytest.mark.parametrize("misnamed", ["edaran.pdf", "edaran.txt", "edaran", "edaran.odt"])
def test_a_word_file_under_another_name_is_read_as_word(
    tmp_path: Path, banyumas_txt: Path, misnamed: str
) -> None:
    word = write_docx([BANYUMAS], tmp_path / "banyumas.docx")
    renamed = shutil.copy(word, tmp_path / misnamed)
    assert _identities(Path(renamed)) == _identities(banyumas_txt)


def test_an_odt_named_docx_and_a_pdf_named_txt_are_read_for_what_they_are(
    tmp_path: Path, banyumas_txt: Path
) -> None:
    odt = write_odt([BANYUMAS], tmp_path / "edaran.docx")
    pdf = write_text_pdf([BANYUMAS], tmp_path / "edaran.txt")
    assert _identities(odt) == _identities(banyumas_txt)
    assert _identities(pdf) == _identities(banyumas_txt)


def test_a_web_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    page = tmp_path / "halaman.txt"
    page.write_text(
        "<!DOCTYPE html><html><body><nav>Surat Edaran Nomor 111/MENU/2024</nav>"
        "<article><p>Bupati Klaten menerbitkan Surat Edaran Nomor 800/55/2024"
        " tanggal 9 Januari 2024.</p></article></body></html>",
        encoding="utf-8",
    )
    assert [i.number for i in extract(page).instruments] == ["800/55/2024"]


# --- web pages ----------------------------------------------------------------------------

NEWS_PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Berita</title></head>
<body class="single-post has-sidebar">
<div class="top-menu"><a href="/">Beranda</a> <a href="/se">SE Nomor 100/MENU/2024</a></div>
<div class="container">
 <div class="breadcrumb"><a href="/">Beranda</a> &rsaquo; <a href="/pemerintahan">Pemerintahan</a>
  &rsaquo; Surat Edaran Nomor 101/REMAH/2024</div>
 <article class="post">
  <header class="entry-header"><h1>Pj Bupati Wonosobo Terbitkan Edaran Netralitas ASN</h1>
   <div class="entry-meta">Ditulis oleh Redaksi, 3 September 2024</div></header>
  <div class="share-buttons"><a href="#">Bagikan ke Facebook</a>
   Surat Edaran Nomor 102/BAGI/2024</div>
  <div class="entry-content">
   <p>WONOSOBO - Pj Bupati Wonosobo menerbitkan Surat Edaran Nomor 800.1.4/2210/2024 tanggal
   2 September 2024 tentang netralitas ASN dalam Pilkada 2024.</p>
   <p><strong>Baca juga:</strong>
    <a href="/x">Bawaslu ingatkan Surat Edaran Nomor 103/BACA/2024</a></p>
   <p>Dalam edaran itu, ASN dilarang menghadiri kampanye pasangan calon.</p>
   <div class="related-posts"><h3>Berita Terkait</h3><ul>
    <li><a href="/a">Surat Edaran Nomor 104/TERKAIT/2024 diterbitkan</a></li>
    <li><a href="/b">Pelantikan pejabat</a></li>
    <li><a href="/c">Rapat koordinasi</a></li></ul></div>
   <p>Pelanggaran dapat dilaporkan kepada Bawaslu setempat.</p>
   <div class="tags"><a href="/t/asn">ASN</a>
    <a href="/t/se">Surat Edaran Nomor 105/TAG/2024</a></div>
  </div>
 </article>
 <div class="widget popular"><h3>Terpopuler</h3>
  <p>Surat Edaran Nomor 106/POPULER/2024 ramai</p></div>
</div>
<footer class="site-footer">Surat Edaran Nomor 107/KAKI/2024 &copy; Pemkab</footer>
</body></html>
"""


def test_a_news_page_gives_the_article_only(tmp_path: Path) -> None:
    page = tmp_path / "berita.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    text = read_document(page).text
    assert text.startswith("Pj Bupati Wonosobo Terbitkan Edaran Netralitas ASN\n")
    assert "ASN dilarang menghadiri kampanye" in text
    assert "dilaporkan kepada Bawaslu" in text  # text after the furniture is kept
    (instrument,) = extract(page).instruments
    assert instrument.number == "800.1.4/2210/2024"
    assert instrument.date == dt.date(2024, 9, 2)


def test_a_baca_juga_line_inside_running_text_goes_alone(tmp_path: Path) -> None:
    body = "Pegawai diminta menjaga sikap selama masa kampanye. " * 8
    page = tmp_path / "polos.html"
    page.write_text(
        "<html><body><div class='isi'>Wali Kota Blitar menerbitkan SE Nomor 800/77/2024"
        f" tanggal 3 Mei 2024.<br>Baca Juga: <a href='/x'>SE Nomor 900/LAIN/2024</a><br>{body}"
        "</div></body></html>",
        encoding="utf-8",
    )
    text = read_document(page).text
    assert "Pegawai diminta menjaga sikap" in text
    assert "900/LAIN" not in text
    assert [i.number for i in extract(page).instruments] == ["800/77/2024"]
