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

from supple.figures.arrows import arrow_svg, between
from supple.figures.held import held_paint, held_path
from supple.figures.model import Figure
from supple.figures.paint import HALO, Px, eye_dots, hatch_pattern, paint
from supple.figures.panels import GAP, Panel, layout, motion_panels, prepare, still_panels
from supple.figures.parts import (
    PART_NAMES,
    PARTS,
    chain_kinds,
    chain_order,
    nose_shown,
)
from supple.figures.props import floor_line
from supple.figures.svg import fmt

Size = Literal["thumb", "player", "print"]
#: Each size's width in CSS pixels, which line widths are chosen for.
WIDTH_PX: dict[str, float] = {"thumb": 96, "player": 240, "print": 340}
PRINT_MM = 90.0
HALO_PX = 3.5

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


def _lit(figure: Figure, regions: list[str]) -> set[str]:
    lit = {part for r in regions for part in REGION_PARTS.get(r, ())}
    if figure.focus:
        other = "_l" if figure.focus == "r" else "_r"
        lit = {part for part in lit if not part.endswith(other)}
    return lit


def _ghost(panel: Panel, kinds: dict[str, str], px: Px, hatch: str) -> list[str]:
    """The start position, pale and dashed, for the chains that move (a still only)."""
    if panel.ghost is None:
        return []
    g = panel.memo.project(panel.ghost, panel.proj)
    return [
        f'<path class="fig-ghost" d="{panel.memo.outline(part, g)}" '
        f"{paint(part, kinds[chain], True, px, hatch)}/>"
        for chain in chain_order([g])
        if chain in panel.ghost_chains
        for part in PARTS
        if part.chain == chain
    ]


def _use(ref: str, attrs: str) -> str:
    return f'<use href="#{ref}" {attrs}/>'


def _chains(
    panel: Panel, kinds: dict[str, str], ref: dict[str, str], px: Px, hatch: str
) -> list[str]:
    """Every chain far to near, each part over the one it hangs from (so its joint shows)."""
    out: list[str] = []
    for chain in chain_order(panel.shown):
        kind = kinds[chain]
        out.append(f'<g class="fig-{kind}">')
        for part in (p for p in PARTS if p.chain == chain):
            use = _use(ref[part.name], paint(part, kind, False, px, hatch))
            if part.name == "nose":  # shown only in profile, beside the head's outline
                shown = [nose_shown(s) for s in panel.shown]
                use = f'<g opacity="{shown[0]}">{panel.line.animate("opacity", shown)}{use}</g>'
            out.append(use)
        if chain == "trunk":
            out += eye_dots(panel.shown, panel.line, px)
        out.append("</g>")
    return out


def _held(panel: Panel, figure: Figure, px: Px, *, under: bool) -> list[str]:
    """The straps, bands and sticks the hands hold (over the body), or the cushions it holds
    between the knees (``under`` it: the knees press into them)."""
    out = []
    for prop in (p for p in figure.props if p.held_ends is not None):
        if (prop.shape == "cushion") != under:
            continue
        ds = [held_path(prop, s.__getitem__) for s in panel.shown]
        anim = panel.line.animate("d", ds)
        fill = "" if under else 'fill="none" '
        out += [f'<path d="{ds[0]}" {fill}{paint}>{anim}</path>' for paint in held_paint(prop, px)]
    return out


def _body(
    panel: Panel, figure: Figure, ids: str, px: Px, lit: set[str]
) -> tuple[list[str], list[str]]:
    """The defs and drawing of the panel's body, held props and (in a still) ghost and arrows."""
    kinds = chain_kinds(panel.seq, panel.proj)
    hatch = f"{ids}hatch"
    defs = [hatch_pattern(hatch, px)]
    ref: dict[str, str] = {}
    for i, part in enumerate(PARTS):
        ds = [panel.memo.outline(part, s) for s in panel.shown]
        anim = panel.line.animate("d", ds)
        ref[part.name] = f"{ids}{i}"
        defs.append(f'<path id="{ids}{i}" d="{ds[0]}"' + (f">{anim}</path>" if anim else "/>"))
    halo = (
        f'fill="none" stroke="{HALO}" stroke-width="{fmt(px(2 * HALO_PX))}" stroke-opacity="0.55"'
    )
    out = _ghost(panel, kinds, px, hatch)
    out += [_use(ref[p], halo) for p in PART_NAMES if p in lit]
    out += _held(panel, figure, px, under=True)
    out += _chains(panel, kinds, ref, px, hatch)
    out += _held(panel, figure, px, under=False)
    for arrow in panel.arrows:
        out += arrow_svg(arrow, panel.proj, px)
    return defs, out


def _panel_svg(
    panel: Panel, figure: Figure, ids: str, px: Px, lit: set[str]
) -> tuple[list[str], str]:
    defs, body = _body(panel, figure, ids, px, lit)
    scene = [
        f'<path d="{s.d}" fill="{s.fill}" stroke="{s.stroke}" stroke-width="{fmt(px(0.8))}"/>'
        for s in panel.shapes
    ]
    if panel.proj.level:
        u0, _, u1, _ = panel.box
        floor = floor_line(u0 - 2, u1 + 2)
        width = fmt(px(1.2))
        scene.append(
            f'<path d="{floor.d}" fill="none" stroke="{floor.stroke}" stroke-width="{width}"/>'
        )
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
    lit = _lit(figure, regions)
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
        mdefs, mbody = _layer(motion, figure, f"{prefix}m", lit, scale, None)
        fit = min(box[2] / still_box[2], box[3] / still_box[3])
        sdefs, sbody = _layer(still, figure, f"{prefix}s", lit, scale * fit, joined)
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
        f'viewBox="{_box(box)}" {dims} '
        f'aria-labelledby="{prefix}title {prefix}desc">'
        f'<title id="{prefix}title">{escape(title, quote=False)}</title>'
        f'<desc id="{prefix}desc">{escape(desc, quote=False)}</desc>'
        f'<g stroke-linecap="round" stroke-linejoin="round">{inner}</g></svg>'
    )
