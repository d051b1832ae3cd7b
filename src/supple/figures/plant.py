"""Keep the body planted: where each keyframe stands, which contacts hold through each move.

A contact listed in two keyframes in a row, on the same surface, and in nearly the same place
once the second keyframe is set down where the first left off, *holds* through the move: it
is pinned at one anchor for as long as it holds. Hands and feet are pinned by bending the arm
or leg (two-bone inverse kinematics); the trunk, knees and elbows by moving the whole body. A
hand or foot that is listed in both keyframes but far apart *steps*: it lifts and is set down.
Nothing here needs extra data: it is read off the keyframes' contacts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from supple.figures.body import Vec, expand, forward
from supple.figures.grip import GRIPPERS, grip
from supple.figures.ik import LIMB_OF, LIMBS, Limb, mean, pin
from supple.figures.model import Figure, Keyframe, Prop
from supple.figures.scene import place

#: How far (cm) a shared contact may differ between two keyframes and still hold: the limb bends
#: to take up the difference. Further apart, the hand or foot steps.
HOLD_TOLERANCE = 15.0
#: How high (cm) a stepping hand or foot lifts halfway through its move.
STEP_LIFT = 6.0


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _lerp(a: Vec, b: Vec, s: float) -> Vec:
    return (a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s)


def shift(points: dict[str, Vec], by: Vec) -> dict[str, Vec]:
    """Every point of ``points`` moved by ``by``."""
    dx, dy, dz = by
    if not (dx or dy or dz):
        return dict(points)
    return {n: (p[0] + dx, p[1] + dy, p[2] + dz) for n, p in points.items()}


def shared_contacts(a: Keyframe, b: Keyframe) -> set[str]:
    """Body points touching the same surface in both keyframes."""
    return {
        n
        for surface, names in a.contacts.items()
        if surface in b.contacts
        for n in set(expand(names)) & set(expand(b.contacts[surface]))
    }


def _horizontal(v: Vec) -> Vec:
    return (v[0], 0.0, v[2])


def _offset(prev: dict[str, Vec], cur: dict[str, Vec], shared: set[str]) -> Vec:
    """How far to slide ``cur`` along the floor so that its shared contacts meet ``prev``'s."""
    if not shared:
        return (0.0, 0.0, 0.0)
    fixed = [n for n in shared if n not in LIMB_OF]
    if fixed:  # the trunk, a knee or an elbow: only moving the body can keep it in place
        return _horizontal(mean([_sub(prev[n], cur[n]) for n in fixed]))
    # Only hands and feet: keep as many of them in place as possible (one foot may step).
    groups = [[n for n in limb.group if n in shared] for limb in LIMBS]
    tries = [_horizontal(mean([_sub(prev[n], cur[n]) for n in g])) for g in groups if g]

    def score(t: Vec) -> tuple[int, float]:
        kept = sum(math.dist(prev[n], _sub(cur[n], (-t[0], 0.0, -t[2]))) <= 2.0 for n in shared)
        return (-kept, math.hypot(t[0], t[2]))

    return min(tries, key=score)


def _episodes(held: list[bool]) -> list[list[int]]:
    """Runs of keyframes joined by holding moves (move m joins keyframe m to the next)."""
    n = len(held)
    if all(held):
        return [list(range(n))]
    start = held.index(False)
    out: list[list[int]] = []
    run: list[int] | None = None
    for step in range(1, n + 1):
        m = (start + step) % n
        if held[m]:
            run = run or [m]
            run.append((m + 1) % n)
        elif run:
            out.append(run)
            run = None
    if run:
        out.append(run)
    return out


