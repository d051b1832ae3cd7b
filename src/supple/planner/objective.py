"""The selection objective: what makes one main block better than another.

For a main block S (warm-up and cool-down fixed around it), maximise

    J(S) = 10 * sum_a w_a * (1 - exp(-c_a(S) / 1.5))      coverage of the pain areas
         + 1.5 * m * sum_i pref_i                         directional-preference fit
         +  3 * min(strength(S), need)                    strength moves, when time allows
         - 12 * max(0, min_strength - strength(S))        too few strength moves (chronic)
         - 40 * over_share(S) / T                         stretch time over its share (chronic)
         +  1 * min(movement(S), 3) - 1 * stretches(S)    movement over holds (acute only)
         +  2 * sum_p min(aim_p, on_pathway_p(S))         condition pathways
         -  1 * one_sided(S)                              one-sided moves (symmetric pathway)
         - 15 * out_of_reach(S) / T                       time fit: T out of fitting range
         - 200 * overrun(S) / T                           shortest doses 5% past T
         -  6 * |nominal(S) - T| / T                      time fit: natural doses
         -  1 * transitions(S) / 60                       position changes, in minutes
         + .6 * sum_i jitter_i                            variety: seeded by date or seed
         +  2 * sum_i kept_i                              continuity (programmes only)
         - .25 * g * sum_i (level_i - 1)                  gentler first (g = 2 in gentle mode)

with c_a(S) = sum of the items' match with pain area a (0..1 each), w_a the area weights
(summing to 1) and m = 2 for an acute episode (the direction that eases matters most), else 1.
Moves that are variants of each other (a regression or progression) in the same position, and
moves of one family (one move in several positions), never share a block; a block holds at most
``max_items`` moves. See docs/planner.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from supple.library.model import Exercise
from supple.planner import timing
from supple.planner.dose import DoseChoice
from supple.planner.order import position_key

COVERAGE_W = 10.0
COVERAGE_SCALE = 1.5
PREFERENCE_W = 1.5
STRENGTH_W = 3.0
REACH_W = 15.0
NOMINAL_W = 6.0
TRANSITION_W = 1.0 / 60.0
VARIETY_W = 0.6
CONTINUITY_W = 2.0
LEVEL_W = 0.25
MISSING_STRENGTH_W = 12.0
SHARE_W = 40.0
MOVEMENT_W = 1.0
MOVEMENT_CAP = 3
HOLD_W = 1.0
PATHWAY_W = 2.0
ONE_SIDED_W = 1.0
#: A block whose shortest doses still run 5% past the time asked is all but ruled
#: out: strength doses do not shrink, so the search must choose fewer moves instead.
OVERRUN_W = 200.0
OVERRUN_FROM = 1.05

#: How well an exercise region serves each pain area (1 = directly, less = nearby).
AREA_REGIONS: dict[str, dict[str, float]] = {
    "lower_back": {
        "lower_back": 1.0,
        "core": 0.6,
        "glutes": 0.4,
        "hips": 0.4,
        "hamstrings": 0.4,
        "hip_flexors": 0.4,
    },
    "upper_back": {"upper_back": 1.0, "shoulders": 0.6, "chest": 0.5, "neck": 0.3},
    "neck": {"neck": 1.0, "shoulders": 0.6, "upper_back": 0.5},
    "buttock_or_leg": {"glutes": 1.0, "hamstrings": 0.8, "hips": 0.7, "lower_back": 0.4},
    "hip": {"hips": 1.0, "hip_flexors": 0.9, "glutes": 0.7},
}


def area_match(exercise: Exercise, area: str) -> float:
    """How directly ``exercise`` works on pain area ``area`` (0..1)."""
    table = AREA_REGIONS[area]
    return max((table.get(r, 0.0) for r in exercise.regions), default=0.0)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One move that passed every exclusion, with what the objective needs to know."""

    exercise: Exercise
    dose: DoseChoice
    ladder: tuple[DoseChoice, ...]
    cover: tuple[float, ...]
    pref: int
    jitter: float
    kept: bool
    seconds: int
    low: int
    high: int
    strength: bool = False
    stretch: bool = False
    movement: bool = False
    one_sided: bool = False
    #: the pathways (indices into ``Problem.pathway_aims``) this move is on
    pathways: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        return self.exercise.id

    @property
    def position(self) -> str:
        return self.exercise.position


