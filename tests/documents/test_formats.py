"""Reading .txt, .html, .pdf and .docx, and refusing what cannot be read."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from netral.documents import DocumentError, extract

from .conftest import CORPUS

ARTICLE = CORPUS / "kalbar_three_instruments.txt"


def _summary(path: Path) -> list[tuple[str, str | None, str | None, str | None]]:
    result = extract(path)
    return [
        (
            i.type,
            i.number,
            i.date.isoformat() if i.date else None,
            i.region.code if i.region else None,
        )
        for i in result.instruments
    ]


def _write_pdf(text: str, path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for paragraph in text.split("\n"):
        # Wrap long paragraphs the way a PDF producer does: a line break inside a sentence.
        words, line = paragraph.split(), ""
        for word in words:
            if len(line) + len(word) > 85:
                pdf.drawString(40, y, line)
                y, line = y - 14, ""
            line = f"{line} {word}".strip()
        pdf.drawString(40, y, line)
        y -= 20
    pdf.save()


def _write_docx(text: str, path: Path) -> None:
    document = docx.Document()
    for paragraph in text.split("\n"):
        document.add_paragraph(paragraph)
    document.save(str(path))


def test_a_pdf_gives_the_same_instruments_as_its_text(tmp_path: Path) -> None:
    pdf = tmp_path / "kalbar.pdf"
    _write_pdf(ARTICLE.read_text("utf-8"), pdf)
    expected = _summary(ARTICLE)
    assert len(expected) == 3
    assert _summary(pdf) == expected


def test_a_docx_gives_the_same_instruments_as_its_text(tmp_path: Path) -> None:
    document = tmp_path / "kalbar.docx"
    _write_docx(ARTICLE.read_text("utf-8"), document)
    assert _summary(document) == _summary(ARTICLE)


def test_a_docx_table_is_read_too(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Daftar edaran netralitas")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Bupati Klaten menerbitkan Surat Edaran Nomor 800/55/2024"
    table.rows[0].cells[1].text = "tanggal 9 Januari 2024"
    path = tmp_path / "tabel.docx"
    document.save(str(path))
    assert [i.number for i in extract(path).instruments] == ["800/55/2024"]


def test_html_page_furniture_is_not_read_as_instruments() -> None:
    numbers = [i.number for i in extract(CORPUS / "jatim_se_page.html").instruments]
    assert numbers == ["800.1.12.4/2871/204/2023"]


def test_html_without_an_article_element_reads_the_body(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text(
        "<html><body><p>Wali Kota Blitar menerbitkan SE Nomor 800/77/2024"
        " tanggal 3 Mei 2024.</p></body></html>",
        encoding="utf-8",
    )
    result = extract(page)
    assert [i.number for i in result.instruments] == ["800/77/2024"]
    assert result.instruments[0].region is not None
    assert result.instruments[0].region.name == "Kota Blitar"


def test_a_windows_encoded_text_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "lama.txt"
    path.write_bytes(
        "Bupati Pati menerbitkan SE Nomor 800/12/2023 \u2013 tanggal 1 Mei 2023".encode("cp1252")
    )
    assert [i.number for i in extract(path).instruments] == ["800/12/2023"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rusak.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("rusak.docx", b"PK\x03\x04 and then no zip archive", "damaged ZIP"),
        ("gambar.png", b"\x89PNG", "damaged image"),
        ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00", "unsupported content"),
        ("kosong.txt", b"  \n ", "no text"),
    ],
)
def test_an_unreadable_file_raises_a_document_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        extract(path)


def test_a_missing_file_raises_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        extract(tmp_path / "tidak-ada.txt")


def test_document_error_is_a_value_error() -> None:
    assert issubclass(DocumentError, ValueError)
