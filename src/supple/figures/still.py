"""Show a move in a still: which keyframe is drawn solid, which one faint behind it, and arrows.

Worked out from the keyframes unless the figure's ``still`` says otherwise: the first keyframe
is drawn solid (it is the one the figure is about), the keyframe farthest from it is the ghost,
and a curved arrow follows the point that moves most (and a second one on another limb that
moves nearly as much) along its real path between the two. A move too small to see as a
ghost (breathing, a pelvic tilt) is drawn as a before-and-after pair instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from supple.figures.body import RADIUS, Vec
from supple.figures.camera import Projection
from supple.figures.model import Figure
from supple.figures.motion import Pass

#: A largest move (cm, on the screen) below which a ghost would hide under the body: draw a pair.
PAIR_BELOW = 9.0
#: Below this (cm) nothing moves that a still could show.
MOVES_ABOVE = 0.8
#: A second arrow only for a point that moves at least this share of the first's move, and
#: stays this far (cm) from the first arrow's chain.
SECOND_ARROW = 0.7
APART = 25.0
#: A pivot that moves less than this (cm) is steady: the arrow is an arc about it.
STEADY = 3.0
#: A chain whose points move less than this (cm) between ghost and solid is not ghosted.
GHOST_CHAIN_MIN = 5.0

#: Points an arrow may follow: the joints it may swing about (the one that moves least is
#: taken: a knee swings about the hip in a knee hug, about the foot in a knee drop), how far
#: outside the path the arrow runs (cm), and the chain it belongs to (one arrow per chain).
ARROW_POINTS: dict[str, tuple[tuple[str, ...], float, str]] = {
    **{f"tip_{s}": ((f"shoulder_{s}", f"elbow_{s}"), 8.0, f"arm_{s}") for s in "rl"},
    **{f"elbow_{s}": ((f"shoulder_{s}", f"wrist_{s}"), 8.0, f"arm_{s}") for s in "rl"},
    **{f"toe_{s}": ((f"hip_{s}", f"knee_{s}"), 8.0, f"leg_{s}") for s in "rl"},
    **{f"knee_{s}": ((f"hip_{s}", f"ankle_{s}"), 10.0, f"leg_{s}") for s in "rl"},
    **{f"shoulder_{s}": (("chest",), 8.0, "shoulders") for s in "rl"},
    "nose": (("neck_top",), 17.0, "head"),
    "upper_back": (("chest",), 8.0, "trunk"),
    "mid_back": (("waist",), 8.0, "trunk"),
    "belly": (("waist",), 7.0, "trunk"),
    "sternum": (("pelvis",), 8.0, "trunk"),
    "sacrum": (("pelvis",), 8.0, "trunk"),
    "pubis": (("pelvis",), 6.0, "trunk"),
}


def _pivot(name: str, solid: dict[str, Vec], before: dict[str, Vec]) -> str | None:
    """The joint ``name`` swings about: of its candidates, the one that moves least."""
    if name not in ARROW_POINTS:
        return None
    joints = ARROW_POINTS[name][0]
    return min(joints, key=lambda j: (round(math.dist(solid[j], before[j]) / 2), joints.index(j)))


def _arrow(
    name: str,
    path: list[dict[str, Vec]],
    solid: dict[str, Vec],
    before: dict[str, Vec],
    two_way: bool,
) -> Arrow:
    pivot = _pivot(name, solid, before)
    steady = pivot is not None and math.dist(solid[pivot], before[pivot]) < STEADY
    clearance = ARROW_POINTS[name][1] if name in ARROW_POINTS else 6.0
    # A point carried along by the whole body (the head as one stands up) is followed closely:
    # pushed far out, its path would lose the body it belongs to.
    return Arrow(
        name,
        tuple(p[name] for p in path),
        solid[pivot] if pivot else None,
        clearance if steady else min(clearance, 6.0),
        two_way,
        steady=steady,
    )


CHAINS: dict[str, tuple[str, ...]] = {
    "trunk": ("pelvis", "waist", "chest", "head", "nose", "upper_back", "belly"),
    **{f"leg_{s}": (f"knee_{s}", f"ankle_{s}", f"toe_{s}") for s in "rl"},
    **{f"arm_{s}": (f"elbow_{s}", f"wrist_{s}", f"tip_{s}") for s in "rl"},
}


@dataclass(frozen=True)
class Arrow:
    """A curved arrow along ``path`` (scene points), kept ``clearance`` cm outside ``pivot``."""

    point: str
    path: tuple[Vec, ...]
    pivot: Vec | None
    clearance: float
    two_way: bool
    closed: bool = False
    #: The pivot stays put: the arrow is a clean arc about it (a limb swinging at a joint).
    steady: bool = False
    #: A cue (``still.cues``): drawn exactly along its points, ``offset`` cm to their left on
    #: the screen (negative: to the right), dashed when it shows attention, not movement.
    cue: bool = False
    offset: float = 0.0
    dashed: bool = False


@dataclass(frozen=True)
class StillPlan:
    """What a still draws: the solid keyframe, its ghost, the chains ghosted, the arrows."""

    show: int
    ghost: int | None
    pair: bool
    ghost_chains: frozenset[str]
    arrows: tuple[Arrow, ...]


def _moved(a: dict[str, Vec], b: dict[str, Vec], name: str, proj: Projection) -> float:
    pa, pb = proj(a[name]), proj(b[name])
    return math.hypot(pa[0] - pb[0], pa[1] - pb[1])


def _path(run: Pass, start: int, stop: int) -> list[dict[str, Vec]]:
    """Every body position of the pass from keyframe ``start`` forward to keyframe ``stop``."""
    seq = run.samples
    first = next(i for i, s in enumerate(seq) if s.frame == start)
    out = [seq[first].points]
    for step in range(1, len(seq) + 1):
        sample = seq[(first + step) % len(seq)]
        if sample.points is not out[-1]:
            out.append(sample.points)
        if sample.frame == stop and step > 1:
            break
    return out


def plan_still(figure: Figure, run: Pass, proj: Projection, *, flowing: bool) -> StillPlan:
    """Choose the still's solid keyframe, its ghost and its arrows for the view ``proj``."""
    drawn = run.drawn
    spec = figure.still
    show = spec.show
    n = len(figure.keyframes)
    solid = drawn[show].points

    def reach(k: int) -> float:
        return max(_moved(solid, drawn[k].points, p, proj) for p in ARROW_POINTS)

    if isinstance(spec.ghost, int):
        ghost: int | None = spec.ghost
    elif spec.ghost == "none" or n < 2:
        ghost = None
    else:
        ghost = max((k for k in range(n) if k != show), key=reach)
    if ghost is not None and reach(ghost) < MOVES_ABOVE and not figure.trace:
        ghost = None
    cues = tuple(
        Arrow(
            "cue",
            _pressing(solid, c.along) if c.press else tuple(solid[n] for n in c.along),
            None,
            0.0,
            c.two_way,
            cue=True,
            offset=c.offset,
            dashed=c.dashed,
        )
        for c in spec.cues
    )
    if ghost is None:
        return StillPlan(show, None, False, frozenset(), cues)
    pair = spec.pair if spec.pair is not None else reach(ghost) < PAIR_BELOW
    before = drawn[ghost].points
    chains = frozenset(
        c
        for c, pts in CHAINS.items()
        if max(_moved(solid, before, p, proj) for p in pts) > GHOST_CHAIN_MIN
    )
    if figure.trace:
        loop = _path(run, show, show) if n > 1 else [solid]
        arrows = tuple(_trace_arrow(loop, name, flowing) for name in figure.trace)
        return StillPlan(show, ghost, pair, chains, arrows + cues)
    path = _path(run, ghost, show)
    gripping = {f"arm_{g[-1]}" for g in figure.keyframes[show].grip if g.startswith("hand_")}
    names = spec.arrows
    if names is None:
        # Hands that hold something follow it; only if nothing else moves do they get arrows.
        names = _busiest(solid, before, proj, gripping) or _busiest(solid, before, proj, set())
    arrows = tuple(_arrow(name, path, solid, before, flowing) for name in names)
    return StillPlan(show, ghost, pair, chains, arrows + cues)


