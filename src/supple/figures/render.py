"""Draw a figure as SVG: a still that shows the move, and an animation through the keyframes.

A still draws the chosen keyframe solid over a faint ghost of where the move starts, with
curved arrows along the way the body goes (``still``); a small move is a before-and-after
pair. An animated SVG carries the animation and the still both: a ``prefers-reduced-motion``
rule in its own stylesheet shows the still instead. Sizes: ``thumb`` (a 96 px square that a
list can shrink to 64), ``player`` (240 px wide) and ``print`` (90 mm wide: 1063 px at 300 dpi).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Literal

from supple.figures.arrows import arrow_svg, between, screen_path
from supple.figures.body import Vec
from supple.figures.camera import Projection
from supple.figures.draw import (
    HALO,
    PART_NAMES,
    PARTS,
    Part,
    chain_kinds,
    chain_order,
    eye_dots,
    hatch_pattern,
    held_paint,
    held_path,
    nose_shown,
    outline,
    paint,
    projected,
)
from supple.figures.model import Figure
from supple.figures.motion import motion
from supple.figures.props import Shape, floor_line, prop_shapes
from supple.figures.still import Arrow, plan_still
from supple.figures.svg import Timeline, fmt

Size = Literal["thumb", "player", "print"]
#: Each size's width in CSS pixels, which line widths are chosen for.
WIDTH_PX: dict[str, float] = {"thumb": 96, "player": 240, "print": 340}
PRINT_MM = 90.0
HALO_PX = 3.5
GAP = 14.0

#: Which body parts light up for each region of the library's vocabulary.
REGION_PARTS: dict[str, tuple[str, ...]] = {
    "lower_back": ("torso",),
    "upper_back": ("torso",),
    "neck": ("neck",),
    "shoulders": ("upper_arm_r", "upper_arm_l"),
    "chest": ("torso",),
    "hips": ("thigh_r", "thigh_l"),
    "glutes": ("torso",),
    "hamstrings": ("thigh_r", "thigh_l"),
    "hip_flexors": ("thigh_r", "thigh_l"),
    "core": ("torso",),
}
__all__ = ["PART_NAMES", "REGION_PARTS", "render_svg"]


@dataclass
class Panel:
    """One picture of the body in a layer: its positions, view, ghost and arrows."""

    proj: Projection
    seq: list[dict[str, Vec]]
    line: Timeline = Timeline()
    ghost: dict[str, Vec] | None = None
    ghost_chains: frozenset[str] = frozenset()
    arrows: tuple[Arrow, ...] = ()
    flip: tuple[float, float] | None = None  # a sided move: when the mirrored half starts, ends
    shown: list[dict[str, tuple[float, float, float]]] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    dx: float = 0.0
    dv: float = 0.0


def _prepare(panel: Panel, figure: Figure, *, tight: bool = False) -> None:
    """Project the panel's positions, lay out its props and find its box (u0, v0, u1, v1).

    A ``tight`` box holds the body and its arrows only; props outside it are cut off.
    """
    panel.shown = [projected(s, panel.proj) for s in panel.seq]
    shown = panel.shown + ([projected(panel.ghost, panel.proj)] if panel.ghost else [])
    every = panel.seq + ([panel.ghost] if panel.ghost else [])
    xs = [p[0] for s in every for p in s.values()]
    zs = [p[2] for s in every for p in s.values()]
    footprint = (min(xs), max(xs), min(zs), max(zs))
    panel.shapes = [
        shape
        for prop in figure.props
        for shape in prop_shapes(prop, panel.proj, footprint, panel.seq[0])
    ]
    us = [p[0] for s in shown for p in s.values()]
    vs = [p[1] for s in shown for p in s.values()]
    # Points are the middles of limbs and joints: the outline lies up to a hand's width out.
    u0, u1, v0, v1 = min(us) - 7, max(us) + 7, min(vs) - 7, max(vs) + 7
    for s in shown:
        hu, hv, _ = s["head"]
        u0, u1, v0, v1 = min(u0, hu - 12), max(u1, hu + 12), min(v0, hv - 12), max(v1, hv + 12)
    extra = [] if tight else [p for shape in panel.shapes for p in shape.points]
    extra += [
        (u + du, v + dv)
        for arrow in panel.arrows
        for u, v in screen_path(arrow, panel.proj)
        for du, dv in ((-5, -5), (5, 5))
    ]
    if extra:
        u0, u1 = min(u0, *(p[0] for p in extra)), max(u1, *(p[0] for p in extra))
        v0, v1 = min(v0, *(p[1] for p in extra)), max(v1, *(p[1] for p in extra))
    panel.box = (u0 - 3, v0 - 3, u1 + 3, v1 + 3)


def _layout(
    panels: list[Panel], gap: float, shape: str, *, stacked: bool = False
) -> tuple[float, float, float, float]:
    """Place the panels side by side (or one under the other); the box (x, y, width, height)."""
    if stacked:
        width = max(p.box[2] - p.box[0] for p in panels)
        v = 0.0
        for i, panel in enumerate(panels):
            u0, v0, u1, v1 = panel.box
            panel.dx = (width - (u1 - u0)) / 2 - u0
            panel.dv = v - v1 - (gap if i else 0.0)
            v = panel.dv + v0
        x0, x1, v0, v1 = 0.0, width, v, 0.0
    else:
        u = 0.0
        for i, panel in enumerate(panels):
            u0, _, u1, _ = panel.box
            panel.dx = u - u0 + (gap if i else 0.0)
            u = panel.dx + u1
        x0, x1 = 0.0, u
        v0 = min(p.box[1] for p in panels)
        v1 = max(p.box[3] for p in panels)
    w, h = x1 - x0, v1 - v0
    if shape == "square":
        side = max(w, h)
        x0, x1 = x0 - (side - w) / 2, x1 + (side - w) / 2
        v0, v1 = v0 - (side - h) / 2, v1 + (side - h) / 2
    else:
        if w < 0.75 * h:
            x0, x1 = x0 - (0.75 * h - w) / 2, x1 + (0.75 * h - w) / 2
        if h < 0.5 * w:
            v0, v1 = v0 - (0.5 * w - h) / 2, v1 + (0.5 * w - h) / 2
    return (x0, -v1, x1 - x0, v1 - v0)


def _lit(figure: Figure, regions: list[str]) -> set[str]:
    lit = {part for r in regions for part in REGION_PARTS.get(r, ())}
    if figure.focus:
        other = "_l" if figure.focus == "r" else "_r"
        lit = {part for part in lit if not part.endswith(other)}
    return lit


def _body(panel: Panel, figure: Figure, ids: str, px: object, lit: set[str]) -> tuple[list[str], list[str]]:
    """The defs and drawing of the panel's body, held props and (in a still) ghost and arrows."""
    assert callable(px)
    line = panel.line
    kinds = chain_kinds(panel.seq, panel.proj)
    order = chain_order(panel.shown)
    defs: list[str] = []
    out: list[str] = []
    hatch = f"{ids}hatch"
    defs.append(hatch_pattern(hatch, px))
    if panel.ghost is not None:
        g = projected(panel.ghost, panel.proj)
        for chain in chain_order([g]):
            if chain == "trunk" and "trunk" not in panel.ghost_chains:
                continue
            if chain != "trunk" and chain not in panel.ghost_chains:
                continue
            for part in PARTS:
                if part.chain == chain:
                    out.append(f'<path class="fig-ghost" d="{outline(part, g)}" {paint(part, kinds[chain], True, px, hatch)}/>')
    ref: dict[str, str] = {}
    for i, part in enumerate(PARTS):
        ds = [outline(part, s) for s in panel.shown]
        anim = line.animate("d", ds)
        close = f">{anim}</path>" if anim else "/>"
        ref[part.name] = f"{ids}{i}"
        defs.append(f'<path id="{ids}{i}" d="{ds[0]}"{close}')
    out += [
        f'<use href="#{ref[p]}" fill="none" stroke="{HALO}" stroke-width="{fmt(px(2 * HALO_PX))}" stroke-opacity="0.55"/>'
        for p in PART_NAMES
        if p in lit
    ]
    for chain in order:
        kind = kinds[chain]
        out.append(f'<g class="fig-{kind}">')
        for part in PARTS:
            if part.chain != chain:
                continue
            extra = ""
            if part.name == "nose":
                shown = [nose_shown(s) for s in panel.shown]
                anim = line.animate("opacity", shown)
                extra = f' opacity="{shown[0]}"'
                if anim:
                    out.append(f'<g{extra}>{anim}<use href="#{ref[part.name]}" {paint(part, kind, False, px, hatch)}/></g>')
                    continue
            out.append(f'<use href="#{ref[part.name]}" {paint(part, kind, False, px, hatch)}{extra}/>')
        if chain == "trunk":
            out += eye_dots(panel.shown, line, px)
        out.append("</g>")
    for prop in figure.props:
        if prop.held_ends is None:
            continue
        ds = [held_path(prop, s.__getitem__) for s in panel.shown]
        anim = line.animate("d", ds)
        for strokes in held_paint(prop, px):
            out.append(f'<path d="{ds[0]}" fill="none" {strokes}>{anim}</path>')
    for arrow in panel.arrows:
        out += arrow_svg(arrow, panel.proj, px)
    return defs, out


