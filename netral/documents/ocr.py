"""Optical character recognition of page images through the Tesseract program.

Tesseract runs as a child process (`tesseract stdin stdout -l ind tsv`): it is killed when
the file's time runs out, and a crash in it cannot take the caller down. Its TSV output
gives every word with its line, paragraph and block and a confidence (0-100); the page's
text is rebuilt from those words (lines end in a line break, blocks in a blank line) so
each word's place in the text, and its confidence, are known.

The Indonesian model (`ind`, Debian package tesseract-ocr-ind) is used: it knows the
alphabet and the words of circulars better than the English one.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

from netral.documents.errors import DocumentError
from netral.documents.limits import Deadline
from netral.documents.pages import Page, Word

LANGUAGE = "ind"
TESSERACT = "tesseract"
_MISSING = (
    "OCR needs the tesseract program and its Indonesian model (Debian packages"
    " tesseract-ocr and tesseract-ocr-ind)"
)
_WORD_LEVEL = "5"
_COLUMNS = 12  # level page block par line word left top width height conf text
_READ = ["-l", LANGUAGE, "--psm", "3", "tsv"]
_ORIENTATION = ["-l", "osd", "--psm", "0"]  # orientation and script detection only
_UPRIGHT_CONFIDENCE = 0.6  # mean word confidence of a page read the right way up
_ORIENTATION_CONFIDENCE = 2.0  # Tesseract's own scale; below it the guess is noise
# A page that is all but white: nothing to read, no reason to start Tesseract.
_BLANK_DARK_PIXELS = 0.0005


@dataclass(frozen=True)
class _Place:
    block: tuple[str, str]  # page, block
    line: tuple[str, str, str, str]  # page, block, paragraph, line


def ocr_page(image: Image.Image, number: int, deadline: Deadline, dpi: int | None) -> Page:
    """The text of one page image with its words' places and confidences.

    A page read with little confidence may be sideways or upside down (a scanner fed the
    wrong way): Tesseract's orientation detection is asked, and the page read again
    turned upright when that reads better."""
    gray = image.convert("L")
    if _is_blank(gray):
        return Page(number, "", ocr=True)
    page = _page_of_tsv(_run(gray, deadline, dpi, _READ), number)
    if _mean_confidence(page) >= _UPRIGHT_CONFIDENCE:
        return page
    turn = _rotation(_run(gray, deadline, dpi, _ORIENTATION, check=False))
    if turn == 0:
        return page
    # Tesseract says how far to turn clockwise; Pillow turns counter-clockwise.
    upright = gray.rotate(-turn, expand=True)
    turned = _page_of_tsv(_run(upright, deadline, dpi, _READ), number)
    return turned if _mean_confidence(turned) > _mean_confidence(page) else page


def _mean_confidence(page: Page) -> float:
    return sum(w.confidence for w in page.words) / len(page.words) if page.words else 0.0


def _rotation(osd: str) -> int:
    """Degrees to turn the page clockwise, 0 when unsure (`tesseract --psm 0` output)."""
    found = dict(line.split(":", 1) for line in osd.splitlines() if line.count(":") == 1)
    try:
        turn = int(found.get("Rotate", "0").strip())
        sure = float(found.get("Orientation confidence", "0").strip())
    except ValueError:
        return 0
    return turn if turn in (90, 180, 270) and sure >= _ORIENTATION_CONFIDENCE else 0


def _is_blank(gray: Image.Image) -> bool:
    histogram = gray.histogram()
    dark = sum(histogram[:128])
    return dark <= _BLANK_DARK_PIXELS * gray.width * gray.height


def _run(
    gray: Image.Image, deadline: Deadline, dpi: int | None, mode: list[str], *, check: bool = True
) -> str:
    """Tesseract's output; with `check` false, "" when it fails (too few letters to tell
    the orientation), except for running out of time."""
    executable = shutil.which(TESSERACT)
    if executable is None:
        raise DocumentError(_MISSING)
    pixels = io.BytesIO()
    gray.save(pixels, format="PPM")  # uncompressed PGM: no time spent encoding
    command = [executable, "stdin", "stdout", *(["--dpi", str(dpi)] if dpi else []), *mode]
    # One thread per page: Tesseract's OpenMP threads fight over the same cores otherwise.
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    deadline.check()
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program, no shell, our own arguments
            command,
            input=pixels.getvalue(),
            capture_output=True,
            timeout=max(deadline.remaining(), 0.1),
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise deadline.exceeded() from error
    except OSError as error:
        raise DocumentError(f"{_MISSING}: {error}") from error
    if done.returncode != 0 and not check:
        return ""
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if any("Failed loading language" in line for line in message):
            raise DocumentError(_MISSING)
        raise DocumentError(f"OCR failed: {message[-1] if message else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def _page_of_tsv(tsv: str, number: int) -> Page:
    parts: list[str] = []
    words: list[Word] = []
    length = 0
    previous: _Place | None = None
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < _COLUMNS or cells[0] != _WORD_LEVEL:
            continue
        text = cells[11].strip()
        if not text:
            continue
        place = _Place((cells[1], cells[2]), (cells[1], cells[2], cells[3], cells[4]))
        if previous is not None:
            gap = " " if place.line == previous.line else "\n"
            gap = "\n\n" if place.block != previous.block else gap
            parts.append(gap)
            length += len(gap)
        previous = place
        confidence = _confidence(cells[10])
        words.append(Word(length, length + len(text), confidence))
        parts.append(text)
        length += len(text)
    return Page(number, "".join(parts), ocr=True, words=tuple(words))


def _confidence(cell: str) -> float:
    """Tesseract's 0-100 word confidence as 0..1 (0 when it wrote none)."""
    try:
        return min(max(float(cell), 0.0), 100.0) / 100
    except ValueError:
        return 0.0