@dataclass(frozen=True)
class Planting:
    """Each keyframe's place and points, and what holds through each move (move m: m → m+1)."""

    ys: list[float]
    offsets: list[Vec]
    planted: list[dict[str, Vec]]
    held: list[frozenset[str]]
    stepped: list[frozenset[str]]
    #: Per keyframe: each held point's pinned position (for a hand or foot held at two points
    #: or more, its whole group, so that it keeps its shape).
    anchors: list[dict[str, Vec]]
    #: Per keyframe: what each gripping hand holds.
    grips: list[dict[str, str]]
    #: The figure's props, for the hands that hold one.
    props: tuple[Prop, ...] = ()


def plant(figure: Figure) -> Planting:
    """Set each keyframe down where the one before it left off, and find what holds."""
    frames = figure.keyframes
    n = len(frames)
    ys = [place(f, figure.props) for f in frames]
    raw = [forward(f.pose, y) for f, y in zip(frames, ys, strict=True)]
    offsets: list[Vec] = [(0.0, 0.0, 0.0)]
    planted = [raw[0]]
    for i in range(1, n):
        off = _offset(planted[i - 1], raw[i], shared_contacts(frames[i - 1], frames[i]))
        offsets.append(off)
        planted.append(shift(raw[i], off))
    held: list[frozenset[str]] = []
    stepped: list[frozenset[str]] = []
    for m in range(n if n > 1 else 0):
        j = (m + 1) % n
        near = {
            p
            for p in shared_contacts(frames[m], frames[j])
            if math.dist(planted[m][p], planted[j][p]) <= HOLD_TOLERANCE
        }
        held.append(frozenset(near))
        # A hand or foot far from where it was steps; a knee that moves on is simply set down.
        far = {p for p in shared_contacts(frames[m], frames[j]) - near if p in LIMB_OF}
        stepped.append(frozenset(far))
    anchors: list[dict[str, Vec]] = [{} for _ in frames]
    names = {p for h in held for p in h}
    for name in sorted(names):
        for run in _episodes([name in h for h in held]):
            at = 0 if 0 in run else run[0]
            for k in run:
                anchors[k][name] = planted[at][name]
                limb = LIMB_OF.get(name)
                if limb and sum(p in held[k] or p in held[k - 1] for p in limb.group) >= 2:
                    anchors[k] |= {p: planted[at][p] for p in limb.group}
    grips: list[dict[str, str]] = [{str(k): v for k, v in f.grip.items()} for f in frames]
    return Planting(ys, offsets, planted, held, stepped, anchors, grips, tuple(figure.props))


def _fixed_shift(points: dict[str, Vec], anchors: dict[str, Vec], names: set[str]) -> Vec | None:
    """The body's shift that keeps its held trunk, knees and elbows nearest their anchors.

    The middle of the range of their misses on each axis: no one point strays far to keep
    the others exact.
    """
    fixed = [n for n in names if n not in LIMB_OF and n in anchors]
    if not fixed:
        return None
    misses = [_sub(anchors[n], points[n]) for n in fixed]
    return (
        (min(m[0] for m in misses) + max(m[0] for m in misses)) / 2,
        (min(m[1] for m in misses) + max(m[1] for m in misses)) / 2,
        (min(m[2] for m in misses) + max(m[2] for m in misses)) / 2,
    )


def limb_targets(limb: Limb, anchors: dict[str, Vec], names: set[str]) -> dict[str, Vec]:
    """Where ``limb``'s hand or foot (and its elbow or knee, if that holds too) is pinned."""
    held = [p for p in limb.group if p in names and p in anchors]
    if len(held) >= 2 and all(p in anchors for p in limb.group):
        out = {p: anchors[p] for p in limb.group}
    else:
        out = {p: anchors[p] for p in held}
    if out and limb.mid in names and limb.mid in anchors:
        out[limb.mid] = anchors[limb.mid]
    return out


@dataclass(frozen=True)
class Drawn:
    """A keyframe as drawn: eased (placed and slid, not pinned), the body's shift, and pinned."""

    eased: dict[str, Vec]
    body_shift: Vec
    points: dict[str, Vec]


