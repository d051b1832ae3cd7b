"""Doses: the starting dose of each move, and the ladder of doses the time fitting may use.

Holds never leave an exercise's safe range (``hold_min_s``..``hold_max_s``). Older adults get
longer stretch holds (ACSM: 30-60 s may help from 65); earned hold steps add 5 s to each
stretch hold up to ACSM's range; gentle mode shortens holds and removes a repetition.

A static stretch stays within ACSM's caps at every dose: at most 4 holds per side and about
2 minutes of holding per side (ACSM: 2-4 holds, about 60 s in all). Time the stretches cannot
fill goes to other moves, or the session is shorter and says why; a stretch is never inflated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import takewhile

from supple.library.model import MODERATE_EFFORT, Effort, Exercise, Tempo
from supple.planner import timing
from supple.planner.steps import REPS_PER_STEP, SET_STEP

#: Seconds added to a hold per earned weekly step (ACSM: 20 s -> 30 s over a few weeks).
HOLD_STEP_S = 5
#: Age from which stretch holds start at 30 s (ACSM: 30-60 s may help older adults).
OLDER_ADULT_AGE = 65
OLDER_ADULT_HOLD_S = 30
#: Earned steps stop here (ACSM: 10-30 s for most adults, 30-60 s for older adults).
ADULT_MAX_HOLD_S = 30
OLDER_ADULT_MAX_HOLD_S = 60
#: Gentle mode: holds shrink to this share of the usual hold (never under the safe minimum).
GENTLE_HOLD_SHARE = 0.7
#: The most sets the time fitting may ask for; gentle mode never adds sets (short bouts through
#: the day are advised instead).
MAX_SETS = 3
#: ACSM caps for a static stretch, per side: 2-4 holds, at most about 2 minutes of holding.
STRETCH_MAX_HOLDS = 4
STRETCH_MAX_HOLD_TOTAL_S = 120
#: A held stretch or mobility move with holds this long is a static stretch (caps apply).
STATIC_HOLD_FROM_S = 10
#: Flowing moves may run from half to three times their usual length when fitting time.
FLOW_STEP_S = 5
MAX_FLOW_S = 600
#: A relaxation cool-down may stretch to this length in long sessions.
MAX_RELAX_S = 600
#: A guided track (a script of timed lines) is said over 75% to 125% of its written length.
TRACK_STRETCH = (0.75, 1.25)
#: The rest between repetitions is capped: longer pauses between short holds only let the
#: body cool down (a library rest of 30 s meant between sets would otherwise repeat each rep).
MAX_REST_S = 10
#: Strength work: the rest between sets when the library gives none (bodyweight work at a
#: moderate effort recovers within about half a minute; ACSM advises shorter rests for
#: endurance-type work than the 2-3 minutes of heavy lifting).
SET_REST_S = 30
#: The fewest repetitions a strength set keeps when time is short (ACSM: 8-12, and 10-15 for
#: beginners and older adults; below about 5 a set no longer trains the muscle).
MIN_STRENGTH_REPS = 5
#: The most repetitions a load step may reach (ACSM's 10-15 for beginners, with some room).
MAX_STRENGTH_REPS = 20
#: Gentle mode asks for an easy effort instead of a moderate one.
GENTLE_EFFORT = Effort(low=3, high=4, reserve_low=4, reserve_high=6)


@dataclass(frozen=True, slots=True)
class DoseChoice:
    """One concrete dose of an item."""

    hold_s: int | None
    duration_s: int | None
    reps: int
    sets: int
    rest_s: int
    set_rest_s: int | None = None
    tempo: Tempo | None = None
    effort: Effort | None = None

    @property
    def per_rep(self) -> int:
        """Seconds of one repetition (a hold with its tempo, or a flowing stretch)."""
        if self.hold_s is not None:
            return self.hold_s + (self.tempo.seconds if self.tempo is not None else 0)
        assert self.duration_s is not None
        return self.duration_s

    def seconds(self, sided: bool) -> int:
        """Seconds of the item at this dose, as in ``PlanItem.seconds``."""
        return timing.dose_seconds(
            per_rep=self.per_rep,
            reps=self.reps,
            sets=self.sets,
            rest_s=self.rest_s,
            sided=sided,
            set_rest_s=self.set_rest_s,
        )


def is_static_stretch(exercise: Exercise) -> bool:
    """Whether ACSM's stretch caps apply to ``exercise`` (a held stretch, not a strength hold)."""
    hold = exercise.dose.hold_s
    return (
        exercise.kind in ("stretch", "mobility") and hold is not None and hold >= STATIC_HOLD_FROM_S
    )


