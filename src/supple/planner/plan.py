"""make_plan: from a profile to a referral or a safe, explained, timed routine."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date

from supple.library.model import Exercise
from supple.planner import timing
from supple.planner.adjust import NO_ADJUSTMENTS, Adjustments
from supple.planner.advice import advice_for, session_minutes
from supple.planner.bias import directional_bias, preference
from supple.planner.candidates import eligible
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
from supple.planner.fit import fit_doses, stretch_share_of
from supple.planner.model import Bias, Plan, PlanItem
from supple.planner.objective import Candidate, Problem, area_match, layout
from supple.planner.order import position_key
from supple.planner.pathways import one_sided, pathways_for
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
#: Families chosen only when a pathway names them: pelvic-floor work helps in and after
#: pregnancy (NICE NG210), its effect on back pain itself is unproven.
PATHWAY_ONLY_FAMILIES = frozenset({"pelvic_floor"})


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
    sequence, doses = _fitted(problem, solve(problem))
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


def _fitted(problem: Problem, chosen: list[int]) -> tuple[list[Candidate], list[DoseChoice]]:
    """The routine laid out and dosed; when even the shortest stretches take more than their
    share of the time, the longest stretch is left out and the rest is fitted again."""
    cap = problem.max_stretch_share
    while True:
        sequence = layout(problem, chosen)
        doses = fit_doses(sequence, problem.target, max_stretch_share=cap)
        if cap is None or stretch_share_of(sequence, doses) <= cap:
            return sequence, doses
        stretches = [i for i in chosen if problem.candidates[i].stretch]
        chosen = [i for i in chosen if i != max(stretches, key=lambda i: problem.candidates[i].low)]


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
            jitter=_jitter(variety_key, ex.id),
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
    cool_downs = tuple(candidate(e) for e in ordered if e.kind == "relaxation")
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
        set_rest_s=dose.set_rest_s,
        tempo=dose.tempo,
        effort=dose.effort,
        seconds=dose.seconds(ex.sided),
        why_codes=why,
    )
