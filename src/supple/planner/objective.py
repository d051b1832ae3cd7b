"""The selection objective: what makes one main block better than another.

For a main block S (warm-up and cool-down fixed around it), maximise

    J(S) = 10 * sum_a w_a * (1 - exp(-c_a(S) / 1.5))      coverage of the pain areas
         + 1.5 * sum_i pref_i                             directional-preference fit
         +  3 * [S holds a strengthening move]            when time allows
         - 15 * out_of_reach(S) / T                       time fit: T out of fitting range
         -  6 * |nominal(S) - T| / T                      time fit: natural doses
         -  1 * transitions(S) / 60                       position changes, in minutes
         + .6 * sum_i jitter_i                            variety: seeded by date or seed
         +  2 * sum_i kept_i                              continuity (programmes only)
         - .25 * g * sum_i (level_i - 1)                  gentler first (g = 2 in gentle mode)

with c_a(S) = sum of the items' match with pain area a (0..1 each) and w_a the area weights
(summing to 1). Moves that are variants of each other (a regression or progression) in the
same position never share a block, and a block holds at most ``max_items`` moves. See
docs/planner.md.
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


def score(problem: Problem, chosen: Sequence[int]) -> float:
    """J(S) for the main block ``chosen`` (indices into ``problem.candidates``)."""
    cands = problem.candidates
    n_areas = len(problem.weights)
    cover = [0.0] * n_areas
    pref = 0
    jitter = 0.0
    kept = 0
    levels = 0
    strength = False
    for i in chosen:
        c = cands[i]
        for a in range(n_areas):
            cover[a] += c.cover[a]
        pref += c.pref
        jitter += c.jitter
        kept += c.kept
        levels += c.exercise.level - 1
        strength = strength or c.exercise.kind == "strength"
    coverage = sum(
        w * (1.0 - math.exp(-x / COVERAGE_SCALE))
        for w, x in zip(problem.weights, cover, strict=True)
    )
    seq = layout(problem, chosen)
    moves = transitions(seq)
    nominal = moves + sum(c.seconds for c in seq)
    low = moves + sum(c.low for c in seq)
    high = moves + sum(c.high for c in seq)
    target = problem.target
    out_of_reach = max(0, low - target, target - high)
    return (
        COVERAGE_W * coverage
        + PREFERENCE_W * pref
        + (STRENGTH_W if strength and problem.want_strength else 0.0)
        - REACH_W * out_of_reach / target
        - NOMINAL_W * abs(nominal - target) / target
        - TRANSITION_W * moves
        + VARIETY_W * jitter
        + CONTINUITY_W * kept
        - LEVEL_W * (2 if problem.gentle else 1) * levels
    )
