"""make_plan: from a profile to a referral or a safe, explained, timed routine."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from supple.library.model import Exercise
from supple.planner import timing
from supple.planner.adjust import NO_ADJUSTMENTS, Adjustments
from supple.planner.advice import advice_for, programme_lines, session_minutes
from supple.planner.bias import DIRECTIONAL_AREAS, directional_bias
from supple.planner.candidates import eligible
from supple.planner.composition import mix_for
from supple.planner.direction import steer
from supple.planner.dose import DoseChoice
from supple.planner.fit import fit_doses, stretch_share_of
from supple.planner.model import Plan, PlanItem
from supple.planner.objective import Candidate, Problem, layout
from supple.planner.pathways import pathways_for
from supple.planner.phrase import Phrase, phrase
from supple.planner.problem import areas_of, build_problem
from supple.planner.search import solve
from supple.planner.why import why_for
from supple.safety.profile import Profile
from supple.safety.rules import Rules, load_rules
from supple.safety.screen import allows_routine, assess, referral_for


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
    bias, bias_why = steer(
        *directional_bias(profile),
        adj.direction,
        directional=bool(DIRECTIONAL_AREAS & set(profile.pain_areas)),
    )
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
    areas = areas_of(profile)
    paths = [path.id for path in pathways_for(profile)]
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
            pathway=paths[c.pathways[0]] if c.pathways else None,
        )
        items.append(plan_item(c.exercise, d, why))
    total = timing.total_seconds(items)
    advice = advice_for(
        profile,
        gentle=gentle,
        total=total,
        target=problem.target,
        # Safety's clearance lines come in its own words, as its referral texts do.
        notes=[
            *programme_lines(profile, mix_for(profile, problem.target // 60, gentle)),
            *(phrase("safety_note", text=line) for line in screening.notes()),
            *adj.notes,
        ],
    )
    return Plan(
        status=status,
        referral=referral,
        items=items,
        total_seconds=total,
        bias=bias,
        bias_codes=bias_why,
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


def _role(problem: Problem, c: Candidate) -> str:
    if any(c is w for w in problem.warm_ups):
        return "warm_up"
    if any(c is w for w in problem.cool_downs):
        return "cool_down"
    return "main"


def _variety_key(seed: int | None, day: date | None) -> str:
    return f"{seed if seed is not None else '-'}|{day.isoformat() if day else '-'}"


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
