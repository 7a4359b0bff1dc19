"""Pure helpers of the case pages: evidence highlighting, bare names, office time zones."""

from __future__ import annotations

import datetime
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from netral.cases.highlight import Segment, excerpt, segments
from netral.cases.names import bare_name
from netral.cases.zones import end_of_day, zone_for_region

TEXT = "Pak lurah membagikan kaos calon bupati di balai desa pada hari Minggu."


def span(code: str, quote: str, text: str = TEXT) -> dict[str, object]:
    start = text.index(quote)
    return {"code": code, "start": start, "end": start + len(quote), "text": quote}


def test_a_span_becomes_a_marked_segment_between_plain_ones() -> None:
    out = segments(TEXT, [span("KEGIATAN_KEBERPIHAKAN", "membagikan kaos calon bupati")])
    assert [s.codes for s in out] == [(), ("KEGIATAN_KEBERPIHAKAN",), ()]
    assert out[1].text == "membagikan kaos calon bupati"


def test_overlapping_spans_carry_both_codes_where_they_overlap() -> None:
    out = segments(TEXT, [span("A", "membagikan kaos"), span("B", "kaos calon bupati")])
    assert Segment("kaos", ("A", "B")) in out


def test_offsets_that_do_not_match_their_quote_are_not_marked() -> None:
    stale = {"code": "A", "start": 4, "end": 9, "text": "camat"}
    assert segments(TEXT, [stale]) == [Segment(TEXT)]


def test_offsets_beyond_the_text_are_ignored() -> None:
    assert segments("pendek", [{"code": "A", "start": 2, "end": 99}]) == [Segment("pendek")]


@given(
    st.text(max_size=80),
    st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90)), max_size=5),
)
def test_segments_always_rebuild_the_text_exactly(text: str, pairs: list[tuple[int, int]]) -> None:
    evidence = [{"code": "X", "start": a, "end": b} for a, b in pairs]
    assert "".join(s.text for s in segments(text, evidence)) == text


def test_an_excerpt_of_a_long_report_keeps_the_evidence_in_view() -> None:
    text = (
        "Pembuka. " * 100
        + "Kepala dinas memakai mobil dinas ke lokasi kampanye. "
        + "Penutup. " * 50
    )
    out = excerpt(text, [span("FASILITAS_NEGARA", "memakai mobil dinas", text)], width=200)
    assert any(s.codes == ("FASILITAS_NEGARA",) for s in out)
    assert out[0].text == "…"
    assert len("".join(s.text for s in out)) <= 202


def test_titles_and_degrees_are_not_part_of_the_name() -> None:
    assert bare_name("Drs. H. Ahmad Fauzi, S.Pd., M.Si.") == "ahmad fauzi"
    assert bare_name("Hj. Sri Wahyuni SE") == "sri wahyuni"
    assert bare_name("Ir.  Joko") == "joko"


def test_a_name_that_is_only_a_title_keeps_its_last_word() -> None:
    assert bare_name("Pak Haji") == "haji"


def test_makassar_is_wita_jayapura_is_wit_and_bogor_is_wib() -> None:
    assert zone_for_region("73.71").abbreviation == "WITA"
    assert zone_for_region("91.71").abbreviation == "WIT"
    assert zone_for_region("32.01").abbreviation == "WIB"
    assert zone_for_region(None).abbreviation == "WIB"


def test_the_end_of_a_due_day_in_wit_is_two_hours_before_the_same_wall_time_in_wib() -> None:
    day = datetime.date(2024, 11, 22)
    wit, wib = end_of_day(day, zone_for_region("91")), end_of_day(day, zone_for_region("31"))
    assert wib - wit == datetime.timedelta(hours=2)


def test_the_text_helpers_import_without_django() -> None:
    code = (
        "import sys; sys.modules['django'] = None; "
        "import netral.cases.highlight, netral.cases.names, netral.cases.zones"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
