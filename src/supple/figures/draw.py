"""Draw the body (and what the hands hold) for one or many positions of it, as SVG parts.

Each part's outline is one path; an animation eases that path through the positions (SMIL
``<animate>`` on ``d``). Chains are drawn far to near: the far limbs hatched and light with a
thin dark outline, the trunk a middle tone, the near limbs dark with a white edge, so near
and far differ in line, texture and lightness and survive black-and-white print.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from supple.figures.body import RING_POINTS, Vec
from supple.figures.camera import Projection
from supple.figures.model import Prop
from supple.figures.shapes import (
    HEAD_DRAWN_R,
    LIMB_RADII,
    NECK_RADII,
    P2,
    capsule,
    circle,
    foot,
    hair,
    hand,
    shorts,
    smooth,
    torso,
)
from supple.figures.svg import Timeline, fmt

Pt = Callable[[str], tuple[float, float, float]]

NEAR, NEAR_EDGE = "#1b3a52", "#ffffff"
TRUNK, SHORTS, LINE = "#4a769b", "#2c5170", "#16293a"
FAR_FILL, FAR_HATCH, FAR_LINE = "#e3eaf0", "#7f9ab0", "#4b6479"
SKIN, HAIR = "#f1d8c2", "#2b2522"
GHOST_FILL, GHOST_LINE = "#f3f5f7", "#98a4ae"
HALO = "#e69f00"
STRAP, BAND, BAND_LIGHT, STICK = "#b35c00", "#007a5a", "#7fd1b4", "#8a5a2b"


def _xy(p: tuple[float, float, float]) -> P2:
    return (p[0], p[1])


def _segment(name: str, a: str, b: str) -> Callable[[Pt], list[P2]]:
    ra, rb = LIMB_RADII[name]
    return lambda pt: capsule(_xy(pt(a)), ra, _xy(pt(b)), rb)


def _neck(pt: Pt) -> list[P2]:
    return capsule(_xy(pt("chest")), NECK_RADII[0], _xy(pt("neck_top")), NECK_RADII[1])


def _head(pt: Pt) -> list[P2]:
    return circle(_xy(pt("head")), HEAD_DRAWN_R)


def _nose(pt: Pt) -> list[P2]:
    h, n = pt("head"), pt("nose")
    base = (h[0] + 0.6 * (n[0] - h[0]), h[1] + 0.6 * (n[1] - h[1]))
    return capsule(base, 2.4, _xy(n), 1.5)


def _hair(pt: Pt) -> list[P2]:
    h, n, c = pt("head"), pt("nose"), pt("crown")
    face = (n[0] - h[0], n[1] - h[1], n[2] - h[2])
    up = (c[0] - h[0], c[1] - h[1], c[2] - h[2])
    size = max(1e-6, sum(v * v for v in face) ** 0.5)
    usize = max(1e-6, sum(v * v for v in up) ** 0.5)
    return hair(_xy(h), tuple(v / size for v in face), tuple(v / usize for v in up))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Part:
    """One drawn part: its chain (for depth and paint) and how to outline it."""

    name: str
    chain: str
    build: Callable[[Pt], list[P2]]


def _parts() -> tuple[Part, ...]:
    trunk = [
        Part("neck", "trunk", _neck),
        Part("torso", "trunk", lambda pt: torso(pt)),
        Part("shorts", "trunk", lambda pt: shorts(pt)),
        Part("nose", "trunk", _nose),
        Part("head", "trunk", _head),
        Part("hair", "trunk", _hair),
    ]
    sided = []
    for s in "rl":
        sided += [
            Part(f"thigh_{s}", f"leg_{s}", _segment("thigh", f"hip_{s}", f"knee_{s}")),
            Part(f"shank_{s}", f"leg_{s}", _segment("shank", f"knee_{s}", f"ankle_{s}")),
            Part(
                f"foot_{s}",
                f"leg_{s}",
                lambda pt, s=s: foot(_xy(pt(f"ankle_{s}")), _xy(pt(f"heel_{s}")), _xy(pt(f"toe_{s}"))),
            ),
            Part(f"upper_arm_{s}", f"arm_{s}", _segment("upper_arm", f"shoulder_{s}", f"elbow_{s}")),
            Part(f"forearm_{s}", f"arm_{s}", _segment("forearm", f"elbow_{s}", f"wrist_{s}")),
            Part(f"hand_{s}", f"arm_{s}", lambda pt, s=s: hand(_xy(pt(f"wrist_{s}")), _xy(pt(f"tip_{s}")))),
        ]
    return (*trunk, *sided)


PARTS = _parts()
PART_NAMES = tuple(p.name for p in PARTS)
CHAIN_POINTS: dict[str, tuple[str, ...]] = {
    "trunk": ("pelvis", "waist", "chest", "neck_top", "head"),
    **{f"leg_{s}": (f"hip_{s}", f"knee_{s}", f"ankle_{s}", f"heel_{s}", f"toe_{s}") for s in "rl"},
    **{f"arm_{s}": (f"shoulder_{s}", f"elbow_{s}", f"wrist_{s}", f"tip_{s}") for s in "rl"},
}
#: Points whose projection drawing needs.
DRAWN_POINTS = (
    *sorted({p for pts in CHAIN_POINTS.values() for p in pts}),
    *("nose", "crown", "eye_r", "eye_l"),
    *RING_POINTS,
)


def projected(points: dict[str, Vec], proj: Projection) -> dict[str, tuple[float, float, float]]:
    """The screen position and depth of every point drawing needs."""
    return {n: proj(points[n]) for n in DRAWN_POINTS}


def chain_kinds(seq: list[dict[str, Vec]], proj: Projection) -> dict[str, str]:
    """Each chain's kind, ``near``, ``far`` or ``trunk``: a limb well behind the trunk is far."""

    def depth(chain: str) -> float:
        names = CHAIN_POINTS[chain]
        return sum(proj.level_depth(s[n]) for s in seq for n in names) / (len(names) * len(seq))

    trunk = depth("trunk")
    # Seen from above (or from high up), limbs resting beside the trunk are not "far": only
    # those well under it.
    margin = 30.0 if proj.view == "above" or proj.elevation >= 40 else 4.0
    kinds = {c: ("far" if depth(c) < trunk - margin else "near") for c in CHAIN_POINTS}
    return kinds | {"trunk": "trunk"}


