"""Draw a figure as SVG: a still of its first keyframe, or an animation through all of them.

Every body part is a round-capped capsule (a thick path). Parts are drawn in chains (far leg,
far arm, trunk and head, near leg, near arm) ordered by depth, each chain with a white edge so
it stands out from what is behind it. Near limbs are dark, the trunk a middle tone, far limbs
light: the difference is in lightness, so it survives grey-scale printing and colour blindness.
The stretched regions get a soft orange halo (Okabe-Ito orange) behind the body.
"""

from __future__ import annotations

from html import escape

from supple.figures.body import SEGMENTS, Segment, Vec
from supple.figures.model import Figure
from supple.figures.motion import Sample, keyframe_points, samples
from supple.figures.scene import Projection, Shape, floor_shape, prop_shapes

NEAR = "#1b3a52"
TRUNK = "#3e6889"
FAR = "#9fb6c8"
HALO = "#e69f00"
EDGE = "#ffffff"
TRACE = "#7a4a00"
HALO_EXTRA = 9.0
EDGE_EXTRA = 3.0
WIDTH_PX = 240
FAR_DEPTH = 4.0

#: Which body parts light up for each region of the library's vocabulary.
REGION_PARTS: dict[str, tuple[str, ...]] = {
    "lower_back": ("spine",),
    "upper_back": ("spine",),
    "neck": ("neck",),
    "shoulders": ("shoulder_girdle", "upper_arm_r", "upper_arm_l"),
    "chest": ("spine", "shoulder_girdle"),
    "hips": ("pelvis", "thigh_r", "thigh_l"),
    "glutes": ("pelvis",),
    "hamstrings": ("thigh_r", "thigh_l"),
    "hip_flexors": ("pelvis", "thigh_r", "thigh_l"),
    "core": ("spine",),
}

_CHAINS: dict[str, tuple[str, ...]] = {
    "leg_r": ("thigh_r", "shank_r", "foot_r"),
    "leg_l": ("thigh_l", "shank_l", "foot_l"),
    "arm_r": ("upper_arm_r", "forearm_r", "hand_r"),
    "arm_l": ("upper_arm_l", "forearm_l", "hand_l"),
    "trunk": ("pelvis", "spine", "shoulder_girdle", "neck", "head", "nose"),
}
_HEAD = Segment("head", "head", "head", 22, "")
_NOSE = Segment("nose", "nose", "nose", 7, "")
#: The trunk is drawn as one curve through the waist, so a rounded or arched back reads as such.
_SPINE = Segment("spine", "pelvis", "chest", 24, "")
_PARTS: dict[str, Segment] = {s.name: s for s in (*SEGMENTS, _HEAD, _NOSE, _SPINE)}
#: The drawn parts in id order: part ``n`` of a figure has the id ``fig-<exercise>-a-<n>``.
PART_NAMES: tuple[str, ...] = tuple(_PARTS)


def _fmt(v: float) -> str:
    text = f"{v:.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")


def _d(seg: Segment, pts: dict[str, Vec], proj: Projection) -> str:
    a, b = proj(pts[seg.a]), proj(pts[seg.b])
    if seg is _SPINE:
        m = proj(pts["waist"])
        cu, cv = 2 * m[0] - (a[0] + b[0]) / 2, 2 * m[1] - (a[1] + b[1]) / 2
        return f"M{_fmt(a[0])} {_fmt(-a[1])}Q{_fmt(cu)} {_fmt(-cv)} {_fmt(b[0])} {_fmt(-b[1])}"
    return f"M{_fmt(a[0])} {_fmt(-a[1])}L{_fmt(b[0])} {_fmt(-b[1])}"


def _chain_depths(seq: list[Sample], proj: Projection, *, level: bool) -> dict[str, float]:
    """Mean depth of each chain over the whole move (``level``: as if the camera were level)."""

    def depth(chain: str) -> float:
        names = {p for part in _CHAINS[chain] for p in (_PARTS[part].a, _PARTS[part].b)}
        total = sum(
            proj.level_depth(s.points[n]) if level else proj(s.points[n])[2]
            for s in seq
            for n in names
        )
        return total / (len(names) * len(seq))

    return {chain: depth(chain) for chain in _CHAINS}


