"""An exercise's illustration as a PNG for print (300 dpi by default), drawn by cairosvg.

The figure is drawn as SVG by the domain (``supple.figures``); this adapter only rasterises it
and records the resolution in the file, so that a handout prints it at its true size: the
``print`` size is 90 mm wide, 1063 pixels at 300 dpi.
"""

from __future__ import annotations

import io
from pathlib import Path

from supple.figures import Size, render_exercise_svg
from supple.library import Exercise

#: CSS pixels per inch: what a size given in pixels (thumb, player) is measured in.
CSS_DPI = 96.0
DEFAULT_DPI = 300


class PngUnavailable(RuntimeError):
    """The Cairo library that cairosvg draws with is not installed on this machine."""


def figure_png(exercise: Exercise, *, size: Size = "print", dpi: int = DEFAULT_DPI) -> bytes:
    """The still of ``exercise``'s figure as PNG bytes at ``dpi`` dots per inch.

    Raise LookupError when the exercise has no figure and PngUnavailable without Cairo.
    """
    svg = render_exercise_svg(exercise, animated=False, size=size)
    try:
        import cairosvg
    except (ImportError, OSError) as exc:  # cairocffi raises OSError when libcairo is missing
        raise PngUnavailable(
            "PNG export needs the Cairo library (Debian: apt-get install libcairo2)"
        ) from exc
    # Sizes in millimetres follow ``dpi``; sizes in pixels are scaled to the same density.
    scale = 1.0 if size == "print" else dpi / CSS_DPI
    png = cairosvg.svg2png(bytestring=svg.encode(), dpi=dpi, scale=scale, background_color="white")
    from PIL import Image

    out = io.BytesIO()
    Image.open(io.BytesIO(png)).save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def write_figure_png(
    exercise: Exercise, path: Path, *, size: Size = "print", dpi: int = DEFAULT_DPI
) -> Path:
    """Write :func:`figure_png` to ``path``; return ``path``."""
    path.write_bytes(figure_png(exercise, size=size, dpi=dpi))
    return path
