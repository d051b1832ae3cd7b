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

from supple.app.errors import Conflict, NotFound, Refused
from supple.app.lessons import choose, lesson_ref
from supple.app.ports import Records
from supple.app.screening import judge, saved_profile, with_minutes
from supple.app.walking import target as walk_target
from supple.library.lessons import load_lessons
from supple.library.model import Exercise
from supple.planner import timing
from supple.planner.adjust import NO_ADJUSTMENTS, Adjustments
from supple.planner.dose import base_dose
from supple.planner.model import LessonRef, Plan, WalkTarget
from supple.planner.order import position_key
from supple.planner.phrase import phrase
from supple.planner.plan import make_plan, plan_item
from supple.planner.program import Programme, make_program
from supple.planner.substitute import Substitution, Variant
from supple.presentation import render_plan, render_programme
from supple.safety import all_rulings, load_rules, rule_out
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


def _recent_and_learned(
    store: Records, library: Mapping[str, Exercise], today: date
) -> tuple[TrackingInput, Adjustments]:
    """The records of the window and what tracking learned from them and the summaries, read
    together (one connection, one batch of queries)."""
    records, digest = store.tracking_window(today, since=today - timedelta(days=RECENT_DAYS))
    return records, readout.adjustments(digest, records, library)


def learned(*, store: Records, library: Mapping[str, Exercise], today: date) -> Adjustments:
    """What tracking learned from the person's feedback and pain, for the planner (read from
    the summaries the store keeps up to date and the recent records)."""
    return _recent_and_learned(store, library, today)[1]


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
    if learn:
        records, adjustments = _recent_and_learned(store, library, today)
    else:
        records, adjustments = recent_records(store, today), NO_ADJUSTMENTS
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
    swapped = req.substitution(library).swap_all(plan, dict(req.swaps))
    return render_plan(regroup(swapped, library) if req.swaps else swapped)


def regroup(plan: Plan, library: Mapping[str, Exercise]) -> Plan:
    """``plan`` in an order that gets down to the floor once, when a swap broke that.

    A swap puts a floor move where a standing one was (or the other way round); the moves
    between the warm-up and the cool-down are then grouped by position again, as the planner
    orders them, and the advice says so.
    """
    positions = [i.position for i in plan.items]
    if timing.floor_moves(positions)[0] <= 1:
        return plan
    items = list(plan.items)
    head = 0
    while head < len(items) and library[items[head].exercise].kind == "warm_up":
        head += 1
    tail = len(items)
    if tail > head and library[items[-1].exercise].kind == "relaxation":
        tail -= 1
    middle = sorted(items[head:tail], key=lambda i: position_key(i.position))
    ordered = [*items[:head], *middle, *items[tail:]]
    if timing.floor_moves([i.position for i in ordered])[0] >= timing.floor_moves(positions)[0]:
        return plan
    note = phrase("swap_regrouped")
    return plan.model_copy(
        update={
            "items": ordered,
            "total_seconds": timing.total_seconds(ordered),
            "advice_codes": [*plan.advice_codes, note],
        }
    )


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


def single(
    *, store: Records, library: Mapping[str, Exercise], exercise_id: str, today: date
) -> Plan:
    """A routine of one move from the library, dosed for the person as the planner would.

    NoProfile before the first screening; Conflict when the answers call for a check first;
    Refused when the person's answers or feedback leave the move out (the reason says why).
    """
    req = request(store=store, library=library, today=today)
    if not judge(req.profile, today=today).can_exercise:
        raise Conflict("your answers say to get checked first, so no routine is given yet")
    return solo(library[exercise_id], req.profile, req.adjustments)


def solo(exercise: Exercise, profile: Profile, adjustments: Adjustments = NO_ADJUSTMENTS) -> Plan:
    """The routine of ``exercise`` alone for ``profile`` (Refused when it is left out)."""
    rules = load_rules()
    ruling = rule_out(exercise, profile, rules)
    if ruling is not None:
        raise Refused(f"{exercise.name} is left out for you: it {ruling.sentence}")
    if exercise.avoid:
        raise Refused(f"Supple never gives {exercise.name}: {exercise.avoid}")
    if exercise.id in adjustments.leave_out:
        reason = adjustments.leave_out[exercise.id]
        raise Refused(f"{exercise.name} is left out after your feedback: {reason}")
    dose = base_dose(
        exercise, gentle=rules.gentle(profile), age=profile.age, hold_step=adjustments.hold_step
    )
    why = [phrase("chosen_alone"), phrase("purpose", text=exercise.purpose)]
    item = plan_item(exercise, dose, why)
    plan = Plan(
        status="plan",
        items=[item],
        total_seconds=timing.total_seconds([item]),
        advice_codes=[phrase("move_gently")],
    )
    return render_plan(plan)


def equipment_gain(
    plan: Plan, profile: Profile, library: Mapping[str, Exercise]
) -> list[tuple[str, int]]:
    """For each thing the person did not list, how many moves it alone would bring back into
    the choice (most first; only moves that nothing else leaves out)."""
    rules = load_rules()
    gains: dict[str, int] = {}
    for left_out in plan.excluded:
        exercise = library.get(left_out.exercise)
        if exercise is None:
            continue
        rulings = all_rulings(exercise, profile, rules)
        if [r.rule_id for r in rulings] != ["missing_equipment"]:
            continue
        missing = [e for e in exercise.equipment if e not in profile.equipment]
        if len(missing) == 1:
            gains[missing[0]] = gains.get(missing[0], 0) + 1
    return sorted(gains.items(), key=lambda kv: (-kv[1], kv[0]))


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
    "equipment_gain",
    "keep",
    "learned",
    "make",
    "programme",
    "regroup",
    "request",
    "saved_plan",
    "single",
    "solo",
    "todays_plan",
]
