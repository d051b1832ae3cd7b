"""The selection problem: the moves a routine is chosen from, and what is fixed around them.

``build_problem`` turns a screened profile and the moves it allows into a
:class:`~supple.planner.objective.Problem`: each move dosed for the person with what the
objective needs to know of it (coverage, direction, kind, pathways), the warm-ups and
cool-downs around the main block, the moves that never share a block, and the routine's mix.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import replace

from supple.library.model import Exercise
from supple.planner.adjust import Adjustments
from supple.planner.bias import preference
from supple.planner.composition import (
    ACUTE_WALK_S,
    WALK_ID,
    Mix,
    is_movement,
    is_strength,
    is_stretch,
    mix_for,
)
from supple.planner.dose import OLDER_ADULT_AGE, DoseChoice, base_dose, ladder, walk_ladder
from supple.planner.model import Bias
from supple.planner.objective import Candidate, Problem, area_match
from supple.planner.order import position_key
from supple.planner.pathways import one_sided, pathways_for
from supple.safety.profile import Profile

MAIN_KINDS = frozenset({"stretch", "mobility", "strength"})
#: A strengthening move is required from this session length (it needs a few minutes).
STRENGTH_FROM_MINUTES = 6
#: Sessions this long or longer get two warm-up moves.
TWO_WARM_UPS_FROM_MINUTES = 20
#: A main-block move takes about this long at its usual dose; it sets how many moves fit.
SECONDS_PER_MAIN_ITEM = 75
MAX_MAIN_ITEMS = 10
#: Main-block moves must work on a pain area at least this well, while enough such moves exist.
MIN_COVER = 0.4
MIN_ON_TARGET = 3
#: A guided track (the 3-5 minute body scan) closes sessions of at least this length.
TRACK_FROM_MINUTES = 15
#: Families chosen only when a pathway names them: pelvic-floor work helps in and after
#: pregnancy (NICE NG210), its effect on back pain itself is unproven; the cushion squeeze is a
#: move for pelvic girdle pain (Vleeming 2008).
PATHWAY_ONLY_FAMILIES = frozenset({"pelvic_floor", "cushion_squeeze"})


def build_problem(
    profile: Profile,
    exercises: Mapping[str, Exercise],
    bias: Bias,
    gentle: bool,
    adjustments: Adjustments,
    variety_key: str,
    *,
    keep: Collection[str] = (),
    minutes: int | None = None,
) -> Problem:
    """The selection problem for ``profile`` over the eligible ``exercises``.

    ``minutes`` is the session length aimed at (default: the minutes the person asked for).
    """
    minutes = profile.minutes if minutes is None else minutes
    areas = areas_of(profile)
    kept = frozenset(keep)
    mix = mix_for(profile, minutes, gentle)
    paths = pathways_for(profile)

    def candidate(ex: Exercise, dose: DoseChoice | None = None) -> Candidate:
        if dose is None:
            dose = base_dose(
                ex,
                gentle=gentle,
                age=profile.age,
                hold_step=adjustments.hold_step,
                load_step=adjustments.load_steps.get(ex.id, 0),
            )
            older = profile.age is not None and profile.age >= OLDER_ADULT_AGE
            steps = tuple(ladder(ex, dose, gentle=gentle, older=older))
        else:
            steps = tuple(walk_ladder(dose))
        return Candidate(
            exercise=ex,
            dose=dose,
            ladder=steps,
            cover=tuple(area_match(ex, a) for a in areas),
            pref=preference(ex, bias),
            jitter=jitter(variety_key, ex.id),
            kept=ex.id in kept,
            seconds=dose.seconds(ex.sided),
            low=steps[0].seconds(ex.sided),
            high=steps[-1].seconds(ex.sided),
            strength=is_strength(ex),
            stretch=is_stretch(ex),
            movement=is_movement(ex),
            one_sided=one_sided(ex),
            pathways=tuple(k for k, path in enumerate(paths) if ex.id in path.include),
        )

    ordered = [exercises[k] for k in sorted(exercises)]
    warm = [candidate(e) for e in ordered if e.kind == "warm_up" and not e.on_floor]
    # Standing warm-ups first, so the main block (which starts standing) needs no extra change.
    warm.sort(key=lambda c: (position_key(c.position), -(c.pref + c.jitter), c.id))
    if mix.opening_walk and WALK_ID in exercises:
        walk = exercises[WALK_ID]
        warm.insert(0, candidate(walk, replace(base_dose(walk), duration_s=ACUTE_WALK_S)))
    n_warm = 2 if minutes >= TWO_WARM_UPS_FROM_MINUTES else 1
    warm_ups = tuple(warm[:n_warm])
    cool_downs = tuple(
        candidate(e)
        for e in ordered
        if e.kind == "relaxation" and (not e.script or minutes >= TRACK_FROM_MINUTES)
    )
    named = {m for path in paths for m in path.include}
    main = tuple(
        candidate(e)
        for e in ordered
        if e.kind in MAIN_KINDS and (e.move_family not in PATHWAY_ONLY_FAMILIES or e.id in named)
    )
    on_target = tuple(c for c in main if max(c.cover) >= MIN_COVER)
    target = minutes * 60
    room = sum(c.high for c in (*on_target, *warm[:2], *cool_downs))
    if len(on_target) >= MIN_ON_TARGET and room >= target:
        main = on_target
    fixed = sum(c.seconds for c in warm_ups) + min((c.seconds for c in cool_downs), default=0)
    max_items = round(max(0, target - fixed) / SECONDS_PER_MAIN_ITEM)
    conflicts = _conflicts(main)
    return Problem(
        candidates=main,
        warm_ups=warm_ups,
        cool_downs=cool_downs,
        weights=tuple(1.0 / len(areas) for _ in areas),
        target=target,
        want_strength=minutes >= STRENGTH_FROM_MINUTES
        and any(c.exercise.kind == "strength" for c in main),
        gentle=gentle,
        max_items=min(MAX_MAIN_ITEMS, max(1, max_items)),
        conflicts=conflicts,
        min_strength=_reachable_strength(main, conflicts, mix),
        max_stretch_share=mix.max_stretch_share,
        favour_movement=mix.favour_movement,
        pathway_aims=tuple(path.aim for path in paths),
        symmetric=any(path.symmetric for path in paths),
    )


def _conflicts(main: tuple[Candidate, ...]) -> frozenset[tuple[int, int]]:
    """Pairs of moves that never share a block: variants of each other in the same position
    (one move at two intensities) and moves of one family (one move in two positions, such
    as the pelvic tilt lying down and against a wall)."""
    index = {c.id: k for k, c in enumerate(main)}
    pairs = set()
    for k, c in enumerate(main):
        for other in (*c.exercise.regressions, *c.exercise.progressions):
            if other in index and main[index[other]].position == c.position:
                pairs.add((min(k, index[other]), max(k, index[other])))
    by_family: dict[str, list[int]] = {}
    for k, c in enumerate(main):
        by_family.setdefault(c.exercise.move_family, []).append(k)
    for members in by_family.values():
        pairs.update((a, b) for a in members for b in members if a < b)
    return frozenset(pairs)


def _reachable_strength(
    main: tuple[Candidate, ...], conflicts: frozenset[tuple[int, int]], mix: Mix
) -> int:
    """The mix's strength moves, or as many as the allowed moves can give without conflicts."""
    picked: list[int] = []
    for k, c in enumerate(main):
        if len(picked) >= mix.min_strength:
            break
        if c.strength and all((min(j, k), max(j, k)) not in conflicts for j in picked):
            picked.append(k)
    return len(picked)


def areas_of(profile: Profile) -> list[str]:
    """The pain areas, in the order given (none named counts as the lower back)."""
    return list(dict.fromkeys(profile.pain_areas)) or ["lower_back"]


def jitter(key: str, exercise_id: str) -> float:
    """A stable number in [0, 1) for this day (or seed) and move: the day's variety."""
    digest = hashlib.blake2b(f"{key}|{exercise_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64