def chain_order(seq: list[dict[str, tuple[float, float, float]]]) -> list[str]:
    """The chains far to near by their mean depth on the screen."""

    def depth(chain: str) -> float:
        names = CHAIN_POINTS[chain]
        return sum(s[n][2] for s in seq for n in names) / (len(names) * len(seq))

    return sorted(CHAIN_POINTS, key=depth)


def paint(part: Part, kind: str, ghost: bool, px: Callable[[float], float], hatch: str) -> str:
    """The fill and stroke attributes of ``part`` drawn as a ``kind`` chain (or as a ghost)."""
    if ghost:
        if part.name == "hair":
            return 'fill="none" stroke="none"'
        return (
            f'fill="{GHOST_FILL}" stroke="{GHOST_LINE}" stroke-width="{fmt(px(1.0))}" '
            f'stroke-dasharray="{fmt(px(3))} {fmt(px(2))}"'
        )
    if part.name == "hair":
        return f'fill="{HAIR}" stroke="{LINE}" stroke-width="{fmt(px(0.6))}"'
    if part.name in ("head", "nose", "neck"):
        return f'fill="{SKIN}" stroke="{LINE}" stroke-width="{fmt(px(1.0))}"'
    if part.name == "shorts":
        return f'fill="{SHORTS}" stroke="{LINE}" stroke-width="{fmt(px(1.0))}"'
    if kind == "trunk":
        return f'fill="{TRUNK}" stroke="{LINE}" stroke-width="{fmt(px(1.0))}"'
    if kind == "far":
        return f'fill="url(#{hatch})" stroke="{FAR_LINE}" stroke-width="{fmt(px(1.0))}"'
    return f'fill="{NEAR}" stroke="{NEAR_EDGE}" stroke-width="{fmt(px(1.3))}"'


def hatch_pattern(pid: str, px: Callable[[float], float]) -> str:
    """The far limbs' fill: light with thin diagonal lines (shows in grey-scale print too)."""
    w = fmt(px(3.4))
    return (
        f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="{w}" height="{w}" '
        f'patternTransform="rotate(45)"><rect width="{w}" height="{w}" fill="{FAR_FILL}"/>'
        f'<path d="M0 0V{w}" stroke="{FAR_HATCH}" stroke-width="{fmt(px(1.1))}"/></pattern>'
    )