def _panel_svg(panel: Panel, figure: Figure, ids: str, px: object, lit: set[str]) -> tuple[list[str], str]:
    assert callable(px)
    defs, body = _body(panel, figure, ids, px, lit)
    scene = [f'<path d="{s.d}" fill="{s.fill}" stroke="{s.stroke}" stroke-width="{fmt(px(0.8))}"/>' for s in panel.shapes]
    if panel.proj.level:
        u0, _, u1, _ = panel.box
        floor = floor_line(u0 - 2, u1 + 2)
        scene.append(f'<path d="{floor.d}" fill="none" stroke="{floor.stroke}" stroke-width="{fmt(px(1.2))}"/>')
    inner = f'<g class="props">{"".join(scene)}</g><g class="body">{"".join(body)}</g>'
    if panel.flip is not None and panel.line.total:
        centre = fmt((panel.box[0] + panel.box[2]) / 2)
        total = panel.line.total
        first, second = panel.flip[0] / (2 * total), (panel.flip[0] + total) / (2 * total)
        inner = (
            f'<g transform="translate({centre} 0)"><g><animateTransform attributeName="transform" '
            f'type="scale" calcMode="discrete" dur="{fmt(2 * total)}s" '
            f'repeatCount="indefinite" values="1 1;-1 1;1 1" '
            f'keyTimes="0;{first:.4f};{second:.4f}"/>'
            f'<g transform="translate(-{centre} 0)">{inner}</g></g></g>'
        )
    return defs, f'<g transform="translate({fmt(panel.dx)} {fmt(-panel.dv)})">{inner}</g>'


