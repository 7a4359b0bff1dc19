"""Finding 2: a cleaned PDF is rebuilt from page content and resources only."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from netral.security.uploads import process_upload
from tests.security.media_samples import (
    pdf_with_attachment_and_scripts,
    pdf_with_author,
    photo_with_gps,
)


def _cleaned(data: bytes) -> bytes:
    cleaned = process_upload(data).cleaned
    assert cleaned is not None
    return cleaned


def test_an_attached_photo_does_not_survive_in_the_clean_copy() -> None:
    cleaned = _cleaned(pdf_with_attachment_and_scripts(photo_with_gps(serial="SN-LAMPIRAN")))
    reader = PdfReader(BytesIO(cleaned))
    assert reader.attachments == {}
    assert b"EmbeddedFile" not in cleaned
    assert b"IMG_Warga_Pelapor" not in cleaned


def test_scripts_forms_and_piece_info_do_not_survive_in_the_clean_copy() -> None:
    cleaned = _cleaned(pdf_with_attachment_and_scripts(photo_with_gps()))
    for marker in (b"JavaScript", b"/JS", b"AcroForm", b"PieceInfo", b"/Annots", b"Pelapor"):
        assert marker not in cleaned, marker
    assert "Undangan rapat" in PdfReader(BytesIO(cleaned)).pages[0].extract_text()


def test_the_clean_copy_gets_a_fresh_document_id() -> None:
    original = pdf_with_author()
    original_id = PdfReader(BytesIO(original)).trailer["/ID"]
    cleaned_id = PdfReader(BytesIO(_cleaned(original))).trailer["/ID"]
    assert cleaned_id is not None
    assert {str(part) for part in cleaned_id}.isdisjoint(str(part) for part in original_id)


def test_an_attachment_is_reported_as_identifying_so_the_reporter_is_warned() -> None:
    processed = process_upload(pdf_with_attachment_and_scripts(photo_with_gps()))
    assert "embedded_file" in processed.identifying


def test_a_pdf_title_counts_as_free_text_that_may_identify() -> None:
    # reportlab's sample sets a title; any typed-in document field may name someone.
    assert "free_text" in process_upload(pdf_with_author()).identifying
