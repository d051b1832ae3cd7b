"""How each part is painted: near limbs dark with a white edge, the trunk a middle tone, far
limbs light and hatched with a thin dark outline, a ghost pale and dashed. Near and far so
differ in line, texture and lightness, and survive black-and-white print and colour blindness.
"""

from __future__ import annotations

from collections.abc import Callable

from supple.figures.parts import Part, Shown
from supple.figures.svg import Timeline, fmt

Px = Callable[[float], float]

NEAR, NEAR_EDGE = "#1b3a52", "#ffffff"
TRUNK, SHORTS, LINE = "#4a769b", "#2c5170", "#16293a"
FAR_FILL, FAR_HATCH, FAR_LINE = "#e3eaf0", "#5c7890", "#4b6479"
SKIN, HAIR = "#f1d8c2", "#2b2522"
GHOST_FILL, GHOST_LINE = "#f3f5f7", "#98a4ae"
HALO = "#e69f00"


def paint(part: Part, kind: str, ghost: bool, px: Px, hatch: str) -> str:
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


def hatch_pattern(pid: str, px: Px) -> str:
    """The far limbs' fill: light with thin diagonal lines (shows in grey-scale print too)."""
    w = fmt(px(4.0))
    return (
        f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="{w}" height="{w}" '
        f'patternTransform="rotate(45)"><rect width="{w}" height="{w}" fill="{FAR_FILL}"/>'
        f'<path d="M0 0V{w}" stroke="{FAR_HATCH}" stroke-width="{fmt(px(1.5))}"/></pattern>'
    )


def eye_dots(seq: list[Shown], line: Timeline, px: Px) -> list[str]:
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