@dataclass(frozen=True, slots=True)
class Problem:
    """Everything fixed while the main block is chosen."""

    candidates: tuple[Candidate, ...]
    warm_ups: tuple[Candidate, ...]
    cool_downs: tuple[Candidate, ...]
    weights: tuple[float, ...]
    target: int
    want_strength: bool
    gentle: bool
    max_items: int
    conflicts: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    #: how many strength moves a block needs; the most share of its time in stretches
    min_strength: int = 0
    max_stretch_share: float | None = None
    #: an acute episode: movement over holds, and the direction counts double
    favour_movement: bool = False
    #: for each pathway, how many of its moves a block aims at
    pathway_aims: tuple[int, ...] = ()
    symmetric: bool = False
    #: memo: the main block's positions -> (seconds of position changes, the cool-down)
    routes: dict[frozenset[str], tuple[int, Candidate | None]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def compatible(self, chosen: Sequence[int], new: int) -> bool:
        """Whether candidate ``new`` may join ``chosen`` (no variant of a chosen move)."""
        return all((min(i, new), max(i, new)) not in self.conflicts for i in chosen)


def cool_down_for(problem: Problem, last_position: str | None) -> Candidate | None:
    """The cool-down nearest to where the main block ends (ties go to the day's pick)."""
    if not problem.cool_downs:
        return None
    return min(
        problem.cool_downs,
        key=lambda c: (timing.transition_seconds(last_position, c.position), -c.jitter),
    )


def layout(problem: Problem, chosen: Sequence[int]) -> list[Candidate]:
    """Warm-ups, the main block grouped by position, then the cool-down."""
    main = sorted(
        (problem.candidates[i] for i in chosen),
        key=lambda c: (*position_key(c.position), c.exercise.level, c.id),
    )
    last = (
        main[-1].position if main else (problem.warm_ups[-1].position if problem.warm_ups else None)
    )
    cool = cool_down_for(problem, last)
    return [*problem.warm_ups, *main, *([cool] if cool else [])]


def transitions(sequence: Sequence[Candidate]) -> int:
    """Seconds spent changing position along ``sequence``."""
    total = 0
    previous: str | None = None
    for c in sequence:
        total += timing.transition_seconds(previous, c.position)
        previous = c.position
    return total


def route(problem: Problem, positions: frozenset[str]) -> tuple[int, Candidate | None]:
    """The seconds of position changes and the cool-down of a block in ``positions``.

    A block is laid out grouped by position, so both depend only on which positions it uses:
    they are worked out once per set of positions.
    """
    found = problem.routes.get(positions)
    if found is None:
        ordered = sorted(positions, key=position_key)
        warm = [c.position for c in problem.warm_ups]
        last = ordered[-1] if ordered else (warm[-1] if warm else None)
        cool = cool_down_for(problem, last)
        path = [*warm, *ordered, *([cool.position] if cool else [])]
        # From standing (None) through every position; an empty path (nothing fits) costs 0.
        starts: list[str | None] = [None, *path][: len(path)]
        moves = sum(
            timing.transition_seconds(before, after)
            for before, after in zip(starts, path, strict=True)
        )
        found = problem.routes[positions] = (moves, cool)
    return found


def score(problem: Problem, chosen: Sequence[int]) -> float:
    """J(S) for the main block ``chosen`` (indices into ``problem.candidates``)."""
    cands = problem.candidates
    n_areas = len(problem.weights)
    cover = [0.0] * n_areas
    pref = 0
    jitter = 0.0
    kept = 0
    levels = 0
    strength = stretches = movement = one_sided = 0
    stretch_s = nominal = low = high = 0
    on_path = [0] * len(problem.pathway_aims)
    positions = set()
    for i in chosen:
        c = cands[i]
        positions.add(c.exercise.position)
        nominal += c.seconds
        low += c.low
        high += c.high
        for a in range(n_areas):
            cover[a] += c.cover[a]
        pref += c.pref
        jitter += c.jitter
        kept += c.kept
        levels += c.exercise.level - 1
        strength += c.strength
        stretches += c.stretch
        stretch_s += c.seconds if c.stretch else 0
        movement += c.movement
        one_sided += c.one_sided
        for k in c.pathways:
            on_path[k] += 1
    coverage = sum(
        w * (1.0 - math.exp(-x / COVERAGE_SCALE))
        for w, x in zip(problem.weights, cover, strict=True)
    )
    moves, cool = route(problem, frozenset(positions))
    fixed = [*problem.warm_ups, *([cool] if cool else [])]
    nominal += moves + sum(c.seconds for c in fixed)
    low += moves + sum(c.low for c in fixed)
    high += moves + sum(c.high for c in fixed)
    target = problem.target
    out_of_reach = max(0, low - target, target - high)
    overrun = max(0.0, low - OVERRUN_FROM * target)
    value = (
        COVERAGE_W * coverage
        + PREFERENCE_W * (2 if problem.favour_movement else 1) * pref
        - REACH_W * out_of_reach / target
        - OVERRUN_W * overrun / target
        - NOMINAL_W * abs(nominal - target) / target
        - TRANSITION_W * moves
        + VARIETY_W * jitter
        + CONTINUITY_W * kept
        - LEVEL_W * (2 if problem.gentle else 1) * levels
    )
    if problem.want_strength:
        value += STRENGTH_W * min(strength, max(1, problem.min_strength))
    value -= MISSING_STRENGTH_W * max(0, problem.min_strength - strength)
    if problem.max_stretch_share is not None:
        over = max(0.0, stretch_s - problem.max_stretch_share * nominal)
        value -= SHARE_W * over / target
    if problem.favour_movement:
        value += MOVEMENT_W * min(movement, MOVEMENT_CAP) - HOLD_W * stretches
    for aim, count in zip(problem.pathway_aims, on_path, strict=True):
        value += PATHWAY_W * min(aim, count)
    if problem.symmetric:
        value -= ONE_SIDED_W * one_sided
    return value
