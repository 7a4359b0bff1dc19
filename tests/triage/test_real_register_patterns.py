"""How real reporting tells of conduct: the quoted official is not the actor, findings are
told after the fact, counts still name conduct, and a rule explained beside an incident
suppresses only its own clause. Texts written for these tests."""

from __future__ import annotations

import pytest

from netral.triage import triage
from netral.triage.analysis import analyse
from netral.triage.attribution import attribute, mentions
from netral.triage.entities import subject_mentions
from netral.triage.lexicon import conduct_hits


def _actors(text: str) -> list[str]:
    doc = analyse(text)
    hits = conduct_hits(doc)
    return list(attribute(doc, hits, mentions(doc, subject_mentions(doc))))


def test_the_quoted_official_is_not_the_actor() -> None:
    text = (
        "Ketua Bawaslu Kabupaten Lembah Hijau, Rina Apriyani, mengatakan yang bersangkutan "
        "terbukti memasang spanduk bakal calon bupati di depan rumahnya."
    )
    assert "non_bound" not in _actors(text)
    assert "APK_PASANG" in triage(text).codes


def test_a_pronoun_inherits_the_bound_subject_of_the_sentence_before() -> None:
    text = (
        "Seorang lurah di Kecamatan Tanjung Sari dipanggil Panwascam. "
        "Ia kedapatan membagikan kalender bergambar calon wali kota kepada warga."
    )
    actors = _actors(text)
    assert actors
    assert set(actors) == {"bound"}


def test_a_candidate_as_the_object_of_the_act_does_not_make_it_someone_elses() -> None:
    text = "Guru honorer itu berfoto bersama calon bupati sambil mengacungkan dua jari."
    assert "non_bound" not in _actors(text)
    assert "FOTO_SIMBOL" in triage(text).codes


def test_a_candidate_as_the_subject_makes_it_someone_elses() -> None:
    result = triage("Calon bupati nomor urut 2 memasang baliho di simpang pasar.")
    assert result.codes == []
    assert result.context["subject"] == "non_bound"


def test_a_retired_teacher_is_no_longer_bound() -> None:
    result = triage("Pensiunan guru itu kini menjadi koordinator relawan caleg di desanya.")
    assert result.codes == []


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 14 ASN ditegur BKN karena menyukai dan membagikan unggahan bakal calon "
        "gubernur di Facebook.",
        "Kepala Dinas Sosial dijatuhi sanksi karena mengunggah foto bersama paslon disertai "
        "ajakan memilih.",
    ],
)
def test_a_count_or_a_sanction_still_names_the_conduct(text: str) -> None:
    assert triage(text).codes


def test_a_rule_explained_beside_an_incident_suppresses_only_its_clause() -> None:
    text = (
        "ASN dilarang memasang alat peraga kampanye. Namun Bawaslu menemukan seorang kepala "
        "sekolah memasang baliho caleg di pagar sekolah."
    )
    result = triage(text)
    assert "APK_PASANG" in result.codes
    reasons = {s["reason"] for s in result.context["suppressed"]}
    assert "rule_explained" in reasons  # the first sentence's match is still dismissed


def test_a_rule_alone_stays_free_of_codes() -> None:
    text = "ASN dilarang memasang spanduk dan baliho calon. Pelanggar akan dijatuhi sanksi."
    assert triage(text).codes == []


def test_a_denial_dismisses_its_own_clause_not_the_finding() -> None:
    text = (
        "Bawaslu menemukan camat itu memasang spanduk bakal calon di balai desa. "
        "Saat dikonfirmasi, camat membantah memasang spanduk tersebut."
    )
    assert "APK_PASANG" in triage(text).codes


def test_the_fallback_never_overrides_a_dismissed_match() -> None:
    result = triage("Pak camat tidak memasang baliho caleg mana pun di kantornya.")
    assert "APK_PASANG" not in result.codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Bawaslu Kabupaten Tanah Merah mencatat 14 pegawai honorer dilaporkan karena "
            "memberi like dan komentar pada unggahan pasangan calon bupati.",
            "MEDSOS_INTERAKSI",
        ),
        (
            "Dari 30 laporan netralitas yang ditangani Panwascam, 12 kasus berupa unggahan "
            "status ajakan memilih calon di Facebook.",
            "MEDSOS_UNGGAH",
        ),
        (
            "Sepanjang masa kampanye tercatat 27 laporan dugaan pelanggaran netralitas ASN, "
            "terbanyak soal unggahan media sosial.",
            "MEDSOS_UNGGAH",
        ),
    ],
)
def test_a_statistic_that_names_the_conduct_is_not_a_statistic_about_nothing(
    text: str, code: str
) -> None:
    assert code in triage(text).codes


def test_a_statistic_about_nothing_stays_free_of_codes() -> None:
    result = triage(
        "Sepanjang tahapan kampanye, Bawaslu Provinsi Kepulauan Jati menerima 41 laporan "
        "dugaan pelanggaran netralitas ASN; 17 di antaranya sudah diteruskan ke BKN."
    )
    assert result.codes == []


def test_salah_seorang_is_not_a_mistaken_identity() -> None:
    # "=salah_orang" (a cue that the person was mistaken for someone else) is exact in
    # every word: "salah seorang" (one of them) must not clear the text
    text = (
        "Staf kecamatan berinisial RT diketahui memposting foto dirinya bersama salah "
        "seorang caleg sambil mengacungkan tiga jari, nomor urut caleg tersebut."
    )
    result = triage(text)
    assert "FOTO_SIMBOL" in result.codes
    assert "cleared" not in result.context["kinds"]


def test_a_candidate_after_terhadap_salah_satu_is_the_object() -> None:
    text = (
        "Ada laporan masyarakat bahwa HN mengunggah status dukungan terhadap salah satu "
        "paslon bupati di akun Facebook pribadinya."
    )
    assert "non_bound" not in _actors(text)
    assert "MEDSOS_UNGGAH" in triage(text).codes


def test_officials_declaring_their_own_support_steer_toward_a_candidate() -> None:
    text = (
        "Belasan kepala desa di Kecamatan Sumber Rejo mendeklarasikan dukungan kepada "
        "pasangan calon bupati nomor urut 1 di sebuah rumah makan."
    )
    codes = triage(text).codes
    assert "KEGIATAN_KEBERPIHAKAN" in codes
    assert "DEKLARASI_HADIR" not in codes


def test_sebelumnya_is_not_a_negation() -> None:
    # "sebelumnya" (earlier) has the stem "belum": only the word itself negates
    text = (
        "Diberitakan sebelumnya, Bawaslu menemukan keterlibatan ASN dalam kampanye terbuka "
        "pasangan calon wali kota di Teluk Biru."
    )
    result = triage(text)
    assert "KAMPANYE_IKUT" in result.codes
    assert all(s["reason"] != "negated" for s in result.context["suppressed"])


def test_a_rule_quoted_after_padahal_leaves_the_incident_standing() -> None:
    text = (
        "Dengan terang-terangan, Heru, Lurah Tanjung Sari, berorasi di hadapan massa "
        "pendukung pasangan calon nomor urut 2. Padahal, sesuai undang-undang, aparatur "
        "pemerintah tidak diperbolehkan terlibat dalam kegiatan kampanye."
    )
    assert "KAMPANYE_IKUT" in triage(text).codes


def test_a_warning_not_to_pose_is_an_appeal() -> None:
    text = (
        "ASN di Kabupaten Tanjung Laut diwanti-wanti untuk tidak berswafoto dengan pose "
        "jari yang menunjukkan nomor urut pasangan calon."
    )
    assert triage(text).codes == []
