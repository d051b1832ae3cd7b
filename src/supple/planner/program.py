"""A multi-week programme: holds grow week by week and progressions are swapped in.

ACSM: hold a stretch 10-30 s (30-60 s may help older adults), about 60 s in all per stretch;
flexibility gains level off around weeks 4-5 (Gribble 1999), so from week 4 each move whose
harder variant is allowed for the person is swapped for it. Holds never leave an exercise's
safe range: the dose ladder clamps every step.
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
from supple.planner.steps import MAX_HOLD_STEP
from supple.safety.exclusions import exclusions
from supple.safety.profile import Profile
from supple.safety.referral import Referral
from supple.safety.rules import Rules, load_rules

#: From this week on, moves are swapped for their progressions (gains plateau at weeks 4-5).
PROGRESSION_FROM_WEEK = 4
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
    swaps = {} if gentle else progressions_for(profile, library, rules, adj.replace)
    out: list[Week] = []
    previous: Plan | None = None
    for week in range(1, weeks + 1):
        step = min(MAX_HOLD_STEP, adj.hold_step + week - 1)
        replace = dict(adj.replace)
        if week >= PROGRESSION_FROM_WEEK:
            replace.update(swaps)
        week_adj = adj.model_copy(update={"hold_step": step, "replace": replace})
        day = start + timedelta(days=7 * (week - 1))
        # One variety key for every week, and last week's moves favoured, so the same routine
        # visibly progresses.
        keep = [replace.get(i.exercise, i.exercise) for i in previous.items] if previous else []
        plan = make_plan(
            profile, library, seed=seed, day=start, adjustments=week_adj, rules=rules, keep=keep
        )
        if plan.status == "refer" and not plan.items:
            return Programme(status="refer", referral=plan.referral)
        out.append(
            Week(
                week=week,
                starts=day,
                hold_step=step,
                plan=plan,
                change_codes=_changes(previous, week, gentle),
            )
        )
        previous = plan
    first = out[0].plan
    return Programme(status=first.status, referral=first.referral, weeks=out)


def _changes(previous: Plan | None, week: int, gentle: bool) -> list[Phrase]:
    if previous is None:
        return [phrase("week_start")]
    notes = [phrase("week_gentle") if gentle else phrase("week_longer_holds", step_s=HOLD_STEP_S)]
    if week == PROGRESSION_FROM_WEEK and not gentle:
        notes.append(phrase("week_harder_variants"))
    return notes
