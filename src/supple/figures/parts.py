"""The drawn parts of the body: each part's outline from its projected points, and its chain.

Each part's outline is one path; an animation eases that path through the positions (SMIL
``<animate>`` on ``d``). Parts belong to chains (the trunk with the head, each arm, each leg),
which are drawn far to near.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from supple.figures.body import RING_POINTS, SURFACE, Vec
from supple.figures.camera import Projection
from supple.figures.shapes import (
    HEAD_DRAWN_R,
    LIMB_RADII,
    NECK_RADII,
    P2,
    capsule,
    circle,
    edges,
    foot,
    hair,
    hand,
    shorts,
    smooth,
    torso,
)

#: A projected body: a point's screen position and depth by name.
Pt = Callable[[str], tuple[float, float, float]]
Shown = dict[str, tuple[float, float, float]]


def xy(p: tuple[float, float, float]) -> P2:
    """The screen position of a projected point, without its depth."""
    return (p[0], p[1])


def _segment(name: str, a: str, b: str) -> Callable[[Pt], list[P2]]:
    ra, rb = LIMB_RADII[name]
    return lambda pt: capsule(xy(pt(a)), ra, xy(pt(b)), rb)


def _neck(pt: Pt) -> list[P2]:
    return capsule(xy(pt("chest")), NECK_RADII[0], xy(pt("neck_top")), NECK_RADII[1])


def _head(pt: Pt) -> list[P2]:
    return circle(xy(pt("head")), HEAD_DRAWN_R)


def _nose(pt: Pt) -> list[P2]:
    h, n = pt("head"), pt("nose")
    base = (h[0] + 0.6 * (n[0] - h[0]), h[1] + 0.6 * (n[1] - h[1]))
    return capsule(base, 2.4, xy(n), 1.5)


def _hair(pt: Pt) -> list[P2]:
    h, n, c = pt("head"), pt("nose"), pt("crown")
    face = (n[0] - h[0], n[1] - h[1], n[2] - h[2])
    up = (c[0] - h[0], c[1] - h[1], c[2] - h[2])
    size = max(1e-6, sum(v * v for v in face) ** 0.5)
    usize = max(1e-6, sum(v * v for v in up) ** 0.5)
    return hair(
        xy(h),
        (face[0] / size, face[1] / size, face[2] / size),
        (up[0] / usize, up[1] / usize, up[2] / usize),
    )


def _foot(s: str) -> Callable[[Pt], list[P2]]:
    return lambda pt: foot(xy(pt(f"ankle_{s}")), xy(pt(f"heel_{s}")), xy(pt(f"toe_{s}")))


def _hand(s: str) -> Callable[[Pt], list[P2]]:
    return lambda pt: hand(xy(pt(f"wrist_{s}")), xy(pt(f"tip_{s}")))


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
            Part(f"foot_{s}", f"leg_{s}", _foot(s)),
            Part(
                f"upper_arm_{s}", f"arm_{s}", _segment("upper_arm", f"shoulder_{s}", f"elbow_{s}")
            ),
            Part(f"forearm_{s}", f"arm_{s}", _segment("forearm", f"elbow_{s}", f"wrist_{s}")),
            Part(f"hand_{s}", f"arm_{s}", _hand(s)),
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
    *SURFACE,
    *RING_POINTS,
)


def projected(points: dict[str, Vec], proj: Projection) -> Shown:
    """The screen position and depth of every point drawing needs, and the trunk's edges."""
    (ux, uy, uz), (vx, vy, vz), (dx, dy, dz) = proj.rows
    out = {
        n: (ux * x + uy * y + uz * z, vx * x + vy * y + vz * z, dx * x + dy * y + dz * z)
        for n in DRAWN_POINTS
        for x, y, z in (points[n],)
    }
    out.update(edges(out.__getitem__))
    return out


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


def chain_order(seq: list[Shown]) -> list[str]:
    """The chains far to near by their mean depth on the screen."""

    def depth(chain: str) -> float:
        names = CHAIN_POINTS[chain]
        return sum(s[n][2] for s in seq for n in names) / (len(names) * len(seq))

    return sorted(CHAIN_POINTS, key=depth)


def nose_shown(s: Shown) -> str:
    """Whether the nose shows beside the head's outline (a profile), as an opacity."""
    h, n = s["head"], s["nose"]
    return "1" if ((n[0] - h[0]) ** 2 + (n[1] - h[1]) ** 2) ** 0.5 > 0.62 * HEAD_DRAWN_R else "0"


def outline(part: Part, s: Shown) -> str:
    """The path data of ``part`` in one projected position."""
    return smooth(part.build(s.__getitem__))


@dataclass
class Memo:
    """One figure's projected positions and outlines, each worked out once.

    A still, the animation that carries it and the thumbnail draw the same positions in the
    same view. Entries are keyed by the position's identity and keep the position itself, so
    that its id cannot be taken by another while the memo lives (as long as the figure's pass).
    """

    shown: dict[tuple[int, Projection], tuple[dict[str, Vec], Shown]] = field(default_factory=dict)
    outlines: dict[tuple[int, str], tuple[Shown, str]] = field(default_factory=dict)

    def project(self, points: dict[str, Vec], proj: Projection) -> Shown:
        """``projected(points, proj)``, once."""
        key = (id(points), proj)
        hit = self.shown.get(key)
        if hit is None or hit[0] is not points:
            hit = (points, projected(points, proj))
            self.shown[key] = hit
        return hit[1]

    def outline(self, part: Part, s: Shown) -> str:
        """``outline(part, s)``, once."""
        key = (id(s), part.name)
        hit = self.outlines.get(key)
        if hit is None or hit[0] is not s:
            hit = (s, outline(part, s))
            self.outlines[key] = hit
        return hit[1]
