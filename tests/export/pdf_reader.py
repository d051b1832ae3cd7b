"""Read a handout PDF back with independent tools: pdfplumber, pdftoppm and zbarimg."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "handouts"


@dataclass(frozen=True)
class Page:
    """What one page holds: its size in points, its words, and the figure shapes drawn on it.

    The handout's own layout is black, white and grey only (it must print in black and white);
    a figure draws each part of the body (trunk, head, limbs, hands, feet) as a shape filled
    in colour, so a filled shape in a colour is a part of a figure. A ghost is pale grey and
    far limbs are hatched: neither counts, so a page needs a body drawn solid to show ten.
    """

    width: float
    height: float
    text: str
    figure_shapes: int
    body_size: float


def _coloured(colour: object) -> bool:
    if not isinstance(colour, tuple | list) or len(colour) != 3:
        return False
    return bool(max(colour) - min(colour) > 0.05)


def read_pages(pdf: bytes) -> list[Page]:
    """Every page of ``pdf``; text with whitespace folded to single spaces, and the size in
    points most of its characters are set in."""
    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            shapes = sum(
                1
                for obj in page.curves
                if obj.get("fill") and _coloured(obj.get("non_stroking_color"))
            )
            text = " ".join((page.extract_text() or "").split())
            sizes = Counter(round(float(c["size"]), 1) for c in page.chars)
            body = sizes.most_common(1)[0][0] if sizes else 0.0
            pages.append(Page(float(page.width), float(page.height), text, shapes, body))
    return pages


def need(program: str) -> str:
    """The path of ``program``, failing with how to install it when it is missing."""
    found = shutil.which(program)
    if found is None:
        pytest.fail(f"{program} is missing: run `bash scripts/system-deps.sh`", pytrace=False)
    return found


def page_png(pdf: bytes, name: str, *, page: int = 1, dpi: int = 60, gray: bool = False) -> Path:
    """Render one page to ``test-artifacts/handouts/NAME.png`` with pdftoppm and return it."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(pdf)
    args = [need("pdftoppm"), "-png", "-r", str(dpi), "-f", str(page), "-l", str(page)]
    subprocess.run(
        [*args, *(["-gray"] if gray else []), "-singlefile", str(source), str(ARTIFACTS / name)],
        check=True,
        timeout=60,
    )
    return ARTIFACTS / f"{name}.png"


def qr_codes(png: Path) -> list[str]:
    """The texts of the QR codes zbarimg finds in ``png``."""
    run = subprocess.run(
        [need("zbarimg"), "-q", "--raw", str(png)], capture_output=True, text=True, timeout=60
    )
    return [line for line in run.stdout.splitlines() if line.strip()]


def png_size(png: Path) -> tuple[int, int]:
    """Width and height of a PNG, from its header."""
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def folded(text: str) -> str:
    """``text`` with whitespace folded, as :func:`read_pages` gives page text."""
    return re.sub(r"\s+", " ", text).strip()


def reads(text: str, phrase: str, *, max_gap: int = 12) -> bool:
    """Whether the words of ``phrase`` occur in ``text`` in order, each within ``max_gap`` words
    of the one before: a reader pulls side-by-side columns apart line by line, so a heading
    beside a picture comes out with the picture's caption words in between."""
    words, wanted = text.split(), phrase.split()
    for start, word in enumerate(words):
        if word != wanted[0]:
            continue
        at, ok = start, True
        for w in wanted[1:]:
            window = words[at + 1 : at + 2 + max_gap]
            if w not in window:
                ok = False
                break
            at = at + 1 + window.index(w)
        if ok:
            return True
    return False
