"""Render figures to PNG with cairosvg, once per figure and size, and read the pixels back."""

from __future__ import annotations

import io
from functools import cache

import pytest
from PIL import Image

from supple.figures import load_figure, render_exercise_svg
from supple.figures.paint import NEAR
from supple.library import load_library

LIBRARY = load_library()
PLAYER_PX = 240
RED, GREEN = "#ff0000", "#00ff00"


def _png(svg: str, width: int | None = None) -> Image.Image:
    cairosvg = pytest.importorskip("cairosvg")
    data = cairosvg.svg2png(bytestring=svg.encode(), output_width=width)
    return Image.open(io.BytesIO(data)).convert("RGBA")


@cache
def still_svg(exercise_id: str, size: str = "player") -> str:
    """The still SVG of an exercise at ``size``."""
    return render_exercise_svg(LIBRARY[exercise_id], animated=False, size=size)  # type: ignore[arg-type]


@cache
def still_png(exercise_id: str, size: str = "player", width: int | None = None) -> Image.Image:
    """The still rendered to PNG (``width`` px wide, else the SVG's own size)."""
    return _png(still_svg(exercise_id, size), width)


@cache
def probe_png(exercise_id: str) -> Image.Image:
    """The player still with near limbs filled pure red and far limbs pure green.

    Compared pixel by pixel with the real render, it says which pixels belong to which.
    """
    svg = still_svg(exercise_id)
    svg = svg.replace(f'fill="{NEAR}"', f'fill="{RED}"')
    hatch = f"fig-{exercise_id}-s-0-hatch"
    svg = svg.replace(f'fill="url(#{hatch})"', f'fill="{GREEN}"')
    return _png(svg, PLAYER_PX)


def body_pixels(image: Image.Image) -> list[tuple[int, int]]:
    """(column, row) of the figure's own pixels: opaque and blue (props are neutral grey)."""
    w = image.width
    data = image.tobytes()
    out = []
    for i in range(0, len(data), 4):
        r, _, b, a = data[i : i + 4]
        if a > 200 and b - r > 35:
            out.append((i // 4 % w, i // 4 // w))
    return out


def figure_of(exercise_id: str):  # type: ignore[no-untyped-def]
    """The exercise's figure."""
    return load_figure(exercise_id)