#: A pressing cue: how far (cm) beyond its point it stops, and how long it is.
PRESS_GAP, PRESS_LENGTH = 8.0, 16.0


def _pressing(points: dict[str, Vec], along: list[str]) -> tuple[Vec, ...]:
    """A short straight path coming in from beyond ``along``'s last point, towards it."""
    a, b = points[along[-2]], points[along[-1]]
    d = math.dist(a, b) or 1.0
    u = ((b[0] - a[0]) / d, (b[1] - a[1]) / d, (b[2] - a[2]) / d)
    return tuple(
        (b[0] + u[0] * k, b[1] + u[1] * k, b[2] + u[2] * k)
        for k in (PRESS_GAP + PRESS_LENGTH, PRESS_GAP)
    )


def _busiest(
    solid: dict[str, Vec], before: dict[str, Vec], proj: Projection, gripping: set[str]
) -> list[str]:
    """The point that moves most, and on another chain one that moves nearly as much.

    The second must stay clear of the first chain (a hand that goes to the knee it hugs moves
    with the knee: one arrow says it).
    """
    best: dict[str, tuple[float, str]] = {}
    for name, (_, _, chain) in ARROW_POINTS.items():
        if chain in gripping or (chain.startswith("arm_") and _holds(solid, chain[-1])):
            continue  # a hand that goes to hold a knee or a foot follows it: no arrow of its own
        if solid[name][1] - RADIUS[name] < 2.5:
            continue  # resting on the floor: what moves is elsewhere
        moved = _moved(solid, before, name, proj)
        if moved > best.get(chain, (0.0, ""))[0]:
            best[chain] = (moved, name)
    ranked = sorted(best.values(), reverse=True)
    if not ranked:
        return []
    first_moved, first = ranked[0]
    chain = ARROW_POINTS[first][2]
    near = [n for n, (_, _, c) in ARROW_POINTS.items() if c == chain]
    for moved, name in ranked[1:]:
        if moved < SECOND_ARROW * first_moved:
            break
        if all(
            _gap(solid, name, n, proj) > APART and _gap(before, name, n, proj) > APART for n in near
        ):
            return [first, name]
    return [first]


#: Body points a hand may hold: when it ends on one of them, its arrow would repeat theirs.
HELD_POINTS = ("knee", "ankle", "toe", "heel")


def _holds(points: dict[str, Vec], side: str) -> bool:
    hand = points[f"tip_{side}"], points[f"wrist_{side}"]
    return any(
        math.dist(h, points[f"{p}_{s}"]) < 14.0 for h in hand for p in HELD_POINTS for s in "rl"
    )


def _gap(points: dict[str, Vec], a: str, b: str, proj: Projection) -> float:
    pa, pb = proj(points[a]), proj(points[b])
    return math.hypot(pa[0] - pb[0], pa[1] - pb[1])


def _trace_arrow(loop: list[dict[str, Vec]], name: str, flowing: bool) -> Arrow:
    path = tuple(p[name] for p in loop)
    n = len(path)
    centre = (sum(p[0] for p in path) / n, sum(p[1] for p in path) / n, sum(p[2] for p in path) / n)
    return Arrow(name, path, centre, 5.0, False, closed=True)
