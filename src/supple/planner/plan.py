"""make_plan: from a profile to a referral or a safe, explained, timed routine."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from datetime import date

from supple.library.model import Exercise
from supple.planner import timing
from supple.planner.adjust import NO_ADJUSTMENTS, Adjustments
from supple.planner.advice import advice_for, session_minutes
from supple.planner.bias import directional_bias, preference
from supple.planner.candidates import eligible
from supple.planner.dose import OLDER_ADULT_AGE, DoseChoice, base_dose, ladder
from supple.planner.fit import fit_doses
from supple.planner.model import Bias, Plan, PlanItem
from supple.planner.objective import Candidate, Problem, area_match, layout
from supple.planner.order import position_key
from supple.planner.phrase import Phrase, phrase
from supple.planner.search import solve
from supple.planner.why import why_for
from supple.safety.profile import Profile
from supple.safety.rules import Rules, load_rules
from supple.safety.screen import allows_routine, assess, referral_for

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


def make_plan(
    profile: Profile,
    library: Mapping[str, Exercise],
    *,
    seed: int | None = None,
    day: date | None = None,
    adjustments: Adjustments | None = None,
    rules: Rules | None = None,
    keep: Collection[str] = (),
    clinician_assigned: bool = False,
) -> Plan:
    """Screen ``profile``; return a referral, or a routine chosen from ``library``.

    ``seed`` and ``day`` set the day-to-day variety (the same pair gives the same plan);
    ``day`` is also the date clearances are judged on (default: the system date);
    ``adjustments`` carries what tracking learned from the person's feedback; ``keep`` names
    moves to favour for continuity (a programme keeps last week's moves);
    ``clinician_assigned`` says a clinician set this routine, which lets a routine be given
    where a rule needs that first (under 16).
    """
    rules = rules or load_rules()
    adj = adjustments or NO_ADJUSTMENTS
    screening = assess(profile, rules, today=day)
    referral = referral_for(screening.rules)
    status = "refer" if referral else "plan"
    if referral is not None and not allows_routine(screening.rules, clinician_assigned):
        return Plan(status="refer", referral=referral)
    gentle = rules.gentle(profile)
    bias, bias_why = directional_bias(profile)
    pool = eligible(profile, library, adj, rules)
    problem = build_problem(
        profile,
        pool.exercises,
        bias,
        gentle,
        adj,
        _variety_key(seed, day),
        keep=keep,
        minutes=session_minutes(profile.minutes, gentle),
    )
    chosen = solve(problem)
    sequence = layout(problem, chosen)
    doses = fit_doses(sequence, problem.target)
    areas = _areas(profile)
    items = []
    for c, d in zip(sequence, doses, strict=True):
        role = _role(problem, c)
        stands_in = pool.stand_ins.get(c.id)
        why = why_for(
            c,
            role,
            areas,
            bias,
            pool.replaced_from.get(c.id),
            library[stands_in].name if stands_in else None,
        )
        items.append(plan_item(c.exercise, d, why))
    total = timing.total_seconds(items)
    advice = advice_for(
        profile,
        gentle=gentle,
        total=total,
        target=problem.target,
        # Safety's clearance lines come in its own words, as its referral texts do.
        notes=[*(phrase("safety_note", text=line) for line in screening.notes()), *adj.notes],
    )
    return Plan(
        status=status,
        referral=referral,
        items=items,
        total_seconds=total,
        bias=bias,
        bias_codes=[bias_why],
        gentle=gentle,
        advice_codes=advice,
        excluded=pool.excluded,
    )


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
    areas = _areas(profile)
    kept = frozenset(keep)

    def candidate(ex: Exercise) -> Candidate:
        dose = base_dose(ex, gentle=gentle, age=profile.age, hold_step=adjustments.hold_step)
        older = profile.age is not None and profile.age >= OLDER_ADULT_AGE
        steps = tuple(ladder(ex, dose, gentle=gentle, older=older))
        return Candidate(
            exercise=ex,
            dose=dose,
            ladder=steps,
            cover=tuple(area_match(ex, a) for a in areas),
            pref=preference(ex, bias),
            jitter=_jitter(variety_key, ex.id),
            kept=ex.id in kept,
            seconds=dose.seconds(ex.sided),
            low=steps[0].seconds(ex.sided),
            high=steps[-1].seconds(ex.sided),
        )

    ordered = [exercises[k] for k in sorted(exercises)]
    warm = [candidate(e) for e in ordered if e.kind == "warm_up" and not e.on_floor]
    # Standing warm-ups first, so the main block (which starts standing) needs no extra change.
    warm.sort(key=lambda c: (position_key(c.position), -(c.pref + c.jitter), c.id))
    n_warm = 2 if minutes >= TWO_WARM_UPS_FROM_MINUTES else 1
    warm_ups = tuple(warm[:n_warm])
    cool_downs = tuple(candidate(e) for e in ordered if e.kind == "relaxation")
    main = tuple(candidate(e) for e in ordered if e.kind in MAIN_KINDS)
    on_target = tuple(c for c in main if max(c.cover) >= MIN_COVER)
    target = minutes * 60
    room = sum(c.high for c in (*on_target, *warm[:2], *cool_downs))
    if len(on_target) >= MIN_ON_TARGET and room >= target:
        main = on_target
    fixed = sum(c.seconds for c in warm_ups) + min((c.seconds for c in cool_downs), default=0)
    max_items = round(max(0, target - fixed) / SECONDS_PER_MAIN_ITEM)
    index = {c.id: k for k, c in enumerate(main)}
    conflicts = set()
    for k, c in enumerate(main):
        for other in (*c.exercise.regressions, *c.exercise.progressions):
            # Variants in the same position are one move at two intensities: one is enough.
            if other in index and main[index[other]].position == c.position:
                conflicts.add((min(k, index[other]), max(k, index[other])))
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
        conflicts=frozenset(conflicts),
    )


def _areas(profile: Profile) -> list[str]:
    return list(dict.fromkeys(profile.pain_areas)) or ["lower_back"]


def _role(problem: Problem, c: Candidate) -> str:
    if any(c is w for w in problem.warm_ups):
        return "warm_up"
    if any(c is w for w in problem.cool_downs):
        return "cool_down"
    return "main"


def _variety_key(seed: int | None, day: date | None) -> str:
    return f"{seed if seed is not None else '-'}|{day.isoformat() if day else '-'}"


def _jitter(key: str, exercise_id: str) -> float:
    """A stable number in [0, 1) for this day (or seed) and move: the day's variety."""
    digest = hashlib.blake2b(f"{key}|{exercise_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def plan_item(ex: Exercise, dose: DoseChoice, why: list[Phrase]) -> PlanItem:
    """The plan item for ``ex`` at ``dose``, with its reasons."""
    return PlanItem(
        exercise=ex.id,
        name=ex.name,
        position=ex.position,
        sided=ex.sided,
        hold_s=dose.hold_s,
        duration_s=dose.duration_s,
        reps=dose.reps,
        sets=dose.sets,
        rest_s=dose.rest_s,
        seconds=dose.seconds(ex.sided),
        why_codes=why,
    )
