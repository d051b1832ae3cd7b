"""Draw the pictures of an SVG: each panel's props, ghost, body, held props and arrows, far to
near, and the layer that joins a still's before and after with a broad arrow.
"""

from __future__ import annotations

from supple.figures.arrows import arrow_svg, between
from supple.figures.held import held_paint, held_path
from supple.figures.model import Figure
from supple.figures.paint import HALO, Px, eye_dots, hatch_pattern, paint
from supple.figures.panels import Panel
from supple.figures.parts import PART_NAMES, PARTS, chain_kinds, chain_order, nose_shown
from supple.figures.props import floor_line
from supple.figures.svg import fmt

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


def lit_parts(figure: Figure, regions: list[str]) -> set[str]:
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


def layer(
    panels: list[Panel],
    figure: Figure,
    ids: str,
    lit: set[str],
    scale: float,
    pair: str | None,
) -> tuple[list[str], str]:
    """The defs and drawing of one layer; ``pair`` (``across`` or ``down``) joins its panels.

    ``scale`` is CSS pixels per scene centimetre, which line widths are chosen for.
    """

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
