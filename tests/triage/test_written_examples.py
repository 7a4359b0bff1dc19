"""Behaviour on texts written for these tests (not taken from the corpus): every code,
and every kind of hard negative."""

from __future__ import annotations

import pytest

from netral.triage import triage

# (code, text): each text describes that conduct by someone the rules bind
POSITIVES = [
    (
        "MEDSOS_UNGGAH",
        (
            "Kasi Trantib Kecamatan Lembah Hijau bikin status FB: 'Tgl 27 jangan lupa coblos "
            "no 3, pemimpin yg merakyat!'"
        ),
    ),
    (
        "MEDSOS_UNGGAH",
        (
            "Seorang guru PPPK di Kabupaten Tanah Merah mengunggah video TikTok berisi ajakan "
            "memilih calon bupati nomor urut 1."
        ),
    ),
    (
        "MEDSOS_INTERAKSI",
        (
            "Akun IG bu bidan puskesmas kami tiap hari nge-like postingan caleg Partai "
            "Matahari, screenshot terlampir."
        ),
    ),
    (
        "MEDSOS_INTERAKSI",
        (
            "Staf Bappeda Kota Sungai Lebar tergabung dalam grup WhatsApp tim pemenangan "
            "cawalkot dan aktif membagikan flyer kampanye di sana."
        ),
    ),
    (
        "FOTO_SIMBOL",
        (
            "Lurah Kebun Jeruk berpose mengacungkan tiga jari di samping baliho paslon nomor "
            "3, fotonya beredar di grup warga."
        ),
    ),
    (
        "KAMPANYE_IKUT",
        (
            "Camat Padang Rumput naik ke panggung kampanye akbar cabup nomor urut 2 dan "
            "berorasi mengajak warga memenangkan jagoannya."
        ),
    ),
    (
        "KAMPANYE_ATRIBUT",
        (
            "Dalam kampanye terbuka di lapangan kota, seorang kepala seksi dinas sosial "
            "terlihat memakai kaos bergambar paslon 1 lengkap dengan topi partai."
        ),
    ),
    (
        "KAMPANYE_MENGERAHKAN",
        (
            "Kepala sekolah SDN 4 Batu Putih mewajibkan semua guru honorer hadir di kampanye "
            "calon bupati petahana, yang tidak datang diancam kontraknya tidak diperpanjang."
        ),
    ),
    (
        "FASILITAS_NEGARA",
        (
            "Mobil dinas berpelat merah milik Dinas PUPR dipakai mengangkut spanduk dan kaos "
            "kampanye caleg ke posko pemenangan, kata warga yang melapor."
        ),
    ),
    (
        "KEPUTUSAN_MENGUNTUNGKAN",
        (
            "Kepala desa Sidomulyo hanya membagikan bansos kepada warga yang berjanji memilih "
            "paslon nomor urut 2, warga lain dicoret dari daftar penerima."
        ),
    ),
    (
        "KEGIATAN_KEBERPIHAKAN",
        (
            "Kadis Pendidikan mengumpulkan para kepala sekolah di rumahnya dan meminta mereka "
            "mengarahkan wali murid memilih calon gubernur nomor 1."
        ),
    ),
    (
        "SURAT_DUKUNGAN",
        (
            "Sekdes Tanjung Sari keliling kampung minta fotokopi KTP warga buat syarat "
            "dukungan calon perseorangan bupati."
        ),
    ),
    (
        "DEKLARASI_HADIR",
        (
            "Tampak hadir di acara deklarasi bakal calon wali kota semalam: sekretaris dinas "
            "kesehatan, duduk di barisan depan sambil ikut bertepuk tangan."
        ),
    ),
    (
        "APK_PASANG",
        (
            "pak kades kemarin malem pasang baliho caleg partai bintang di pagar balai desa, "
            "gmn ini bawaslu??"
        ),
    ),
    (
        "PENDEKATAN_PARPOL",
        (
            "Kepala Badan Keuangan Daerah mengambil formulir pendaftaran bakal calon bupati "
            "di kantor DPC sebuah partai tanpa mengajukan cuti di luar tanggungan negara."
        ),
    ),
    (
        "TIM_PEMENANGAN",
        (
            "Nama seorang dosen PNS universitas negeri tercantum sebagai koordinator tim "
            "pemenangan capres di tingkat provinsi."
        ),
    ),
    (
        "ANGGOTA_PARPOL",
        (
            "Guru SMPN 2 Lembang itu ternyata kader aktif Partai Pelita, punya kartu tanda "
            "anggota dan ikut rapat pengurus tiap bulan."
        ),
    ),
    (
        "KAMPANYE_PASANGAN",
        (
            "Seorang PNS Dinas Kesehatan setia mendampingi suaminya, calon bupati, dalam "
            "kampanye keliling ke desa-desa."
        ),
    ),
    (
        "MENCALONKAN_DIRI",
        (
            "Kepala bidang di BPKAD mendaftar sebagai calon legislatif DPRD kabupaten tanpa "
            "mengundurkan diri dari PNS."
        ),
    ),
]

