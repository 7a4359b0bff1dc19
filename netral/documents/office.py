"""Word (DOCX) and OpenDocument (ODT) text, in reading order, tables and letterheads included.

Both are read from their XML parts (`zipped.Package`: bounded, no entities). Tables are
kept where they stand, one row per line with its cells side by side, so a letter's
"Nomor | : | 800/12/2024" header table reads "Nomor : 800/12/2024". Pages follow the
breaks the file records: hard page breaks, and the breaks Word and LibreOffice wrote at
their last layout (`w:lastRenderedPageBreak`, `text:soft-page-break`); a file without
them is one page. Header text (the letterhead, "PEMERINTAH KABUPATEN ...") opens page 1.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element

from netral.documents.errors import DocumentError
from netral.documents.limits import Limits
from netral.documents.pages import Page
from netral.documents.zipped import Package

_RELATIONSHIPS = "_rels/.rels"
_ODT_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text"
_ODT_HEADER = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}header"
_ODT_MAX_SPACES = 100  # <text:s text:c="..."/>: a count, not an allocation request
_ODT_MANIFEST = "META-INF/manifest.xml"

# DOCX elements whose content is not the document's text: properties (their w:tab are
# tab stops, not tabs), deleted runs, field codes, the fallback copy of a drawing.
_DOCX_SKIPPED = frozenset(
    {"pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr", "del", "instrText", "Fallback"}
)
# ODT elements that are not running text: footnotes, comments, tracked changes.
_ODT_SKIPPED = frozenset({"note", "annotation", "tracked-changes", "deletion", "sequence-decls"})


def local(tag: str) -> str:
    """The element name without its namespace (transitional and strict OOXML alike)."""
    return tag.rsplit("}", 1)[-1]


def _attribute(element: Element, name: str) -> str | None:
    return next((v for k, v in element.attrib.items() if local(k) == name), None)


class _Pages:
    """Text written in reading order, cut into pages at the file's page breaks."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.broke = False  # a page break was met (tables move whole rows across)

    def write(self, text: str) -> None:
        self.pages[-1].append(text)

    def page_break(self) -> None:
        self.broke = True
        if "".join(self.pages[-1]).strip():  # a break right after a break is the same one
            self.pages.append([])

    def text(self) -> str:
        return "\n".join("".join(page) for page in self.pages)

    def result(self, head: str = "") -> list[Page]:
        texts = ["".join(page) for page in self.pages]
        texts[0] = f"{head}\n{texts[0]}" if head else texts[0]
        return [Page(number, text) for number, text in enumerate(texts, 1)]


def _table(table: Element, out: _Pages, cell_text: Callable[[Element, _Pages], None]) -> None:
    """One line per row, its cells' text side by side."""
    for row in _rows(table):
        cells = []
        broke = False
        for cell in row:
            if local(cell.tag) not in ("tc", "table-cell"):
                continue
            inner = _Pages()
            cell_text(cell, inner)
            broke = broke or inner.broke
            cells.append(" ".join(inner.text().split("\n")).strip())
        if broke:
            out.page_break()
        out.write(" ".join(c for c in cells if c) + "\n")


def _rows(element: Element) -> Iterator[Element]:
    """The table's rows, through row groups, not those of tables nested in its cells."""
    for child in element:
        name = local(child.tag)
        if name in ("tr", "table-row"):
            yield child
        elif name not in ("tbl", "table"):
            yield from _rows(child)


# --- DOCX -------------------------------------------------------------------------------


def read_docx(data: bytes, limits: Limits) -> list[Page]:
    package = Package(data, "DOCX", limits)
    main = _main_part(package)
    body = package.xml(main)
    out = _Pages()
    _docx_blocks(body, out)
    return out.result(head=_docx_headers(package, main, body))


def _main_part(package: Package) -> str:
    if _RELATIONSHIPS in package:
        for relation in package.xml(_RELATIONSHIPS):
            target = relation.get("Target", "")
            if relation.get("Type", "").endswith("/officeDocument") and target:
                return target.lstrip("/")
    return "word/document.xml"


