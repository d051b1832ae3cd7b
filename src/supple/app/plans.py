"""Today's plan for a person, the swaps it allows, and the plans they keep (in words as well
as codes: a plan that leaves here is for people).

A plan is a pure function of what it is made from (:class:`PlanRequest`): the answers, what
tracking learned from the person's feedback, the day, their swaps. :func:`request` gathers that
from the store, :func:`make` makes the plan, :func:`todays_plan` does both; an adapter that keeps
plans in memory (the web) keys them by the request.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypedDict, Unpack

from supple.app.errors import Conflict, NotFound
from supple.app.lessons import choose, lesson_ref
from supple.app.ports import Records
from supple.app.screening import saved_profile, with_minutes
from supple.app.walking import target as walk_target
from supple.library.lessons import load_lessons
from supple.library.model import Exercise
from supple.planner.adjust import NO_ADJUSTMENTS, Adjustments
from supple.planner.model import LessonRef, Plan, WalkTarget
from supple.planner.plan import make_plan
from supple.planner.program import Programme, make_program
from supple.planner.substitute import Substitution, Variant
from supple.presentation import render_plan, render_programme
from supple.safety.profile import Profile
from supple.tracking import readout
from supple.tracking.adapt import RECENT_DAYS
from supple.tracking.model import TrackingInput


@dataclass(frozen=True)
class PlanRequest:
    """Everything today's plan is made from."""

    profile: Profile
    adjustments: Adjustments
    day: date
    swaps: tuple[tuple[str, str], ...] = ()
    seed: int | None = None
    #: today's lesson and walk, shown beside the routine
    lesson: LessonRef | None = None
    walk: WalkTarget | None = None

    def key(self) -> Hashable:
        """The same key for the same request (for keeping its plan in memory)."""
        return (
            self.profile.model_dump_json(),
            self.adjustments.model_dump_json(),
            self.day,
            self.swaps,
            self.seed,
            self.lesson,
            self.walk,
        )

    def substitution(self, library: Mapping[str, Exercise]) -> Substitution:
        """The swap rule for this person (their answers and what tracking learned)."""
        return Substitution(profile=self.profile, library=library, adjustments=self.adjustments)


def recent_records(store: Records, today: date) -> TrackingInput:
    """The person's records of the window tracking decides from (and every programme record:
    walks, lessons read, movement tests), so the cost does not grow with the history."""
    return store.tracking_input(today, since=today - timedelta(days=RECENT_DAYS))


def learned(
    *,
    store: Records,
    library: Mapping[str, Exercise],
    today: date,
    recent: TrackingInput | None = None,
) -> Adjustments:
    """What tracking learned from the person's feedback and pain, for the planner (read from
    the summaries the store keeps up to date and the recent records)."""
    if recent is None:
        recent = recent_records(store, today)
    return readout.adjustments(store.tracking_digest(today), recent, library)


class PlanOptions(TypedDict, total=False):
    """What a caller may choose about the plan (see :func:`request`)."""

    profile: Profile | None
    minutes: int | None
    swaps: Mapping[str, str] | None
    day: date | None
    seed: int | None
    learn: bool | None


def request(
    *,
    store: Records,
    library: Mapping[str, Exercise],
    today: date,
    profile: Profile | None = None,
    minutes: int | None = None,
    swaps: Mapping[str, str] | None = None,
    day: date | None = None,
    seed: int | None = None,
    learn: bool | None = None,
) -> PlanRequest:
    """What the person's plan for ``day`` (default ``today``) is made from.

    Their saved answers (NoProfile before the first screening), or ``profile``; what tracking
    learned from their feedback applies when ``learn`` (by default: to their saved answers, not
    to a profile given from elsewhere, such as a file). ``minutes`` refits the routine.
    """
    answers = saved_profile(store) if profile is None else profile
    if learn is None:
        learn = profile is None
    records = recent_records(store, today)
    adjustments = (
        learned(store=store, library=library, today=today, recent=records)
        if learn
        else NO_ADJUSTMENTS
    )
    return PlanRequest(
        profile=with_minutes(answers, minutes),
        adjustments=adjustments,
        day=day or today,
        swaps=tuple((swaps or {}).items()),
        seed=seed,
        lesson=lesson_ref(choose(records, load_lessons(), answers)),
        walk=walk_target(records),
    )


def make(req: PlanRequest, library: Mapping[str, Exercise]) -> Plan:
    """The plan of ``req``: the planner's routine with the person's swaps done."""
    for pair in req.swaps:
        for ident in pair:
            library[ident]  # an unknown id is UnknownExercise, with the closest ids suggested
    plan = make_plan(req.profile, library, seed=req.seed, day=req.day, adjustments=req.adjustments)
    if plan.items:
        plan = plan.model_copy(update={"lesson": req.lesson, "walk": req.walk})
    return render_plan(req.substitution(library).swap_all(plan, dict(req.swaps)))


@dataclass(frozen=True)
class TodaysPlan:
    """A plan and what it was made from."""

    request: PlanRequest
    plan: Plan


def todays_plan(
    *,
    store: Records,
    library: Mapping[str, Exercise],
    today: date,
    **options: Unpack[PlanOptions],
) -> TodaysPlan:
    """Today's plan for the person (see :func:`request` for what it is made from)."""
    req = request(store=store, library=library, today=today, **options)
    return TodaysPlan(req, make(req, library))


def programme(req: PlanRequest, library: Mapping[str, Exercise], *, weeks: int) -> Programme:
    """``weeks`` weekly routines from ``req.day``, each a little harder than the one before."""
    programme = make_program(
        req.profile,
        library,
        weeks=weeks,
        start=req.day,
        seed=req.seed,
        adjustments=req.adjustments,
    )
    return render_programme(programme)


def alternatives(
    plan: Plan, req: PlanRequest, library: Mapping[str, Exercise]
) -> dict[str, list[Variant]]:
    """For each item of ``plan``, the variants the person may swap it for."""
    return req.substitution(library).choices(plan)


def keep(*, store: Records, plan: Plan) -> int:
    """Keep a routine to play it; a referral without exercises cannot be kept (Conflict)."""
    if not plan.items:
        raise Conflict("these answers lead to a referral, not a routine: get checked first")
    return store.save_plan(plan)


def saved_plan(*, store: Records, plan_id: int) -> Plan:
    """A plan the person kept (NotFound for any other id)."""
    plan = store.find_plan(plan_id) if 1 <= plan_id < 2**31 else None
    if plan is None:
        raise NotFound(f"no plan {plan_id}")
    return plan


__all__ = [
    "PlanOptions",
    "PlanRequest",
    "TodaysPlan",
    "alternatives",
    "keep",
    "learned",
    "make",
    "programme",
    "request",
    "saved_plan",
    "todays_plan",
]
