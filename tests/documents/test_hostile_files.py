"""Files that are broken, locked, enormous or built to attack the reader.

Each is refused with a clear English message (a DocumentError), within the file's
limits, and a batch goes on past it.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from netral.documents import DocumentError, extract
from netral.documents.cli import main
from netral.documents.limits import MB, Limits
from netral.documents.readers import read_document

from .circulars import BANYUMAS, BANYUMAS_NUMBER, KLATEN, write_docx, write_odt, write_text_pdf

SECRET = "isi-rahasia-server"


def _encrypted(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="pemilik", algorithm="AES-256")
    with target.open("wb") as out:
        writer.write(out)
    return target


def _replace_part(package: Path, part: str, content: bytes, target: Path) -> Path:
    """A copy of the DOCX/ODT `package` with one part's content replaced."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = content if item.filename == part else source.read(item.filename)
            copy.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def test_a_pdf_that_needs_a_password_is_refused(tmp_path: Path) -> None:
    plain = write_text_pdf([BANYUMAS], tmp_path / "biasa.pdf")
    locked = _encrypted(plain, tmp_path / "terkunci.pdf", user_password="rahasia")
    with pytest.raises(DocumentError, match="encrypted PDF: it needs a password"):
        extract(locked)


def test_a_pdf_restricted_only_by_an_owner_password_is_read(tmp_path: Path) -> None:
    # Printing/copying restrictions do not hide the text from its readers: it is public.
    plain = write_text_pdf([BANYUMAS], tmp_path / "biasa.pdf")
    restricted = _encrypted(plain, tmp_path / "dibatasi.pdf", user_password="")
    assert [i.number for i in extract(restricted).instruments] == [BANYUMAS_NUMBER]


def test_a_truncated_pdf_is_refused(tmp_path: Path) -> None:
    whole = write_text_pdf([BANYUMAS], tmp_path / "utuh.pdf").read_bytes()
    cut = tmp_path / "terpotong.pdf"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DocumentError, match="damaged PDF"):
        extract(cut)


XXE_DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY bocor SYSTEM "file://{path}">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Surat Edaran Nomor 800/1/2024 &bocor;</w:t></w:r></w:p></w:body>
</w:document>"""


def test_a_docx_with_an_external_entity_is_refused_without_reading_it(tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text(SECRET, encoding="utf-8")
    word = write_docx([KLATEN], tmp_path / "asli.docx")
    hostile = _replace_part(
        word,
        "word/document.xml",
        XXE_DOCUMENT.replace("{path}", str(secret)).encode("utf-8"),
        tmp_path / "xxe.docx",
    )
    with pytest.raises(DocumentError, match="DTD or entities") as refused:
        extract(hostile)
    assert SECRET not in str(refused.value)


def test_an_odt_with_entity_expansion_is_refused(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "ha"}">' for n in range(9))
    content = (
        f'<?xml version="1.0"?><!DOCTYPE d [{laughs}]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        "<office:text><text:p>&l8;</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    odt = write_odt([KLATEN], tmp_path / "asli.odt")
    hostile = _replace_part(odt, "content.xml", content.encode(), tmp_path / "tawa.odt")
    with pytest.raises(DocumentError, match="ODT refused"):
        extract(hostile)


def _bomb(target: Path, part: str, unpacked: int) -> Path:
    """A DOCX whose main part unpacks to `unpacked` bytes of spaces (kilobytes packed)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        with bomb.open(part, "w", force_zip64=True) as stream:
            chunk = b" " * (1 << 20)
            for _ in range(unpacked // len(chunk)):
                stream.write(chunk)
    return target


def test_a_zip_bomb_docx_is_refused_at_the_unpacking_budget(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bom.docx", "word/document.xml", unpacked=120 << 20)
    assert bomb.stat().st_size < 1 << 20  # kilobytes on disk
    with pytest.raises(DocumentError, match=r"DOCX refused: .*more than 100 MB \(a zip bomb\?\)"):
        extract(bomb)


def test_the_unpacking_budget_is_a_limit_of_its_own(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "kecil.docx", "word/document.xml", unpacked=3 << 20)
    with pytest.raises(DocumentError, match="more than 1 MB"):
        extract(bomb, Limits(max_unpacked_bytes=1 << 20))


def test_xml_nested_thousands_deep_is_refused(tmp_path: Path) -> None:
    depth = 5000
    body = "<w:sdt>" * depth + "<w:p/>" + "</w:sdt>" * depth
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    word = write_docx([KLATEN], tmp_path / "asli.docx")
    deep = _replace_part(word, "word/document.xml", document.encode(), tmp_path / "dalam.docx")
    with pytest.raises(DocumentError, match="nested too deeply"):
        extract(deep)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "damaged image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Word 97-2003"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64, "unsupported content"),
    ],
)
def test_what_is_no_document_is_refused_by_its_content(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "edaran.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        extract(path)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "besar.txt"
    path.write_text(BANYUMAS * 20, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"larger than the 0\.01 MB limit \(--max-mb\)"):
        read_document(path, Limits(max_bytes=int(0.01 * MB)))


def test_a_blank_scan_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "kosong.tif"
    blank = Image.new("L", (600, 800), 255)
    blank.save(path, format="TIFF", save_all=True, append_images=[blank])
    with pytest.raises(DocumentError, match=r"no text in this IMAGE file \(OCR found no words\)"):
        extract(path)


def test_a_batch_goes_on_past_bad_files_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_docx([BANYUMAS], tmp_path / "baik.docx")
    locked = _encrypted(
        write_text_pdf([KLATEN], tmp_path / "biasa.pdf"), tmp_path / "kunci.pdf", "rahasia"
    )
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    bomb = _bomb(tmp_path / "bom.odt", "word/document.xml", unpacked=120 << 20)

    assert main(["extract", str(locked), str(empty), str(bomb), str(good)]) == 1
    lines = [json.loads(row) for row in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == [str(p) for p in (locked, empty, bomb, good)]
    assert "encrypted PDF" in lines[0]["error"]
    assert "empty file" in lines[1]["error"]
    assert "zip bomb" in lines[2]["error"]
    assert lines[3]["instruments"][0]["number"] == BANYUMAS_NUMBER


def test_a_spreadsheet_in_an_odt_name_is_refused_for_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "tabel.odt"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(DocumentError, match=r"opendocument\.spreadsheet package"):
        extract(path)