def _docx_headers(package: Package, main: str, body: Element) -> str:
    folder, name = posixpath.split(main)
    relations = posixpath.join(folder, "_rels", f"{name}.rels")
    if relations not in package:
        return ""
    targets = {
        relation.get("Id"): posixpath.normpath(posixpath.join(folder, relation.get("Target", "")))
        for relation in package.xml(relations)
        if relation.get("Type", "").endswith("/header")
    }
    texts: list[str] = []
    for reference in body.iter():
        if local(reference.tag) != "headerReference":
            continue
        part = targets.get(_attribute(reference, "id"))
        if part is None or part not in package:
            continue
        out = _Pages()
        _docx_blocks(package.xml(part), out)
        text = out.text().strip()
        if text and text not in texts:
            texts.append(text)
    return "\n".join(texts)


def _docx_blocks(element: Element, out: _Pages) -> None:
    for child in element:
        name = local(child.tag)
        if name == "p":
            _docx_paragraph(child, out)
        elif name == "tbl":
            _table(child, out, _docx_blocks)
        elif name not in _DOCX_SKIPPED:
            _docx_blocks(child, out)


def _docx_paragraph(paragraph: Element, out: _Pages) -> None:
    _docx_inline(paragraph, out)
    out.write("\n")


def _docx_inline(element: Element, out: _Pages) -> None:
    for child in element:
        name = local(child.tag)
        if name in _DOCX_SKIPPED:
            continue
        if name == "t":
            out.write(child.text or "")
        elif name == "tab":
            out.write("\t")
        elif name == "br":
            if _attribute(child, "type") == "page":
                out.page_break()
            else:
                out.write("\n")
        elif name == "cr":
            out.write("\n")
        elif name == "lastRenderedPageBreak":
            out.page_break()
        elif name == "noBreakHyphen":
            out.write("-")
        elif name == "txbxContent":  # a text box: its paragraphs on their own lines
            out.write("\n")
            _docx_blocks(child, out)
        else:
            _docx_inline(child, out)


# --- ODT --------------------------------------------------------------------------------


def read_odt(data: bytes, limits: Limits) -> list[Page]:
    package = Package(data, "ODT", limits)
    if _ODT_MANIFEST in package and b"encryption-data" in package.read(_ODT_MANIFEST):
        raise DocumentError("encrypted ODT: it needs a password to open and is not read")
    out = _Pages()
    body = next(package.xml("content.xml").iter(_ODT_TEXT), None)
    if body is not None:
        _odt_blocks(body, out)
    head = _odt_headers(package) if "styles.xml" in package else ""
    return out.result(head=head)


def _odt_headers(package: Package) -> str:
    texts: list[str] = []
    for header in package.xml("styles.xml").iter(_ODT_HEADER):
        out = _Pages()
        _odt_blocks(header, out)
        text = out.text().strip()
        if text and text not in texts:
            texts.append(text)
    return "\n".join(texts)


def _odt_blocks(element: Element, out: _Pages) -> None:
    for child in element:
        name = local(child.tag)
        if name in ("p", "h"):
            _odt_inline(child, out)
            out.write("\n")
        elif name == "table":
            _table(child, out, _odt_blocks)
        elif name == "soft-page-break":
            out.page_break()
        elif name not in _ODT_SKIPPED:
            _odt_blocks(child, out)


def _odt_inline(element: Element, out: _Pages) -> None:
    # Line breaks inside ODT text nodes are the XML's layout, not the document's.
    out.write((element.text or "").replace("\n", " "))
    for child in element:
        name = local(child.tag)
        if name == "s":
            out.write(" " * _space_count(_attribute(child, "c")))
        elif name == "tab":
            out.write("\t")
        elif name == "line-break":
            out.write("\n")
        elif name == "soft-page-break":
            out.page_break()
        elif name in ("frame", "text-box"):
            out.write("\n")
            _odt_blocks(child, out)
        elif name not in _ODT_SKIPPED:
            _odt_inline(child, out)
        out.write((child.tail or "").replace("\n", " "))


def _space_count(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), _ODT_MAX_SPACES))
    except ValueError:
        return 1
