"""Two-bone inverse kinematics: bend a knee or elbow so that a foot or hand lands on a target."""

from __future__ import annotations

import math
from dataclasses import dataclass

from supple.figures.body import FOREARM, RADIUS, SHANK, THIGH, UPPER_ARM, Vec


@dataclass(frozen=True)
class Limb:
    """An arm or a leg: the joint it hangs from, its middle joint, its end and what that carries."""

    name: str
    base: str
    mid: str
    end: str
    distal: tuple[str, ...]
    upper: float
    lower: float

    @property
    def group(self) -> tuple[str, ...]:
        """The end joint and the points it carries (a hand, a foot): they move together."""
        return (self.end, *self.distal)

    @property
    def points(self) -> tuple[str, ...]:
        """Every point of the limb below its base joint."""
        return (self.mid, *self.group)


LIMBS: tuple[Limb, ...] = tuple(
    limb
    for s in "rl"
    for limb in (
        Limb(
            f"arm_{s}",
            f"shoulder_{s}",
            f"elbow_{s}",
            f"wrist_{s}",
            (f"tip_{s}",),
            UPPER_ARM,
            FOREARM,
        ),
        Limb(
            f"leg_{s}",
            f"hip_{s}",
            f"knee_{s}",
            f"ankle_{s}",
            (f"heel_{s}", f"toe_{s}"),
            THIGH,
            SHANK,
        ),
    )
)
#: How far (cm) a shoulder may glide towards a hand that the arm cannot quite reach.
GLIDE = 5.0
#: The limb each hand or foot point belongs to: these points can be pinned by bending the limb.
LIMB_OF: dict[str, Limb] = {name: limb for limb in LIMBS for name in limb.group}


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def mean(points: list[Vec]) -> Vec:
    """The centroid of ``points`` (at least one)."""
    n = len(points)
    return (
        sum(p[0] for p in points) / n,
        sum(p[1] for p in points) / n,
        sum(p[2] for p in points) / n,
    )


def two_bone(
    base: Vec, mid: Vec, target: Vec, upper: float, lower: float, clear: float = 0.0
) -> tuple[Vec, Vec]:
    """The middle joint and end that reach ``target`` from ``base``, bending the way ``mid`` does.

    When the target is out of reach the limb points straight at it and the end falls short. A
    middle joint that would come lower than ``clear`` is bent the other way up instead.
    """
    axis = _sub(target, base)
    d = math.sqrt(_dot(axis, axis)) or 1e-9
    a = (axis[0] / d, axis[1] / d, axis[2] / d)
    reach = min(max(d, abs(upper - lower) + 1e-6), upper + lower - 1e-6)
    along = (upper * upper - lower * lower + reach * reach) / (2 * reach)
    out = math.sqrt(max(0.0, upper * upper - along * along))
    pole = _sub(mid, base)
    perp = _add(pole, a, -_dot(pole, a))
    size = math.sqrt(_dot(perp, perp))
    if size < 1e-6:  # a straight limb: any bend plane will do, take one across the body
        perp, size = ((a[1], -a[0], 0.0) if abs(a[2]) < 0.9 else (1.0, 0.0, 0.0)), 1.0
        size = math.sqrt(_dot(perp, perp))
    centre = _add(base, a, along)
    new_mid = _add(centre, perp, out / size)
    if new_mid[1] < clear:
        # The bend would put the knee or elbow through the floor: bend it the other way up.
        other = _add(centre, perp, -out / size)
        new_mid = max(new_mid, other, key=lambda p: p[1])
    end = target if d <= upper + lower else _add(base, a, upper + lower)
    return new_mid, end


def pin(points: dict[str, Vec], limb: Limb, targets: dict[str, Vec]) -> None:
    """Move ``limb``'s hand or foot onto ``targets`` (some or all of its group) and bend to reach.

    With every point of the group given, the group is placed as given; with some, the group
    keeps its shape and slides so that those points' centre lands on theirs.
    """
    if limb.mid in targets:
        # An elbow or knee that rests on something as well (a forearm on a door frame, a
        # shin on the mat): both ends are pinned and the limb simply lies between them.
        points[limb.mid] = targets[limb.mid]
        given = [n for n in limb.group if n in targets]
        if given:
            move = _sub(mean([targets[n] for n in given]), mean([points[n] for n in given]))
            for n in limb.group:
                points[n] = targets[n] if n in targets else _add(points[n], move)
        return
    if all(n in targets for n in limb.group):
        placed = {n: targets[n] for n in limb.group}
    else:
        given = [n for n in limb.group if n in targets]
        shift = _sub(mean([targets[n] for n in given]), mean([points[n] for n in given]))
        placed = {n: _add(points[n], shift) for n in limb.group}
    base = points[limb.base]
    gap = math.dist(base, placed[limb.end]) - (limb.upper + limb.lower) + 0.01
    if gap > 0 and limb.name.startswith("arm_"):
        # Out of reach: the shoulder blade glides towards the hand (as it does when the hands
        # press the floor away), up to a few centimetres.
        toward = _sub(placed[limb.end], base)
        base = _add(base, toward, min(gap, GLIDE) / math.sqrt(_dot(toward, toward)))
        points[limb.base] = base
    placed = {n: (p[0], max(p[1], RADIUS[n] - 1.0), p[2]) for n, p in placed.items()}
    clear = RADIUS[limb.mid] - 1.0
    mid, end = two_bone(base, points[limb.mid], placed[limb.end], limb.upper, limb.lower, clear)
    short = _sub(end, placed[limb.end])
    points[limb.mid] = mid
    for n in limb.group:
        points[n] = _add(placed[n], short)
