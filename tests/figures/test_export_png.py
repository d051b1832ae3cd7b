"""The print export: a PNG at 300 dpi read back by Pillow, and the CLI flags that write it."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
from PIL import Image
from typer.testing import CliRunner

from supple.cli.app import app
from supple.library import load_library

pytest.importorskip("cairosvg")
runner = CliRunner()


def test_print_size_is_90_mm_at_300_dpi() -> None:
    from supple.export.figure_png import figure_png

    image = Image.open(io.BytesIO(figure_png(load_library()["cat_cow"])))
    assert image.width == round(90 / 25.4 * 300)
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    # A white page, not a transparent one, with the figure drawn on it.
    grey = image.convert("L")
    darkest, _ = cast("tuple[int, int]", grey.getextrema())
    assert grey.getpixel((0, 0)) == 255 and darkest < 80


def test_other_sizes_keep_their_size_at_the_chosen_density() -> None:
    from supple.export.figure_png import figure_png

    thumb = Image.open(io.BytesIO(figure_png(load_library()["cat_cow"], size="thumb", dpi=192)))
    assert thumb.size == (192, 192)


def test_the_cli_writes_png_and_print_svg(tmp_path: Path) -> None:
    png, svg = tmp_path / "cat.png", tmp_path / "cat.svg"
    result = runner.invoke(
        app, ["library", "show", "cat_cow", "--png", str(png), "--svg", str(svg), "--size", "print"]
    )
    assert result.exit_code == 0, result.output
    with Image.open(png) as image:
        assert image.width == 1063
    text = svg.read_text(encoding="utf-8")
    assert 'width="90mm"' in text and "<animate" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--size", "huge"], "unknown size 'huge'"),
        (["--dpi", "20"], "--dpi 20 is out of range"),
    ],
)
def test_bad_export_options_are_one_line_errors(
    tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "x.png"
    result = subprocess.run(
        [sys.executable, "-m", "supple", "library", "show", "cat_cow", "--png", str(target), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert message in line
    assert not target.exists()
