"""Articles generated from templates and random parts: every region, many number and date
formats. Evidence offsets always quote the text they point at."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from netral.documents import extract_text
from netral.documents.gazetteer import load_gazetteer
from netral.documents.model import Region

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]  # fmt: skip
TITLES = {"PROVINCE": "Gubernur", "REGENCY": "Bupati", "CITY": "Wali Kota"}
TYPES = {"SE": "Surat Edaran", "INSTRUKSI": "Instruksi", "KEPUTUSAN": "Keputusan"}
REGIONS = sorted(load_gazetteer().by_code.values(), key=lambda region: region.code or "")


def _short(region: Region) -> str:
    # How the press names a region after a title: "Bupati Sleman", "Gubernur Daerah
    # Istimewa Yogyakarta" (never "Gubernur Istimewa Yogyakarta").
    for level_word in ("Provinsi ", "Kabupaten ", "Kota "):
        if region.name.startswith(level_word):
            return region.name.removeprefix(level_word)
    return region.name


codes = st.builds(
    "{}/{}/{}/{}".format,
    st.sampled_from(["800", "800.1.6.1", "000.1.5", "100.2.1.3", "HKM.05"]),
    st.integers(1, 9999),
    st.sampled_from(["BKPSDM", "BKD", "Kesbangpol", "SJ", "INS/I/HKU", "Kep/X"]),
    st.integers(2019, 2025),
)
numbers = st.one_of(
    codes, st.builds("{} Tahun {}".format, st.integers(1, 99), st.integers(2019, 2025))
)
dates = st.dates(dt.date(2019, 1, 1), dt.date(2025, 12, 31))


def _written(day: dt.date, style: int) -> str:
    if style == 0:
        return f"tanggal {day.day} {MONTHS[day.month - 1]} {day.year}"
    if style == 1:
        return f"pada Senin ({day.day}/{day.month}/{day.year})"
    return f"tertanggal {day.day:02d}-{day.month:02d}-{day.year}"


@settings(max_examples=150, deadline=None)
@given(
    region=st.sampled_from(REGIONS),
    prefix=st.sampled_from(["", "Pj ", "Plt ", "Pjs "]),
    kind=st.sampled_from(sorted(TYPES)),
    number=numbers,
    day=dates,
    style=st.integers(0, 2),
)
def test_a_generated_article_reports_its_instrument(
    region: Region, prefix: str, kind: str, number: str, day: dt.date, style: int
) -> None:
    title = f"{TITLES[region.level]} {_short(region)}"
    text = (
        f"{prefix}{title} Terbitkan Aturan Netralitas ASN\n\n"
        f"Hari ini {prefix}{title} menerbitkan {TYPES[kind]} Nomor {number} {_written(day, style)}"
        f" tentang netralitas pegawai ASN dalam Pilkada {day.year + 1}.\n"
        "Pegawai dilarang memasang spanduk bakal calon."
    )
    result = extract_text(text)
    assert result.primary == 0
    found = result.instruments[0]
    assert (found.type, found.number, found.date) == (kind, number, day)
    assert found.region == region
    assert found.issuer == f"{prefix}{title}"
    assert found.election == ["PILKADA"]
    assert found.election_year == day.year + 1
    for name, (start, end) in found.evidence.items():
        assert 0 <= start < end <= len(result.text), name
    number_start, number_end = found.evidence["number"]
    assert result.text[number_start:number_end] == number


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_well_formed_output(text: str) -> None:
    result = extract_text(text).to_dict()
    assert result["primary"] is None or 0 <= result["primary"] < len(result["instruments"])
    normalised = extract_text(text).text
    for instrument in result["instruments"]:
        for start, end in instrument["evidence"].values():
            assert 0 <= start < end <= len(normalised)
