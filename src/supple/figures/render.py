"""Draw a figure as SVG: a still that shows the move, and an animation through the keyframes.

A still draws the chosen keyframe solid over a faint ghost of where the move starts, with
curved arrows along the way the body goes (``still``); a small move is a before-and-after
pair. An animated SVG carries the animation and the still both: a ``prefers-reduced-motion``
rule in its own stylesheet shows the still instead. Sizes: ``thumb`` (a 96 px square that a
list can shrink to 64), ``player`` (240 px wide) and ``print`` (90 mm wide: 1063 px at 300 dpi).
"""

from __future__ import annotations

from html import escape
from typing import Literal

from supple.figures.camera import Projection
from supple.figures.layers import REGION_PARTS, layer, lit_parts
from supple.figures.model import Figure
from supple.figures.motion import motion
from supple.figures.panels import GAP, Panel, layout, motion_panels, prepare, still_panels
from supple.figures.parts import PART_NAMES
from supple.figures.svg import fmt

Size = Literal["thumb", "player", "print"]
#: Each size's width in CSS pixels, which line widths are chosen for.
WIDTH_PX: dict[str, float] = {"thumb": 96, "player": 240, "print": 340}
PRINT_MM = 90.0

__all__ = ["PART_NAMES", "REGION_PARTS", "render_frames", "render_svg"]


def _reduced_motion(root: str) -> str:
    """A stylesheet, scoped to this picture, showing the still to readers who ask for less motion.

    SMIL runs whatever CSS says, so the animation and the still are both in the picture and
    the rule chooses which one shows.
    """
    return (
        f"<style>{root} .fig-still{{display:none}}@media (prefers-reduced-motion: reduce)"
        f"{{{root} .fig-motion{{display:none}}{root} .fig-still{{display:inline}}}}</style>"
    )


def _box(box: tuple[float, float, float, float]) -> str:
    return " ".join(fmt(v) for v in box)


def render_svg(
    figure: Figure,
    *,
    title: str,
    regions: list[str],
    animated: bool = True,
    size: Size = "player",
    flowing: bool = False,
) -> str:
    """The SVG text of ``figure`` at ``size``: animated through its keyframes, or a still.

    ``flowing`` (a back-and-forth move such as cat-cow) gives the still's arrows two heads.
    A thumbnail is always a still.
    """
    lit = lit_parts(figure, regions)
    moving = animated and len(figure.keyframes) > 1 and size != "thumb"
    prefix = f"fig-{figure.exercise_id}-{'a' if moving else 's'}-"
    still, pair = still_panels(figure, flowing, small=size == "thumb")
    for panel in still:
        prepare(panel, figure, tight=size == "thumb")
    shape = "square" if size == "thumb" else "wide"
    # A lying body is long: its before and after go one over the other.
    wide = pair and all(p.box[2] - p.box[0] > 1.4 * (p.box[3] - p.box[1]) for p in still)
    joined = ("down" if wide else "across") if pair else None
    still_box = layout(still, 2.2 * GAP if pair else GAP, shape, stacked=wide)
    width = WIDTH_PX[size]
    if moving:
        motion = motion_panels(figure)
        for panel in motion:
            prepare(panel, figure)
        box = layout(motion, GAP, shape)
        scale = width / box[2]
        mdefs, mbody = layer(motion, figure, f"{prefix}m", lit, scale, None)
        fit = min(box[2] / still_box[2], box[3] / still_box[3])
        sdefs, sbody = layer(still, figure, f"{prefix}s", lit, scale * fit, joined)
        x, y, w, h = box
        inner = (
            f"{_reduced_motion(f'#{prefix}root')}"
            f'<defs>{"".join(mdefs)}</defs><g class="fig-motion">{mbody}</g>'
            f'<svg class="fig-still" x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}" '
            f'viewBox="{_box(still_box)}"><defs>{"".join(sdefs)}</defs>{sbody}</svg>'
        )
    else:
        box = still_box
        scale = width / box[2]
        sdefs, sbody = layer(still, figure, prefix, lit, scale, joined)
        inner = f'<defs>{"".join(sdefs)}</defs><g class="fig-still">{sbody}</g>'
    labels = [f.label for f in figure.keyframes]
    desc = ", then ".join(labels) + ("; then the other side" if figure.sides == "both" else "")
    return _root(prefix, box, size, title, desc, inner)


def _root(
    prefix: str,
    box: tuple[float, float, float, float],
    size: Size,
    title: str,
    desc: str,
    inner: str,
) -> str:
    """The outer ``<svg>``: its box, its size on the page, its title and description."""
    width = WIDTH_PX[size]
    if size == "print":
        dims = f'width="{fmt(PRINT_MM)}mm" height="{fmt(PRINT_MM * box[3] / box[2])}mm"'
    else:
        dims = f'width="{fmt(width)}" height="{fmt(width * box[3] / box[2])}"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{prefix}root" role="img" '
        f'viewBox="{_box(box)}" {dims} '
        f'aria-labelledby="{prefix}title {prefix}desc">'
        f'<title id="{prefix}title">{escape(title, quote=False)}</title>'
        f'<desc id="{prefix}desc">{escape(desc, quote=False)}</desc>'
        f'<g stroke-linecap="round" stroke-linejoin="round">{inner}</g></svg>'
    )


def render_frames(
    figure: Figure, *, title: str, regions: list[str], size: Size = "player"
) -> list[str]:
    """A still SVG of each keyframe, as the animation draws it, all in one box.

    A strip of key frames (a printed handout's) then shows the body the same size and in the
    same place in each, its hands and feet planted where the animation plants them; only the
    main view is drawn, with no ghost or arrows (the frames in turn show the move).
    """
    run = motion(figure)
    proj = Projection.of(figure.camera)
    panels = [Panel(proj, [d.points], memo=run.memo) for d in run.drawn]
    for panel in panels:
        prepare(panel, figure)
    shared = (
        min(p.box[0] for p in panels),
        min(p.box[1] for p in panels),
        max(p.box[2] for p in panels),
        max(p.box[3] for p in panels),
    )
    lit = lit_parts(figure, regions)
    out = []
    for k, (panel, frame) in enumerate(zip(panels, figure.keyframes, strict=True)):
        panel.box = shared
        box = layout([panel], GAP, "wide")
        prefix = f"fig-{figure.exercise_id}-k{k}-"
        defs, body = layer([panel], figure, prefix, lit, WIDTH_PX[size] / box[2], None)
        inner = f'<defs>{"".join(defs)}</defs><g class="fig-still">{body}</g>'
        out.append(_root(prefix, box, size, f"{title}: {frame.label}", frame.label, inner))
    return out
