"""Write docs/figures.png: every exercise's still (as a handout prints it) with its thumbnail.

Usage: python scripts/contact_sheet.py [OUT.png] [--frames ID ...]
Each cell shows the still at player size and, in its corner, the thumbnail at 96 and 64 px.
With ``--frames``, draw every keyframe of the given exercises alone instead (for checking moves).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import cairosvg
from PIL import Image, ImageDraw, ImageFont

from supple.figures import figure_ids, load_figure, render_exercise_svg, render_svg
from supple.library import load_library

CELL_W, CELL_H, LABEL_H, COLUMNS, THUMB = 300, 210, 30, 5, 96


def _png(svg: str, width: int | None = None) -> Image.Image:
    data = cairosvg.svg2png(bytestring=svg.encode(), output_width=width)
    return Image.open(io.BytesIO(data)).convert("RGBA")


def _cells(ids: list[str], every_frame: bool) -> list[tuple[str, Image.Image, Image.Image | None]]:
    library = load_library()
    cells: list[tuple[str, Image.Image, Image.Image | None]] = []
    for exercise_id in ids:
        ex = library[exercise_id]
        if not every_frame:
            still = _png(render_exercise_svg(ex, animated=False), CELL_W - 10)
            thumb = _png(render_exercise_svg(ex, size="thumb"))
            cells.append((ex.name, still, thumb))
            continue
        figure = load_figure(exercise_id)
        for frame in figure.keyframes:
            one = figure.model_copy(update={"keyframes": [frame], "sides": "one"})
            svg = render_svg(one, title=ex.name, regions=list(ex.regions), animated=False)
            cells.append((f"{ex.name}: {frame.label}", _png(svg, CELL_W - 10), None))
    return cells


def sheet(cells: list[tuple[str, Image.Image, Image.Image | None]]) -> Image.Image:
    """Lay the cells out in a grid, each picture fitted into its cell with its label under it."""
    rows = (len(cells) + COLUMNS - 1) // COLUMNS
    out = Image.new("RGB", (COLUMNS * CELL_W, rows * (CELL_H + LABEL_H)), "white")
    draw = ImageDraw.Draw(out)
    font = ImageFont.load_default(size=13)
    for i, (label, picture, thumb) in enumerate(cells):
        x0, y0 = (i % COLUMNS) * CELL_W, (i // COLUMNS) * (CELL_H + LABEL_H)
        room = CELL_W - (THUMB + 14 if thumb else 10)
        picture.thumbnail((room, CELL_H - 10))
        out.paste(picture, (x0 + 5, y0 + (CELL_H - picture.height) // 2), picture)
        if thumb is not None:
            tx = x0 + CELL_W - THUMB - 5
            draw.rectangle((tx - 1, y0 + 4, tx + THUMB, y0 + 5 + THUMB), outline="#cccccc")
            out.paste(thumb, (tx, y0 + 5), thumb)
            small = thumb.resize((64, 64), Image.Resampling.LANCZOS)
            sx, sy = tx + (THUMB - 64) // 2, y0 + THUMB + 14
            draw.rectangle((sx - 1, sy - 1, sx + 64, sy + 64), outline="#cccccc")
            out.paste(small, (sx, sy), small)
        text = label if len(label) <= 44 else label[:42] + "…"
        draw.text((x0 + CELL_W // 2, y0 + CELL_H + 4), text, fill="black", font=font, anchor="ma")
        draw.rectangle((x0, y0, x0 + CELL_W - 1, y0 + CELL_H + LABEL_H - 1), outline="#dddddd")
    return out


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv and not argv[0].startswith("--") else Path("docs/figures.png")
    if "--frames" in argv:
        ids, every = argv[argv.index("--frames") + 1 :], True
    else:
        ids, every = figure_ids(), False
    # 128 colours keep every tone of the figures and a third of the file size.
    picture = sheet(_cells(ids, every)).quantize(128, dither=Image.Dither.NONE)
    picture.save(out, optimize=True)
    print(f"wrote {out} ({len(ids)} exercises)")


if __name__ == "__main__":
    main(sys.argv[1:])