def _bounds(seq: list[Sample], shapes: list[Shape], proj: Projection) -> list[float]:
    us: list[float] = []
    vs: list[float] = []
    for s in seq:
        for part in _PARTS.values():
            r = part.width / 2 + HALO_EXTRA / 2
            for name in (part.a, part.b):
                u, v, _ = proj(s.points[name])
                us += [u - r, u + r]
                vs += [v - r, v + r]
    for shape in shapes:
        us += [p[0] for p in shape.points]
        vs += [p[1] for p in shape.points]
    u0, u1, v0, v1 = min(us) - 6, max(us) + 6, min(vs) - 6, max(vs) + 6
    w, h = u1 - u0, v1 - v0
    if w < 0.75 * h:
        u0, u1 = u0 - (0.75 * h - w) / 2, u1 + (0.75 * h - w) / 2
    if h < 0.5 * w:
        v0, v1 = v0 - (0.5 * w - h) / 2, v1 + (0.5 * w - h) / 2
    return [u0, -v1, u1 - u0, v1 - v0]


def _shape_svg(shape: Shape) -> str:
    pts = " ".join(f"{_fmt(u)},{_fmt(-v)}" for u, v in shape.points)
    tag = "polygon" if shape.closed else "polyline"
    return f'<{tag} points="{pts}" fill="{shape.fill}" stroke="{shape.stroke}"/>'


def _traces(figure: Figure, proj: Projection) -> list[str]:
    """Dotted paths of the traced points over one pass, so even a still shows the movement."""
    if not figure.trace or len(figure.keyframes) < 2:
        return []
    seq = samples(figure)[0]
    out = []
    for name in figure.trace:
        pts = " ".join(
            f"{_fmt(proj(s.points[name])[0])},{_fmt(-proj(s.points[name])[1])}" for s in seq
        )
        out.append(f'<polyline points="{pts}" stroke="{EDGE}" stroke-width="3.6"/>')
        out.append(
            f'<polyline points="{pts}" stroke="{TRACE}" stroke-width="1.8" '
            'stroke-dasharray="0.1 3"/>'
        )
    return out


def _eyes(seq: list[Sample], proj: Projection, times: list[float], total: float) -> list[str]:
    """Pale dots for the eyes, shown only while they face the viewer, so the face reads."""
    out = []
    for eye in ("eye_r", "eye_l"):
        xy = [proj(s.points[eye]) for s in seq]
        heads = [proj(s.points["head"]) for s in seq]
        shown = ["1" if e[2] > h[2] + 1 else "0" for e, h in zip(xy, heads, strict=True)]
        ds = [f"M{_fmt(e[0])} {_fmt(-e[1])}h0" for e in xy]
        anim = _animate("d", ds, times, total) if total else ""
        anim += _animate("stroke-opacity", shown, times, total) if total else ""
        out.append(
            f'<path d="{ds[0]}" stroke="{EDGE}" stroke-width="3.2" stroke-opacity="{shown[0]}">'
            f"{anim}</path>"
        )
    return out


def _animate(attr: str, values: list[str], times: list[float], total: float) -> str:
    if len(set(values)) == 1:
        return ""
    keys = ";".join(f"{t / total:.4f}" for t in times)
    return (
        f'<animate attributeName="{attr}" dur="{_fmt(total)}s" repeatCount="indefinite" '
        f'keyTimes="{keys}" values="{";".join(values)}"/>'
    )