def draw_keyframe(figure: Figure, planting: Planting, k: int) -> Drawn:
    """Keyframe ``k``'s points with its trunk and held hands and feet on their anchors."""
    frame = figure.keyframes[k]
    eased = shift(forward(frame.pose, planting.ys[k], rings=True), planting.offsets[k])
    names = (set(planting.held[k]) | set(planting.held[k - 1])) if planting.held else set()
    anchors = planting.anchors[k]
    t = _fixed_shift(eased, anchors, names) or (0.0, 0.0, 0.0)
    out = shift(eased, t)
    for limb in LIMBS:
        targets = limb_targets(limb, anchors, names)
        if targets:
            pin(out, limb, targets)
    for gripper, held in sorted(planting.grips[k].items(), key=lambda g: g[0].startswith("hand")):
        grip(out, gripper, held, planting.props)
    return Drawn(eased, t, out)


def move_points(
    planting: Planting, m: int, s: float, ends: tuple[Drawn, Drawn], eased: dict[str, Vec]
) -> tuple[dict[str, Vec], Vec, list[Limb]]:
    """Pin ``eased`` (the body a fraction ``s`` through move ``m``) the way it stays planted.

    ``eased`` is placed and slid as the keyframes are, not yet pinned; ``ends`` are the move's
    two keyframes as drawn. Returns the pinned points, the body's shift, and the limbs left free.
    """
    held = set(planting.held[m])
    start, end = ends
    anchors = planting.anchors[m]
    raw = _fixed_shift(eased, anchors, held)
    if raw is None:
        t = _lerp(start.body_shift, end.body_shift, s)
    else:
        # Corrected to match the keyframes' own shifts at both ends, so the move joins them.
        t0 = _fixed_shift(start.eased, anchors, held) or raw
        t1 = _fixed_shift(end.eased, anchors, held) or raw
        t = _lerp(_sub(raw, _sub(t0, start.body_shift)), _sub(raw, _sub(t1, end.body_shift)), s)
    out = shift(eased, t)
    free: list[Limb] = []
    j = (m + 1) % len(planting.grips)
    gripped = {
        GRIPPERS[g][0].name
        for g, what in planting.grips[m].items()
        if planting.grips[j].get(g) == what
    }
    for limb in LIMBS:
        if limb.name in gripped:
            continue
        targets = limb_targets(limb, anchors, held) or _moving_targets(
            limb, planting.stepped[m], ends, out, s
        )
        if targets:
            pin(out, limb, targets)
        else:
            free.append(limb)
    # Feet before hands: a hand that holds a knee follows it where the leg has gone.
    for gripper, what in sorted(planting.grips[m].items(), key=lambda g: g[0].startswith("hand")):
        if GRIPPERS[gripper][0].name in gripped:
            grip(out, gripper, what, planting.props)
    return out, t, free


def _moving_targets(
    limb: Limb,
    stepped: frozenset[str],
    ends: tuple[Drawn, Drawn],
    points: dict[str, Vec],
    s: float,
) -> dict[str, Vec]:
    """Where a hand or foot that is not held goes: a step lifts it, a pin at either end fades."""
    start, end = ends
    steps = [p for p in limb.group if p in stepped]
    if steps:
        lift = STEP_LIFT * math.sin(math.pi * s)
        return {p: _add_y(_lerp(start.points[p], end.points[p], s), lift) for p in steps}
    # Pinned in a keyframe but not through the move: ease the pin's correction out (or in),
    # so that the move starts and ends exactly on the keyframes as drawn.
    e = limb.end
    c0 = _sub(start.points[e], _add(start.eased[e], start.body_shift))
    c1 = _sub(end.points[e], _add(end.eased[e], end.body_shift))
    if max(map(abs, (*c0, *c1))) < 0.05:
        return {}
    return {e: _add(points[e], _lerp(c0, c1, s))}


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _add_y(a: Vec, dy: float) -> Vec:
    return (a[0], a[1] + dy, a[2])