# (kind, text): each uses the words of conduct but describes none
NEGATIVES = [
    (
        "rule_explained",
        (
            "ASN dilarang memasang spanduk, baliho atau stiker calon di mana pun, termasuk di "
            "rumah pribadi."
        ),
    ),
    ("rule_explained", "klo PNS like postingan capres kena sanksi gak sih? nanya serius"),
    (
        "appeal",
        (
            "Bupati mengimbau seluruh camat, lurah dan kepala desa menjaga netralitas dan "
            "tidak ikut kampanye pasangan calon mana pun."
        ),
    ),
    (
        "statistic",
        (
            # a count that names no conduct; one that names it ("terbanyak soal unggahan
            # media sosial") is labelled with it (test_real_register_patterns.py)
            "Sepanjang masa kampanye tercatat 27 laporan dugaan pelanggaran netralitas ASN, "
            "terbanyak dari dua kecamatan di pesisir."
        ),
    ),
    (
        "pledge",
        (
            "Ratusan guru dan tenaga kesehatan membacakan ikrar netralitas ASN di halaman "
            "kantor bupati, lalu menandatangani pakta integritas."
        ),
    ),
    (
        "cleared",
        (
            "Bawaslu menyatakan laporan bahwa camat ikut kampanye paslon 2 tidak terbukti, "
            "foto yang beredar ternyata foto lama."
        ),
    ),
    (
        "non_bound_actor",
        "Relawan paslon nomor 1 memasang baliho dan membagikan stiker di pasar pagi kemarin.",
    ),
    (
        "non_bound_actor",
        "Caleg Partai Matahari itu berorasi di panggung kampanye sambil mengacungkan dua jari.",
    ),
    (
        "circular_issued",
        (
            "Wali kota menerbitkan surat edaran tentang larangan penggunaan mobil dinas untuk "
            "kegiatan kampanye selama pilkada."
        ),
    ),
    (
        "neutral_event",
        (
            "Kepala dinas kesehatan meresmikan puskesmas baru dan berfoto bersama warga serta "
            "para perawat."
        ),
    ),
    (
        "passive",
        (
            "Seorang guru PNS datang ke kampanye terbuka hanya untuk mendengarkan visi misi, "
            "tanpa atribut apa pun dan tidak ikut bersorak."
        ),
    ),
]


@pytest.mark.parametrize(
    ("code", "text"), POSITIVES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(POSITIVES)]
)
def test_a_text_describing_the_conduct_gets_its_code(code: str, text: str) -> None:
    result = triage(text)
    assert code in result.codes, (result.codes, result.context["suppressed"])
    assert any(e.code == code for e in result.evidence)


@pytest.mark.parametrize(
    ("kind", "text"), NEGATIVES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(NEGATIVES)]
)
def test_a_hard_negative_gets_no_code(kind: str, text: str) -> None:
    result = triage(text)
    assert result.codes == [], (result.codes, [(e.code, e.text) for e in result.evidence])


def test_every_code_has_a_written_example() -> None:
    from netral.triage import CONDUCT_CODES

    assert {code for code, _ in POSITIVES} == set(CONDUCT_CODES)


def test_every_kind_of_hard_negative_has_a_written_example() -> None:
    from netral.triage.codes import NEGATIVE_KINDS

    assert {kind for kind, _ in NEGATIVES} == set(NEGATIVE_KINDS)


def test_context_says_why_a_rule_text_is_not_conduct() -> None:
    result = triage("ASN dilarang menghadiri deklarasi bakal calon kepala daerah.")
    assert result.codes == []
    assert {s["reason"] for s in result.context["suppressed"]} == {"rule_explained"}


def test_context_names_the_non_bound_actor() -> None:
    result = triage("Relawan paslon nomor 1 memasang baliho di perempatan jalan.")
    assert result.context["subject"] == "non_bound"
    assert result.context["suppressed"]


def test_a_denied_act_is_not_conduct() -> None:
    result = triage("Pak camat tidak memasang baliho caleg mana pun di kantornya.")
    assert "APK_PASANG" not in result.codes


def test_the_output_names_the_pipeline_that_produced_it() -> None:
    pipeline = triage("teks apa saja").context["pipeline"]
    assert pipeline["normalizer"] == "triage.normalizer.v1"
    assert pipeline["context"] == "triage.context.v1"
