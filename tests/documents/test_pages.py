"""Pages joined into one text: extraction's offsets must land on the right page and words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netral.documents.normalise import normalise
from netral.documents.pages import Document, Page, Word

# Letters, digits, the punctuation of circulars and the whitespace that normalising touches.
_PAGE_TEXT = st.text(alphabet=st.sampled_from(list("aAbz09./-:, \n\t\u00a0\u00adﬁ")), max_size=80)


@given(st.lists(_PAGE_TEXT, max_size=5))
def test_the_joined_pages_are_already_normal(pages: list[str]) -> None:
    document = Document.of("TEXT", [Page(n, text) for n, text in enumerate(pages, 1)])
    assert normalise(document.text) == document.text
    for placed in document.pages:
        assert document.text[placed.start : placed.end] == normalise(pages[placed.number - 1])


def test_an_offset_is_traced_to_its_page_and_ocr_words() -> None:
    first = Page(1, "Sampul tanpa edaran")
    raw = "Surat Edaran Nomor 800/1/2024\nnetrali-\ntas ASN"
    spans = [(0, 5), (6, 12), (13, 18), (19, 29), (30, 38), (39, 42), (43, 46)]
    confidences = [0.9, 0.8, 0.7, 0.5, 0.6, 0.6, 0.9]
    second = Page(
        2,
        raw,
        ocr=True,
        words=tuple(Word(s, e, c) for (s, e), c in zip(spans, confidences, strict=True)),
    )
    document = Document.of("PDF", [first, second])
    number = document.text.index("800/1/2024")
    span = (number, number + len("800/1/2024"))
    assert document.page_numbers([span]) == [2]
    assert document.ocr_in([span]) is True
    assert document.confidence([span]) == 0.5
    joined = document.text.index("netralitas")  # the hyphen at the line end is gone
    assert document.confidence([(joined, joined + len("netralitas"))]) == 0.6
    assert document.ocr_in([(0, 6)]) is False
    assert document.confidence([(0, 6)]) is None