def within_caps(exercise: Exercise, dose: DoseChoice) -> bool:
    """Whether ``dose`` keeps a static stretch within ACSM's caps (other moves: always)."""
    if not is_static_stretch(exercise) or dose.hold_s is None:
        return True
    holds = dose.reps * dose.sets
    return holds <= STRETCH_MAX_HOLDS and dose.hold_s * holds <= STRETCH_MAX_HOLD_TOTAL_S


def _capped_reps(exercise: Exercise, hold: int, reps: int, sets: int) -> int:
    """``reps`` lowered until the stretch fits ACSM's caps (at least one)."""
    if not is_static_stretch(exercise):
        return reps
    most = min(STRETCH_MAX_HOLDS, STRETCH_MAX_HOLD_TOTAL_S // hold) // max(1, sets)
    return max(1, min(reps, most))


def _strength_dose(exercise: Exercise, *, gentle: bool, load_step: int) -> DoseChoice:
    """A strength move's starting dose: its repetitions and sets moved by the load step (steps
    1 and 2: two more repetitions each; step 3: a set more as well; step -1: fewer)."""
    d = exercise.dose
    assert d.hold_s is not None
    reps, sets = d.reps, d.sets
    if load_step > 0:
        extra = REPS_PER_STEP * min(load_step, SET_STEP - 1)
        reps = min(max(reps, MAX_STRENGTH_REPS), reps + extra)
    elif load_step < 0:
        reps = max(min(reps, MIN_STRENGTH_REPS), reps - REPS_PER_STEP)
    if load_step >= SET_STEP:
        sets = min(max(sets, MAX_SETS), sets + 1)
    hold = d.hold_s
    if gentle:
        reps, sets = max(1, reps - 1), 1
        hold = max(d.hold_min_s or hold, round(hold * GENTLE_HOLD_SHARE))
    return DoseChoice(
        hold,
        None,
        reps,
        sets,
        min(d.rest_s, MAX_REST_S),
        set_rest_s=d.set_rest_s if d.set_rest_s is not None else SET_REST_S,
        tempo=d.tempo,
        effort=GENTLE_EFFORT if gentle else (d.effort or MODERATE_EFFORT),
    )


def base_dose(
    exercise: Exercise,
    *,
    gentle: bool = False,
    age: int | None = None,
    hold_step: int = 0,
    load_step: int = 0,
) -> DoseChoice:
    """The starting dose of ``exercise`` for this person (``load_step``: a strength move's
    earned step, see ``supple.planner.steps``)."""
    d = exercise.dose
    if exercise.kind == "strength" and d.hold_s is not None:
        return _strength_dose(exercise, gentle=gentle, load_step=load_step)
    reps = max(1, d.reps - 1) if gentle else d.reps
    rest = min(d.rest_s, MAX_REST_S)
    if d.hold_s is None:
        return DoseChoice(None, d.duration_s, reps, 1 if gentle else d.sets, rest)
    lo, hi = d.hold_min_s or d.hold_s, d.hold_max_s or d.hold_s
    hold = d.hold_s
    if exercise.kind == "stretch":
        # ACSM's hold advice is for stretches; strength moves progress by their variants.
        older = age is not None and age >= OLDER_ADULT_AGE
        if older:
            hold = max(hold, OLDER_ADULT_HOLD_S)
        ceiling = max(hold, OLDER_ADULT_MAX_HOLD_S if older else ADULT_MAX_HOLD_S)
        hold = min(hold + HOLD_STEP_S * hold_step, ceiling)
    if gentle:
        hold = round(hold * GENTLE_HOLD_SHARE)
    hold = min(max(hold, lo), hi)
    sets = 1 if gentle else d.sets
    return DoseChoice(hold, None, _capped_reps(exercise, hold, reps, sets), sets, rest)


def ladder(
    exercise: Exercise, base: DoseChoice, *, gentle: bool = False, older: bool = False
) -> list[DoseChoice]:
    """Doses from shortest to longest around ``base`` (which is in the list), for time fitting.

    Held moves keep holds long before cutting them (30 s beats 15 s, Bandy 1997) and add
    repetitions before holding past 30 s (60 s adds nothing over 30 s; 30-60 s from 65,
    ACSM). Going down: repetitions down to 2, then shorter holds (to the safe minimum), then
    one repetition, then fewer sets. Going up: longer holds up to 30 s (60 s for older
    adults, never past the safe maximum), then one more repetition, then more sets, stopping
    where a static stretch would pass ACSM's caps. Gentle mode never lengthens holds nor adds
    repetitions or sets.
    """
    d = exercise.dose
    max_sets = base.sets if gentle else max(base.sets, MAX_SETS)
    if exercise.kind == "strength" and base.hold_s is not None:
        return _strength_ladder(base, max_sets)
    max_reps = base.reps if gentle else max(base.reps, min(30, d.reps + 1))
    if base.duration_s is not None and exercise.script:
        return _track_ladder(exercise, base)
    if base.duration_s is not None:
        top = MAX_RELAX_S if exercise.kind == "relaxation" else min(MAX_FLOW_S, 3 * base.duration_s)
        bottom = max(10, base.duration_s // 2)
        down = [
            replace(base, duration_s=s) for s in range(base.duration_s, bottom - 1, -FLOW_STEP_S)
        ]
        up = [replace(base, duration_s=s) for s in range(base.duration_s, top + 1, FLOW_STEP_S)]
        longest = up[-1]
        up += [replace(longest, sets=k) for k in range(base.sets + 1, max_sets + 1)]
        shortest = down[-1]
        down += [replace(shortest, sets=k) for k in range(base.sets - 1, 0, -1)]
        return _ordered(down, up)
    assert base.hold_s is not None
    lo = min(d.hold_min_s or base.hold_s, base.hold_s)
    cap = OLDER_ADULT_MAX_HOLD_S if older else ADULT_MAX_HOLD_S
    soft = base.hold_s if gentle else min(d.hold_max_s or base.hold_s, max(base.hold_s, cap))
    keep = min(base.reps, 2)
    down = [base, *(replace(base, reps=r) for r in range(base.reps - 1, keep - 1, -1))]
    down += [replace(base, reps=keep, hold_s=h) for h in _steps(base.hold_s, lo)[1:]]
    down += [replace(base, reps=r, hold_s=lo) for r in range(keep - 1, 0, -1)]
    down += [replace(base, reps=1, hold_s=lo, sets=k) for k in range(base.sets - 1, 0, -1)]
    up = [replace(base, hold_s=h) for h in _steps(base.hold_s, soft)]
    up += [replace(base, hold_s=soft, reps=r) for r in range(base.reps + 1, max_reps + 1)]
    up += [
        replace(base, hold_s=soft, reps=max_reps, sets=k)
        for k in range(base.sets + 1, max_sets + 1)
    ]
    return _ordered(down, list(takewhile(lambda step: within_caps(exercise, step), up)))


def _track_ladder(exercise: Exercise, base: DoseChoice) -> list[DoseChoice]:
    """A guided track keeps close to the length its script was written for (the body scan:
    4 minutes, 3 to 5), so its lines stay well spaced."""
    length = exercise.dose.duration_s or base.duration_s or 0
    low, high = round(length * TRACK_STRETCH[0]), round(length * TRACK_STRETCH[1])
    return [replace(base, duration_s=s) for s in range(low, high + 1, FLOW_STEP_S)]


def walk_ladder(base: DoseChoice) -> list[DoseChoice]:
    """The lengths of the walk that opens an acute routine, shortest first (2 to 5 minutes)."""
    from supple.planner.composition import ACUTE_WALK_RANGE_S

    low, high = ACUTE_WALK_RANGE_S
    return [replace(base, duration_s=s) for s in range(low, high + 1, FLOW_STEP_S)]


def _strength_ladder(base: DoseChoice, max_sets: int) -> list[DoseChoice]:
    """A strength move's doses: its repetitions and sets are the prescription (progression
    moves them, not the clock), so time is fitted only by adding sets; when a session is short
    the planner chooses fewer moves instead of fewer repetitions."""
    return [base, *(replace(base, sets=k) for k in range(base.sets + 1, max_sets + 1))]


def _steps(start: int, end: int) -> list[int]:
    """``start``, then 5 s steps towards ``end`` (always ending exactly at ``end``)."""
    if end == start:
        return [start]
    sign = 1 if end > start else -1
    values = list(range(start, end, sign * HOLD_STEP_S))
    return [*values, end]


def _ordered(down: list[DoseChoice], up: list[DoseChoice]) -> list[DoseChoice]:
    # down[0] and up[0] are both the base dose.
    return [*reversed(down[1:]), *up]
