"""What the body holds, moving with it: a strap or band looped round a foot, an elastic band
between the hands, a stick, and a cushion squeezed between the knees.
"""

from __future__ import annotations

from supple.figures.model import Prop
from supple.figures.paint import LINE, Px
from supple.figures.parts import Pt, xy
from supple.figures.shapes import P2, capsule, foot, smooth
from supple.figures.svg import fmt

STRAP, BAND, BAND_LIGHT, STICK = "#b35c00", "#007a5a", "#7fd1b4", "#8a5a2b"
CUSHION, CUSHION_LINE = "#f2e6c9", "#a08a5a"
#: Half the thickness (cm) of a cushion held between the knees.
CUSHION_R = 6.5


def _hand_mid(pt: Pt, name: str) -> P2:
    s = name[-1]
    if name.startswith(("tip_", "wrist_")):
        w, t = pt(f"wrist_{s}"), pt(f"tip_{s}")
        return ((w[0] + 2 * t[0]) / 3, (w[1] + 2 * t[1]) / 3)
    return xy(pt(name))


def held_path(prop: Prop, pt: Pt) -> str:
    """The path of a strap, band or stick between its two body points."""
    ends = prop.held_ends
    assert ends is not None
    a, b = _hand_mid(pt, ends[0]), _hand_mid(pt, ends[1])
    if prop.shape == "cushion":
        return smooth(capsule(a, CUSHION_R, b, CUSHION_R))
    if prop.kind in ("towel_or_strap", "band") and ends[1].startswith(("toe_", "heel_")):
        s = ends[1][-1]
        f = foot(xy(pt(f"ankle_{s}")), xy(pt(f"heel_{s}")), xy(pt(f"toe_{s}")))
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


def held_paint(prop: Prop, px: Px) -> list[str]:
    """The paint of a held prop, one entry per stroke, under to over."""
    if prop.shape == "cushion":
        return [f'fill="{CUSHION}" stroke="{CUSHION_LINE}" stroke-width="{fmt(px(1.0))}"']
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
