"""The home directional-preference test: which moves it uses for this person, keeping its
answers, and its latest result."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from supple.app.errors import Conflict, NotFound, Refused
from supple.app.ports import Records, TrackingSource
from supple.app.screening import judge
from supple.library.model import Exercise
from supple.planner.bias import DIRECTIONAL_AREAS
from supple.safety.profile import Profile
from supple.session.events import SpreadEvent
from supple.tracking.direction_test import (
    DirectionAnswers,
    DirectionResult,
    TestPosition,
    moves_for,
    result,
)
from supple.tracking.findings import latest_test


def moves(
    *, profile: Profile, library: Mapping[str, Exercise], position: TestPosition
) -> dict[str, Exercise | None]:
    """The move each direction is tested with for ``profile`` (None: that direction is left
    out by a safety rule). Conflict when the test is not for this person: a referral without a
    routine, or pain away from the lower back and leg."""
    verdict = judge(profile)
    if not verdict.can_exercise:
        raise Conflict("your answers lead to a referral: get checked before any exercise test")
    if not DIRECTIONAL_AREAS & set(profile.pain_areas):
        raise Conflict(
            "the movement test is for pain in the lower back or down a leg; your answers name "
            "neither"
        )
    found = moves_for(profile, library, position)
    if not any(found.values()):
        raise Conflict(
            f"neither test move is safe for you {position}; try the other starting position"
        )
    return found


def record(
    *,
    store: Records,
    profile: Profile,
    library: Mapping[str, Exercise],
    answers: DirectionAnswers,
    at: datetime | None = None,
) -> DirectionResult:
    """Keep the answers of a test and return its result (Refused for a direction whose move
    is left out for this person)."""
    allowed = moves(profile=profile, library=library, position=answers.position)
    for round_ in answers.rounds:
        if allowed[round_.direction] is None:
            raise Refused(f"{round_.direction} is not tested for you: its move is left out")
    store.save_direction_test(answers.model_dump(mode="json"), at=at)
    return result(answers)


def report_spread(*, store: Records, indices: Sequence[int], at: datetime) -> list[str]:
    """Record that leg symptoms spread during the moves ``indices`` of the person's latest
    session; return the exercises named (NotFound when there is no session yet)."""
    from supple.app.sessions import Session, record

    state = store.latest_session()
    if state is None or state.plan is None or state.plan_id is None:
        raise NotFound("no session yet: this question comes after a session")
    session = Session(state.id, state.key, state.plan_id, state.plan)
    named = []
    for index in dict.fromkeys(indices):
        if not 0 <= index < len(state.plan.items):
            raise Refused(f"items: the session has {len(state.plan.items)} moves, no move {index}")
        exercise = state.plan.items[index].exercise
        event = SpreadEvent(key=str(uuid.uuid4()), at=at, index=index, exercise=exercise)
        record(store=store, session=session, event=event)
        named.append(exercise)
    return named


@dataclass(frozen=True)
class Latest:
    """The latest test: its day, its answers' result."""

    day: date
    result: DirectionResult


def latest(*, source: TrackingSource, today: date) -> Latest | None:
    """The person's latest test, or None before the first."""
    found = latest_test(source.tracking_input(today))
    return None if found is None else Latest(found[0].day, found[1])


__all__ = ["Latest", "latest", "moves", "record", "report_spread"]
