"""A multi-week programme: the load grows week by week, so no two weeks are copies.

- Stretches: holds grow 5 s a week up to ACSM's range (10-30 s, 30-60 s from 65; about 60 s in
  all per stretch); flexibility gains level off around weeks 4-5 (Gribble 1999), so from week 4
  each move whose harder variant is allowed for the person is swapped for it, and again every
  three weeks while harder variants remain.
- Strength moves climb their load ladder every week (``supple.planner.steps``): more
  repetitions, then a set more, then the harder variant at its usual dose, and so on up the
  chain of variants (ACSM 2009: progressive overload; add load when the target is reached).

Holds never leave an exercise's safe range, and the stretch caps hold at every week. Gentle mode
changes nothing from week to week.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field

from supple.library.model import Exercise
from supple.planner.adjust import NO_ADJUSTMENTS, Adjustments
from supple.planner.dose import HOLD_STEP_S
from supple.planner.model import Plan
from supple.planner.phrase import Phrase, phrase
from supple.planner.plan import make_plan
from supple.planner.steps import MAX_HOLD_STEP, MAX_LOAD_STEP, REPS_PER_STEP
from supple.safety.exclusions import exclusions
from supple.safety.profile import Profile
from supple.safety.referral import Referral
from supple.safety.rules import Rules, load_rules

#: From this week on, moves are swapped for their progressions (gains plateau at weeks 4-5).
PROGRESSION_FROM_WEEK = 4
#: After week 4, stretches take their next harder variant every this many weeks.
WEEKS_PER_STRETCH_VARIANT = 3
#: A strength move climbs one rung a week: its load steps 0 to 3, then the next variant.
RUNGS = MAX_LOAD_STEP + 1
MAX_WEEKS = 26


class Week(BaseModel):
    """One week of the programme: its plan and what changed from the week before."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    week: int = Field(ge=1)
    starts: date
    hold_step: int
    plan: Plan
    changes: list[str] = Field(default_factory=list, description="what changed, in words")
    change_codes: list[Phrase] = Field(
        default_factory=list, description="the codes the words of changes are made from"
    )


