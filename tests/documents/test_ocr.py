"""Scanned circulars and photos of pages, read end to end through Tesseract.

Few and small on purpose (OCR costs about a second a page): one scanned circular, one
page photo under a PDF name, one PDF mixing a text page and a scanned page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from netral.documents import DocumentError, ExtractionResult, extract
from netral.documents.cli import main
from netral.documents.limits import Limits

from .circulars import (
    BANYUMAS,
    BANYUMAS_NUMBER,
    KLATEN,
    KLATEN_NUMBER,
    scanned_page,
    write_scanned_pdf,
    write_text_pdf,
)


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_scanned_pdf([BANYUMAS], tmp_path_factory.mktemp("scan") / "pindaian.pdf")


@pytest.fixture(scope="module")
def scanned(scan: Path) -> ExtractionResult:
    return extract(scan)


def test_the_scan_has_no_text_layer(scan: Path) -> None:
    document = pdfium.PdfDocument(scan)
    try:
        assert document[0].get_textpage().get_text_range().strip() == ""
    finally:
        document.close()


def test_a_scanned_circular_gives_the_instrument_of_its_text(
    scanned: ExtractionResult, tmp_path: Path
) -> None:
    text = tmp_path / "banyumas.txt"
    text.write_text(BANYUMAS, encoding="utf-8")
    (expected,) = extract(text).instruments
    (found,) = scanned.instruments
    assert found.number == BANYUMAS_NUMBER
    assert (found.type, found.number, found.date, found.issuer) == (
        expected.type,
        expected.number,
        expected.date,
        expected.issuer,
    )
    assert found.region == expected.region


def test_a_scanned_instrument_says_it_was_ocred_and_how_surely(scanned: ExtractionResult) -> None:
    (found,) = scanned.instruments
    assert found.pages == [1]
    assert found.ocr is True
    assert found.confidence is not None
    assert 0.6 < found.confidence <= 1.0
    start, end = found.evidence["number"]
    assert scanned.text[start:end] == BANYUMAS_NUMBER


def test_a_page_photo_named_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    photo = tmp_path / "foto-edaran.pdf"  # a PNG, whatever its name says
    scanned_page(KLATEN, seed=7).save(photo, format="PNG")
    (found,) = extract(photo).instruments
    assert (found.number, found.ocr, found.pages) == (KLATEN_NUMBER, True, [1])


def test_a_pdf_mixing_text_and_scanned_pages_reports_each_instrument_s_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = write_text_pdf([BANYUMAS], tmp_path / "ketik.pdf")
    scanned = write_scanned_pdf([KLATEN], tmp_path / "pindai.pdf")
    mixed = pdfium.PdfDocument.new()
    for part in (typed, scanned):
        source = pdfium.PdfDocument(part)
        mixed.import_pages(source)
        source.close()
    path = tmp_path / "campuran.pdf"
    mixed.save(path)
    mixed.close()

    assert main(["extract", str(path)]) == 0
    (line,) = [json.loads(row) for row in capsys.readouterr().out.splitlines()]
    by_number = {i["number"]: i for i in line["instruments"]}
    typed_one, scanned_one = by_number[BANYUMAS_NUMBER], by_number[KLATEN_NUMBER]
    assert (typed_one["pages"], typed_one["ocr"], typed_one["confidence"]) == ([1], False, None)
    assert (scanned_one["pages"], scanned_one["ocr"]) == ([2], True)
    assert 0 < scanned_one["confidence"] <= 1


def test_ocr_stops_at_the_time_limit(scan: Path) -> None:
    with pytest.raises(DocumentError, match="limit per file"):
        extract(scan, Limits(seconds=0.2))


def test_a_300_page_scan_is_refused_before_any_ocr(tmp_path: Path) -> None:
    page = Image.new("L", (120, 170), 255)
    path = tmp_path / "tebal.pdf"
    page.save(path, "PDF", save_all=True, append_images=[page] * 299)
    with pytest.raises(DocumentError, match=r"300 pages.*--max-pages"):
        extract(path)


def test_without_tesseract_a_scan_gets_a_clear_error(
    scan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DocumentError, match="tesseract-ocr-ind"):
        extract(scan)


def test_a_page_scanned_upside_down_is_turned_and_read(tmp_path: Path) -> None:
    path = tmp_path / "terbalik.png"
    scanned_page(KLATEN, seed=3).rotate(180).save(path)
    (found,) = extract(path).instruments
    assert (found.number, found.ocr) == (KLATEN_NUMBER, True)
    assert found.confidence is not None
    assert found.confidence > 0.6