def _still_panels(figure: Figure, flowing: bool, *, small: bool) -> tuple[list[Panel], bool]:
    """The still's pictures: the main view with its ghost and arrows, then any second view.

    The second view shows the position alone: it is there for what the first cannot show
    (how wide the knees are, which way the chest turns).
    """
    run = motion(figure)
    drawn = run.drawn
    proj = Projection.of(figure.camera)
    plan = plan_still(figure, run, proj, flowing=flowing)
    solid = drawn[plan.show].points
    panels: list[Panel] = []
    pair = False
    if plan.pair and plan.ghost is not None:
        # A thumbnail has no room for two pictures: the end position and its arrows.
        pair = not small
        if not small:
            panels.append(Panel(proj, [drawn[plan.ghost].points]))
        panels.append(Panel(proj, [solid], arrows=plan.arrows))
    else:
        ghost = drawn[plan.ghost].points if plan.ghost is not None else None
        panels.append(
            Panel(proj, [solid], ghost=ghost, ghost_chains=plan.ghost_chains, arrows=plan.arrows)
        )
    if figure.second_view is not None and not small:
        panels.append(Panel(Projection.of(figure.second_view), [solid]))
    return panels, pair


def _motion_panels(figure: Figure) -> list[Panel]:
    run = motion(figure)
    line = Timeline(tuple(s.t for s in run.samples), run.total)
    flip = (run.last_hold_end, run.total) if figure.sides == "both" else None
    points = [s.points for s in run.samples]
    return [
        Panel(Projection.of(camera), points, line, flip=flip)
        for camera in [figure.camera, *([figure.second_view] if figure.second_view else [])]
    ]