class Programme(BaseModel):
    """Weeks of routines, or a referral when no routine may be given."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: str
    referral: Referral | None = None
    weeks: list[Week] = Field(default_factory=list)


def progressions_for(
    profile: Profile, library: Mapping[str, Exercise], rules: Rules, keep: Mapping[str, str]
) -> dict[str, str]:
    """For every move, the first harder variant allowed for ``profile`` (one level up at most).

    Moves already swapped in ``keep`` (the person's feedback) are left as they are.
    """
    ruled = exclusions(profile, library.values(), rules)
    swaps: dict[str, str] = {}
    for ex_id in sorted(library):
        ex = library[ex_id]
        if ex_id in keep or ex_id in ruled:
            continue
        for nxt in ex.progressions:
            if nxt in library and nxt not in ruled and library[nxt].level <= ex.level + 1:
                swaps[ex_id] = nxt
                break
    return swaps


def chains(swaps: Mapping[str, str]) -> dict[str, list[str]]:
    """For every move, its chain of harder variants: the move, its progression, that one's..."""
    out: dict[str, list[str]] = {}
    for start in swaps:
        chain = [start]
        while chain[-1] in swaps and swaps[chain[-1]] not in chain:
            chain.append(swaps[chain[-1]])
        out[start] = chain
    return out


def week_load(
    week: int, library: Mapping[str, Exercise], chain_of: Mapping[str, list[str]]
) -> tuple[dict[str, str], dict[str, int]]:
    """The swaps and strength load steps of ``week``: every week a strength move climbs one
    rung (two more repetitions, two more, a set more, then the next variant at its usual dose);
    other moves take their next variant in week 4 and every three weeks after. A move at the
    end of its chain stays on its top rung."""
    stretch_rounds = (
        0
        if week < PROGRESSION_FROM_WEEK
        else 1 + (week - PROGRESSION_FROM_WEEK) // WEEKS_PER_STRETCH_VARIANT
    )
    replace: dict[str, str] = {}
    steps: dict[str, int] = {}
    for ex_id, ex in library.items():
        chain = chain_of.get(ex_id, [ex_id])
        if ex.kind == "strength":
            rounds, rung = divmod(week - 1, RUNGS)
        else:
            rounds, rung = stretch_rounds, 0
        reached = chain[min(rounds, len(chain) - 1)]
        if reached != ex_id:
            replace[ex_id] = reached
        if library[reached].kind == "strength":
            steps[reached] = rung if rounds < len(chain) else MAX_LOAD_STEP
    return replace, {k: v for k, v in steps.items() if v}


def make_program(
    profile: Profile,
    library: Mapping[str, Exercise],
    *,
    weeks: int,
    start: date,
    seed: int | None = None,
    adjustments: Adjustments | None = None,
    rules: Rules | None = None,
) -> Programme:
    """``weeks`` weekly routines from ``start``, each a little harder than the one before."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be between 1 and {MAX_WEEKS}")
    rules = rules or load_rules()
    adj = adjustments or NO_ADJUSTMENTS
    gentle = rules.gentle(profile)
    chain_of = {} if gentle else chains(progressions_for(profile, library, rules, adj.replace))
    out: list[Week] = []
    previous: Plan | None = None
    for week in range(1, weeks + 1):
        step = min(MAX_HOLD_STEP, adj.hold_step + week - 1)
        swaps, loads = week_load(week, library, chain_of) if not gentle else ({}, {})
        replace = {**swaps, **adj.replace}
        # What the person earned counts from where the week starts, never below it.
        loads = {
            k: max(v, adj.load_steps.get(k, 0)) for k, v in {**adj.load_steps, **loads}.items()
        }
        week_adj = adj.model_copy(
            update={"hold_step": step, "replace": replace, "load_steps": loads}
        )
        day = start + timedelta(days=7 * (week - 1))
        # One variety key for every week, and last week's moves favoured, so the same routine
        # visibly progresses.
        keep = [replace.get(i.exercise, i.exercise) for i in previous.items] if previous else []
        plan = make_plan(
            profile, library, seed=seed, day=start, adjustments=week_adj, rules=rules, keep=keep
        )
        if plan.status == "refer" and not plan.items:
            return Programme(status="refer", referral=plan.referral)
        while previous is not None and _same(previous, plan):
            # The time fitting can land a climbing move on last week's dose (a set it added
            # then is the set the ladder adds now): climb one rung further, while one is left.
            climbing = [
                i.exercise
                for i in plan.items
                if library[i.exercise].kind == "strength"
                and week_adj.load_steps.get(i.exercise, 0) < MAX_LOAD_STEP
            ]
            if not climbing:
                break
            loads = {
                **week_adj.load_steps,
                climbing[0]: week_adj.load_steps.get(climbing[0], 0) + 1,
            }
            week_adj = week_adj.model_copy(update={"load_steps": loads})
            plan = make_plan(
                profile, library, seed=seed, day=start, adjustments=week_adj, rules=rules, keep=keep
            )
        out.append(
            Week(
                week=week,
                starts=day,
                hold_step=step,
                plan=plan,
                change_codes=_changes(previous, plan, week, gentle, library),
            )
        )
        previous = plan
    first = out[0].plan
    return Programme(status=first.status, referral=first.referral, weeks=out)


def _same(a: Plan, b: Plan) -> bool:
    """Whether two weeks hold the same moves at the same doses."""

    def doses(plan: Plan) -> list[tuple[object, ...]]:
        return [(i.exercise, i.hold_s, i.duration_s, i.reps, i.sets) for i in plan.items]

    return doses(a) == doses(b)


def _changes(
    previous: Plan | None,
    plan: Plan,
    week: int,
    gentle: bool,
    library: Mapping[str, Exercise],
) -> list[Phrase]:
    """What changed from last week, read from the two plans (so it is always true)."""
    if previous is None:
        return [phrase("week_start")]
    if gentle:
        return [phrase("week_gentle")]
    before = {i.exercise: i for i in previous.items}
    notes = []
    longer = [
        i
        for i in plan.items
        if i.exercise in before
        and library[i.exercise].kind == "stretch"
        and (i.hold_s or 0) > (before[i.exercise].hold_s or 0)
    ]
    if longer:
        notes.append(phrase("week_longer_holds", step_s=HOLD_STEP_S))
    swapped = [
        i for i in plan.items if i.exercise not in before and library[i.exercise].kind != "strength"
    ]
    if swapped and any(
        i.exercise in library[o].progressions for i in swapped for o in before if o in library
    ):
        notes.append(phrase("week_harder_variants"))
    more_reps, more_sets, harder = [], [], []
    for item in plan.items:
        if library[item.exercise].kind != "strength":
            continue
        old = before.get(item.exercise)
        if old is None:
            if any(item.exercise in library[o].progressions for o in before if o in library):
                harder.append(item.name)
        elif item.sets > old.sets:
            more_sets.append(item.name)
        elif item.reps > old.reps:
            more_reps.append(item.name)
    if more_reps:
        notes.append(phrase("week_more_reps", reps=REPS_PER_STEP, names=", ".join(more_reps)))
    if more_sets:
        notes.append(phrase("week_more_sets", names=", ".join(more_sets)))
    if harder:
        notes.append(phrase("week_harder_strength", names=", ".join(harder)))
    return notes or [phrase("week_same")]
