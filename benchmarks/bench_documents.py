"""Documents per second for `netral.documents.extract` on generated news articles.

Generates articles from templates and random parts (regions from the gazetteer, number and
date formats, references, prohibition lists, filler), writes them as .txt files to a
temporary directory, then times, on the same files:

- baseline: reading and normalising only (`read_document`, which normalises);
- extraction: `extract(path)`, the whole pipeline including the conduct lexicon.

Then OCR: some of the articles are drawn as A4 page images at 300 DPI (Pillow, DejaVu
Sans) and wrapped into one PDF of page images (a scan), and it times, on the same pages:

- baseline: the `tesseract` program alone on each page image (PNG), as our reader calls it;
- extraction: `extract(scan.pdf)`: PDFium rendering, OCR, page assembly and extraction.

Usage: .venv/bin/python benchmarks/bench_documents.py [--quick] [--count N] [--pages N]
       [--seed S]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from netral.documents import extract
from netral.documents.gazetteer import load_gazetteer
from netral.documents.ocr import LANGUAGE
from netral.documents.readers import read_document

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]  # fmt: skip
TITLES = {"PROVINCE": "Gubernur", "REGENCY": "Bupati", "CITY": "Wali Kota"}
TYPES = ["Surat Edaran", "SE", "Instruksi", "Keputusan", "Peraturan"]
PREFIXES = ["", "", "Pj ", "Plt ", "Penjabat (Pj) "]
UNITS = ["BKPSDM", "BKD", "Kesbangpol", "BKPP", "HKM.05/O1/INS", "Kep/X"]
ELECTIONS = ["Pemilu", "Pilkada", "Pemilihan Kepala Daerah", "Pilpres", "Pemilihan Umum"]
REFERENCES = [
    "PP 94 2021 pasal 5 huruf n",
    "UU Nomor 20 Tahun 2023",
    "Peraturan Pemerintah Nomor 94 Tahun 2021 Pasal 14 huruf i",
    "SKB 5 Menteri",
    "Surat Edaran Menteri PANRB Nomor 1 Tahun 2023",
    "UU Pilkada",
]
PROHIBITIONS = [
    "memasang spanduk atau baliho bakal calon",
    "mengunggah foto bersama pasangan calon",
    "menjadi tim sukses pasangan calon",
    "menggunakan fasilitas negara untuk kampanye",
    "memberi komentar atau like pada akun kandidat",
    "menghadiri deklarasi bakal calon",
    "membuat keputusan yang menguntungkan salah satu pasangan calon",
]
FILLER = [
    "Kegiatan itu dihadiri para kepala perangkat daerah dan camat.",
    "Menurutnya, pegawai tetap boleh menggunakan hak pilih di tempat pemungutan suara.",
    "Masyarakat dapat melapor jika menemukan pelanggaran netralitas.",
    "Sosialisasi akan dilanjutkan ke kecamatan dan kelurahan pekan depan.",
    "Ia berharap seluruh pegawai bekerja profesional selama tahapan berlangsung.",
]


def _number(rng: random.Random, year: int) -> str:
    if rng.random() < 0.25:
        return f"{rng.randint(1, 60)} Tahun {year}"
    head = rng.choice(["800", "800.1.6.1", "000.1.5", "100.2.1.3", "800.1.4"])
    return f"{head}/{rng.randint(1, 9999)}/{rng.choice(UNITS)}/{year}"


def _date(rng: random.Random, year: int) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    styles = [
        f"tanggal {day} {MONTHS[month - 1]} {year}",
        f"tertanggal {day:02d}-{month:02d}-{year}",
        f"pada Jumat ({day}/{month})",
        f"pada Senin ({day}/{month}/{year})",
    ]
    return rng.choice(styles)


def article(rng: random.Random, regions: list[tuple[str, str]]) -> str:
    level, name = rng.choice(regions)
    year = rng.randint(2019, 2025)
    issuer = f"{rng.choice(PREFIXES)}{TITLES[level]} {name}"
    election = f"{rng.choice(ELECTIONS)} {year + 1}"
    lines = [
        f"{issuer} Terbitkan Aturan Netralitas ASN Jelang {election}",
        "",
        f"{name.upper()} - {issuer} menerbitkan {rng.choice(TYPES)} Nomor {_number(rng, year)}"
        f" {_date(rng, year)} tentang netralitas ASN dan tenaga honorer dalam {election}.",
        f"Edaran itu berpedoman pada {rng.choice(REFERENCES)}.",
        *rng.sample(FILLER, 2),
        "Dalam edaran tersebut, pegawai dilarang:",
        *(f"{i}. {item};" for i, item in enumerate(rng.sample(PROHIBITIONS, 3), 1)),
        rng.choice(FILLER),
    ]
    return "\n".join(lines) + "\n"


def _regions() -> list[tuple[str, str]]:
    return [(r.level, r.name.split(" ", 1)[1]) for r in load_gazetteer().by_code.values()]


def _time(paths: list[Path], work: Callable[[Path], object]) -> float:
    start = time.perf_counter()
    for path in paths:
        work(path)
    return time.perf_counter() - start


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 300


def page_image(text: str) -> Image.Image:
    """An A4 page at 300 DPI with the text in 11 pt, wrapped to the margins."""
    width, height = round(8.27 * DPI), round(11.69 * DPI)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, round(11 / 72 * DPI))
    margin, y = DPI, DPI
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if line and font.getlength(f"{line} {word}") > width - 2 * margin:
                draw.text((margin, y), line, font=font, fill=0)
                y, line = y + round(font.size * 1.45), word
            else:
                line = f"{line} {word}".strip()
        draw.text((margin, y), line, font=font, fill=0)
        y += round(font.size * 1.45)
    return page


def _tesseract(path: Path) -> None:
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    subprocess.run(
        ["tesseract", str(path), "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"],
        capture_output=True,
        check=True,
        env=environment,
    )


def bench_ocr(texts: list[str], folder: Path) -> None:
    if shutil.which("tesseract") is None:
        print("ocr: skipped, tesseract is not installed (scripts/system-deps)")
        return
    images = [page_image(text) for text in texts]
    pngs = []
    for index, image in enumerate(images):
        pngs.append(folder / f"page_{index:03d}.png")
        image.save(pngs[-1])
    scan = folder / "scan.pdf"
    images[0].save(scan, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    count = len(images)
    baseline = _time(pngs, _tesseract)
    start = time.perf_counter()
    result = extract(scan)
    ocr = time.perf_counter() - start
    pages = {page for instrument in result.instruments for page in instrument.pages}
    print(f"ocr pages: {count} (A4, {DPI} DPI)")
    print(f"baseline (tesseract alone): {baseline:.2f} s, {count / baseline:.2f} pages/s")
    print(f"extract scanned PDF: {ocr:.2f} s, {count / ocr:.2f} pages/s")
    print(f"ratio extract / baseline time: {ocr / baseline:.2f}x")
    print(f"sanity: instruments found on {len(pages)} of {count} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 articles instead of 10,000")
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--pages", type=int, default=None, help="OCR pages (default 6)")
    parser.add_argument("--seed", type=int, default=20240214)
    args = parser.parse_args()
    count = args.count or (500 if args.quick else 10_000)
    pages = args.pages or (2 if args.quick else 6)
    rng, regions = random.Random(args.seed), _regions()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(count):
            path = Path(folder) / f"article_{index:05d}.txt"
            path.write_text(article(rng, regions), encoding="utf-8")
            paths.append(path)
        extract(paths[0])  # load lexicons, gazetteer and the triage matcher before timing
        baseline = _time(paths, read_document)
        extraction = _time(paths, extract)
        found = sum(1 for path in paths[:200] if extract(path).instruments)
        texts = [path.read_text("utf-8") for path in paths[:pages]]
    print(f"articles: {count}")
    print(f"baseline (read + normalise): {baseline:.2f} s, {count / baseline:,.0f} docs/s")
    print(f"extract: {extraction:.2f} s, {count / extraction:,.0f} docs/s")
    print(f"ratio extract / baseline time: {extraction / baseline:.1f}x")
    print(f"sanity: instruments found in {found} of the first {min(200, count)} articles")
    with tempfile.TemporaryDirectory() as folder:
        bench_ocr(texts, Path(folder))


if __name__ == "__main__":
    main()