def _hand_mid(pt: Pt, name: str) -> P2:
    s = name[-1]
    if name.startswith(("tip_", "wrist_")):
        w, t = pt(f"wrist_{s}"), pt(f"tip_{s}")
        return ((w[0] + 2 * t[0]) / 3, (w[1] + 2 * t[1]) / 3)
    return _xy(pt(name))


def held_path(prop: Prop, pt: Pt) -> str:
    """The path of a strap, band or stick between its two body points."""
    ends = prop.held_ends
    assert ends is not None
    a, b = _hand_mid(pt, ends[0]), _hand_mid(pt, ends[1])
    if prop.kind == "towel_or_strap" and ends[1].startswith(("toe_", "heel_")):
        s = ends[1][-1]
        f = foot(_xy(pt(f"ankle_{s}")), _xy(pt(f"heel_{s}")), _xy(pt(f"toe_{s}")))
        # Round the sole and back up to the other hand: a strap held in both hands.
        other = f"tip_{'l' if ends[0].endswith('_r') else 'r'}"
        back = _hand_mid(pt, other)
        loop = [a, f[5], f[4], f[3], back]
        return "M" + "L".join(f"{fmt(u)} {fmt(-v)}" for u, v in loop)
    if prop.kind == "stick":
        du, dv = b[0] - a[0], b[1] - a[1]
        size = max(1e-6, (du * du + dv * dv) ** 0.5)
        # The whole stick, centred between its two points (it is longer than the hands' gap).
        half = max(size / 2 + 6, (prop.length or 120.0) / 2 * min(1.0, size / 40 + 0.5))
        mu, mv = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        a = (mu - du / size * half, mv - dv / size * half)
        b = (mu + du / size * half, mv + dv / size * half)
    return f"M{fmt(a[0])} {fmt(-a[1])}L{fmt(b[0])} {fmt(-b[1])}"


def held_paint(prop: Prop, px: Callable[[float], float]) -> list[str]:
    """The strokes that draw a held prop, under to over."""
    if prop.kind == "band":
        return [
            f'stroke="{BAND}" stroke-width="{fmt(px(3.6))}"',
            f'stroke="{BAND_LIGHT}" stroke-width="{fmt(px(1.4))}"',
        ]
    if prop.kind == "stick":
        return [
            f'stroke="{LINE}" stroke-width="{fmt(px(4.6))}"',
            f'stroke="{STICK}" stroke-width="{fmt(px(3.0))}"',
        ]
    return [
        f'stroke="#ffffff" stroke-width="{fmt(px(4.2))}"',
        f'stroke="{STRAP}" stroke-width="{fmt(px(2.6))}"',
    ]


def eye_dots(seq: list[dict[str, tuple[float, float, float]]], line: Timeline, px: Callable[[float], float]) -> list[str]:
    """Dark dots for the eyes, shown only while they face the viewer, so the face reads."""
    out = []
    for eye in ("eye_r", "eye_l"):
        shown = ["1" if s[eye][2] > s["head"][2] + 1 else "0" for s in seq]
        ds = [f"M{fmt(s[eye][0])} {fmt(-s[eye][1])}h0" for s in seq]
        anim = line.animate("d", ds) + line.animate("stroke-opacity", shown)
        close = f">{anim}</path>" if anim else "/>"
        out.append(
            f'<path d="{ds[0]}" stroke="{LINE}" stroke-width="{fmt(px(2.2))}" '
            f'stroke-opacity="{shown[0]}"{close}'
        )
    return out


def nose_shown(s: dict[str, tuple[float, float, float]]) -> str:
    """Whether the nose shows beside the head's outline (a profile), as an opacity."""
    h, n = s["head"], s["nose"]
    return "1" if ((n[0] - h[0]) ** 2 + (n[1] - h[1]) ** 2) ** 0.5 > 0.62 * HEAD_DRAWN_R else "0"


def outline(part: Part, s: dict[str, tuple[float, float, float]]) -> str:
    """The path data of ``part`` in one projected position."""
    return smooth(part.build(s.__getitem__))