def render_svg(figure: Figure, *, title: str, regions: list[str], animated: bool = True) -> str:
    """The SVG text of ``figure`` (animated through its keyframes unless ``animated`` is false)."""
    proj = Projection(figure.view, figure.elevation)
    if animated and len(figure.keyframes) > 1:
        seq, total, flip_at = samples(figure)
    else:
        seq, total, flip_at = [Sample(0.0, keyframe_points(figure, figure.keyframes[0]))], 0, 0
    both = figure.sides == "both" and total > 0
    xs = [p[0] for s in seq for p in s.points.values()]
    zs = [p[2] for s in seq for p in s.points.values()]
    footprint = (min(xs), max(xs), min(zs), max(zs))
    props = [shape for p in figure.props for shape in prop_shapes(p, proj, footprint)]
    box = _bounds(seq, props, proj)
    floor = floor_shape(proj, box[0], box[0] + box[2])
    centre = box[0] + box[2] / 2
    times = [s.t for s in seq]
    lit = {part for r in regions for part in REGION_PARTS.get(r, ())}
    if figure.focus:
        other = "_l" if figure.focus == "r" else "_r"
        lit = {part for part in lit if not part.endswith(other)}

    # Ids unique per exercise and mode, so several figures can share one page.
    prefix = f"fig-{figure.exercise_id}-{'a' if total else 's'}-"
    defs: list[str] = []
    for i, part in enumerate(_PARTS.values()):
        ds = [_d(part, s.points, proj) for s in seq]
        anim = _animate("d", ds, times, total) if total else ""
        close = f">{anim}</path>" if anim else "/>"
        defs.append(f'<path id="{prefix}{i}" d="{ds[0]}"{close}')
    ids = {name: f"{prefix}{i}" for i, name in enumerate(_PARTS)}

    def use(part: str, colour: str, extra: float, more: str = "") -> str:
        w = _fmt(_PARTS[part].width + extra)
        return f'<use href="#{ids[part]}" stroke="{colour}" stroke-width="{w}"{more}/>'

    body = [use(p, HALO, HALO_EXTRA, ' stroke-opacity="0.55"') for p in _PARTS if p in lit]
    depths = _chain_depths(seq, proj, level=False)
    sides = _chain_depths(seq, proj, level=True)
    # Seen from above, limbs resting beside the trunk are not "far": only those well under it.
    margin = 30.0 if figure.view == "above" else FAR_DEPTH
    for chain in sorted(depths, key=depths.__getitem__):
        parts = _CHAINS[chain]
        # A limb clearly behind the trunk is the far one; beside or in front of it, near.
        behind = sides[chain] < sides["trunk"] - margin
        colour = TRUNK if chain == "trunk" else (FAR if behind else NEAR)
        body += [use(p, EDGE, EDGE_EXTRA) for p in parts if p != "nose"]
        body += [use(p, colour, 0) for p in parts]
    body += _eyes(seq, proj, times, total)
    body += _traces(figure, proj)
    strap = [p for p in figure.props if p.kind == "towel_or_strap"]
    for prop in strap:
        a, b = prop.ends
        ds = [
            f"M{_fmt(proj(s.points[a])[0])} {_fmt(-proj(s.points[a])[1])}"
            f"L{_fmt(proj(s.points[b])[0])} {_fmt(-proj(s.points[b])[1])}"
            for s in seq
        ]
        anim = _animate("d", ds, times, total) if total else ""
        body.append(
            f'<path d="{ds[0]}" stroke="#b35c00" stroke-width="2.5" stroke-dasharray="5 3">'
            f"{anim}</path>"
        )

    scene = [*(_shape_svg(s) for s in props), *([_shape_svg(floor)] if floor else [])]
    inner = f'<g class="props">{"".join(scene)}</g><g class="body">{"".join(body)}</g>'
    if both:
        c = _fmt(centre)
        first = flip_at / (2 * total)
        second = (flip_at + total) / (2 * total)
        inner = (
            f'<g transform="translate({c} 0)"><g><animateTransform attributeName="transform" '
            f'type="scale" calcMode="discrete" dur="{_fmt(2 * total)}s" '
            f'repeatCount="indefinite" values="1 1;-1 1;1 1" '
            f'keyTimes="0;{first:.4f};{second:.4f}"/>'
            f'<g transform="translate({_fmt(-centre)} 0)">{inner}</g></g></g>'
        )
    labels = [f.label for f in figure.keyframes]
    desc = ", then ".join(labels) + ("; then the other side" if figure.sides == "both" else "")
    vb = " ".join(_fmt(v) for v in box)
    height = WIDTH_PX * box[3] / box[2]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'role="img" viewBox="{vb}" width="{WIDTH_PX}" height="{_fmt(height)}" '
        f'aria-labelledby="{prefix}title {prefix}desc">'
        f'<title id="{prefix}title">{escape(title, quote=False)}</title>'
        f'<desc id="{prefix}desc">{escape(desc, quote=False)}</desc>'
        f"<defs>{''.join(defs)}</defs>"
        f'<g fill="none" stroke-linecap="round" stroke-linejoin="round">{inner}</g></svg>'
    )