def _layer(
    panels: list[Panel],
    figure: Figure,
    ids: str,
    lit: set[str],
    scale: float,
    pair: str | None,
) -> tuple[list[str], str]:
    """The defs and drawing of one layer; ``pair`` (``across`` or ``down``) joins its panels."""
    def px(n: float) -> float:
        return n / scale

    defs: list[str] = []
    parts: list[str] = []
    for i, panel in enumerate(panels):
        d, body = _panel_svg(panel, figure, f"{ids}{i}-", px, lit)
        defs += d
        parts.append(body)
    for a, b in zip(panels[::2], panels[1::2], strict=False) if pair else ():
        if pair == "down":
            u = (a.dx + (a.box[0] + a.box[2]) / 2 + b.dx + (b.box[0] + b.box[2]) / 2) / 2
            parts.append(between((u, a.dv + a.box[1] - 1.5), (u, b.dv + b.box[3] + 1.5), px))
        else:
            v = (max(a.box[1], b.box[1]) + min(a.box[3], b.box[3])) / 2
            parts.append(between((a.dx + a.box[2] + 1.5, v), (b.dx + b.box[0] - 1.5, v), px))
    return defs, "".join(parts)


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
    lit = _lit(figure, regions)
    moving = animated and len(figure.keyframes) > 1 and size != "thumb"
    prefix = f"fig-{figure.exercise_id}-{'a' if moving else 's'}-"
    still, pair = _still_panels(figure, flowing, small=size == "thumb")
    for panel in still:
        _prepare(panel, figure, tight=size == "thumb")
    shape = "square" if size == "thumb" else "wide"
    # A lying body is long: its before and after go one over the other.
    wide = pair and all(p.box[2] - p.box[0] > 1.4 * (p.box[3] - p.box[1]) for p in still)
    joined = ("down" if wide else "across") if pair else None
    still_box = _layout(still, 2.2 * GAP if pair else GAP, shape, stacked=wide)
    width = WIDTH_PX[size]
    if moving:
        motion = _motion_panels(figure)
        for panel in motion:
            _prepare(panel, figure)
        box = _layout(motion, GAP, shape)
        scale = width / box[2]
        mdefs, mbody = _layer(motion, figure, f"{prefix}m", lit, scale, None)
        fit = min(box[2] / still_box[2], box[3] / still_box[3])
        sdefs, sbody = _layer(still, figure, f"{prefix}s", lit, scale * fit, joined)
        x, y, w, h = box
        inner = (
            f'<style>#{prefix}root .fig-still{{display:none}}@media (prefers-reduced-motion: reduce)'
            f'{{#{prefix}root .fig-motion{{display:none}}#{prefix}root .fig-still{{display:inline}}}}</style>'
            f'<defs>{"".join(mdefs)}</defs><g class="fig-motion">{mbody}</g>'
            f'<svg class="fig-still" x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}" '
            f'viewBox="{" ".join(fmt(v) for v in still_box)}"><defs>{"".join(sdefs)}</defs>{sbody}</svg>'
        )
    else:
        box = still_box
        scale = width / box[2]
        sdefs, sbody = _layer(still, figure, prefix, lit, scale, joined)
        inner = f'<defs>{"".join(sdefs)}</defs><g class="fig-still">{sbody}</g>'
    labels = [f.label for f in figure.keyframes]
    desc = ", then ".join(labels) + ("; then the other side" if figure.sides == "both" else "")
    if size == "print":
        dims = f'width="{fmt(PRINT_MM)}mm" height="{fmt(PRINT_MM * box[3] / box[2])}mm"'
    else:
        dims = f'width="{fmt(width)}" height="{fmt(width * box[3] / box[2])}"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{prefix}root" role="img" '
        f'viewBox="{" ".join(fmt(v) for v in box)}" {dims} '
        f'aria-labelledby="{prefix}title {prefix}desc">'
        f'<title id="{prefix}title">{escape(title, quote=False)}</title>'
        f'<desc id="{prefix}desc">{escape(desc, quote=False)}</desc>'
        f'<g stroke-linecap="round" stroke-linejoin="round">{inner}</g></svg>'
    )

