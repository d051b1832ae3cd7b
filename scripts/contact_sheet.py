"""Write docs/figures.png: every exercise's figure (first keyframe), labelled, in one grid.

Usage: python scripts/contact_sheet.py [OUT.png] [--frames ID ...]
With ``--frames``, draw every keyframe of the given exercises instead (for checking moves).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import cairosvg
from PIL import Image, ImageDraw, ImageFont

from supple.figures import figure_ids, load_figure, render_svg
from supple.library import load_library

CELL_W, CELL_H, LABEL_H, COLUMNS = 260, 200, 34, 6


def _png(svg: str) -> Image.Image:
    data = cairosvg.svg2png(bytestring=svg.encode(), output_width=CELL_W - 20)
    return Image.open(io.BytesIO(data)).convert("RGBA")


def _cells(ids: list[str], every_frame: bool) -> list[tuple[str, Image.Image]]:
    library = load_library()
    cells = []
    for exercise_id in ids:
        ex = library[exercise_id]
        figure = load_figure(exercise_id)
        frames = figure.keyframes if every_frame else figure.keyframes[:1]
        for frame in frames:
            one = figure.model_copy(update={"keyframes": [frame], "sides": "one"})
            svg = render_svg(one, title=ex.name, regions=list(ex.regions), animated=False)
            label = f"{ex.name}: {frame.label}" if every_frame else ex.name
            cells.append((label, _png(svg)))
    return cells


def sheet(cells: list[tuple[str, Image.Image]]) -> Image.Image:
    """Lay the cells out in a grid, each picture fitted into its cell with its label under it."""
    rows = (len(cells) + COLUMNS - 1) // COLUMNS
    out = Image.new("RGB", (COLUMNS * CELL_W, rows * (CELL_H + LABEL_H)), "white")
    draw = ImageDraw.Draw(out)
    font = ImageFont.load_default(size=13)
    for i, (label, picture) in enumerate(cells):
        x0, y0 = (i % COLUMNS) * CELL_W, (i // COLUMNS) * (CELL_H + LABEL_H)
        picture.thumbnail((CELL_W - 20, CELL_H - 10))
        px = x0 + (CELL_W - picture.width) // 2
        py = y0 + (CELL_H - picture.height) // 2
        out.paste(picture, (px, py), picture)
        text = label if len(label) <= 38 else label[:36] + "…"
        draw.text((x0 + CELL_W // 2, y0 + CELL_H + 4), text, fill="black", font=font, anchor="ma")
        draw.rectangle((x0, y0, x0 + CELL_W - 1, y0 + CELL_H + LABEL_H - 1), outline="#dddddd")
    return out


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv and not argv[0].startswith("--") else Path("docs/figures.png")
    if "--frames" in argv:
        ids, every = argv[argv.index("--frames") + 1 :], True
    else:
        ids, every = figure_ids(), False
    sheet(_cells(ids, every)).save(out)
    print(f"wrote {out} ({len(ids)} exercises)")


if __name__ == "__main__":
    main(sys.argv[1:])
