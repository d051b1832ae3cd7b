"""Today's plan, assembled once for every adapter: answers, feedback, minutes, swaps, the day."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from supple.app import plans, screening
from supple.app.errors import NoProfile, NotFound
from supple.library import load_library
from supple.planner import make_plan
from supple.planner.adjust import NO_ADJUSTMENTS
from supple.planner.substitute import SwapRefused
from supple.presentation import render_plan
from supple.safety.profile import Profile
from supple.session.events import EndEvent, FeedbackEvent
from supple.store import PersonStore
from supple.tracking import adjustments_from

LIB = load_library()
TODAY = date(2026, 3, 10)


def _painful_twice(store: PersonStore, exercise: str) -> None:
    for day in (1, 2):
        at = datetime.combine(TODAY - timedelta(days=day), datetime.min.time(), UTC)
        sid = store.begin_session(None, key=uuid.uuid4().hex, at=at)
        event = FeedbackEvent(
            key=uuid.uuid4().hex, at=at, index=0, exercise=exercise, feedback="painful"
        )
        store.record(sid, event)
        store.record(sid, EndEvent(key=uuid.uuid4().hex, at=at, status="finished"))


def test_no_answers_yet(store: PersonStore) -> None:
    with pytest.raises(NoProfile, match="answer the questions"):
        plans.todays_plan(store=store, library=LIB, today=TODAY)


def test_the_persons_plan_is_the_planners_with_what_tracking_learned(store: PersonStore) -> None:
    profile = Profile(minutes=10)
    screening.answer(store=store, profile=profile)
    _painful_twice(store, "cat_cow")
    made = plans.todays_plan(store=store, library=LIB, today=TODAY, minutes=12)
    learned = adjustments_from(store.tracking_input(TODAY), LIB)
    assert learned.replace == {"cat_cow": "chair_cat_cow"}
    assert made.request.adjustments == learned
    assert made.request.profile == profile.model_copy(update={"minutes": 12})
    expected = make_plan(made.request.profile, LIB, day=TODAY, adjustments=learned)
    # Beside the planner's routine: today's lesson (the first, nothing read yet).
    assert made.plan.lesson is not None and made.plan.lesson.id == "how_back_pain_works"
    assert made.plan.model_copy(update={"lesson": None}) == render_plan(expected)
    # A profile given from elsewhere (a file) is planned as it is: this person's feedback is not
    # about it.
    given = plans.todays_plan(store=store, library=LIB, today=TODAY, profile=profile)
    assert given.request.adjustments == NO_ADJUSTMENTS


def test_swaps_and_the_same_request(store: PersonStore) -> None:
    screening.answer(store=store, profile=Profile(minutes=15))
    first = plans.todays_plan(store=store, library=LIB, today=TODAY)
    old, variants = next(iter(plans.alternatives(first.plan, first.request, LIB).items()))
    swapped = plans.todays_plan(
        store=store, library=LIB, today=TODAY, swaps={old: variants[0].exercise}
    )
    ids = [i.exercise for i in swapped.plan.items]
    assert variants[0].exercise in ids and old not in ids
    again = plans.request(store=store, library=LIB, today=TODAY, swaps={old: variants[0].exercise})
    assert again.key() == swapped.request.key() and plans.make(again, LIB) == swapped.plan
    item = next(i for i in first.plan.items if not LIB[i.exercise].regressions)
    with pytest.raises(SwapRefused, match="not a variant"):
        plans.todays_plan(store=store, library=LIB, today=TODAY, swaps={item.exercise: old})


def test_a_kept_plan_is_the_persons_own(store: PersonStore) -> None:
    screening.answer(store=store, profile=Profile(minutes=5))
    made = plans.todays_plan(store=store, library=LIB, today=TODAY)
    plan_id = plans.keep(store=store, plan=made.plan)
    assert plans.saved_plan(store=store, plan_id=plan_id) == made.plan
    for missing in (plan_id + 1, 0, -3, 2**40):
        with pytest.raises(NotFound):
            plans.saved_plan(store=store, plan_id=missing)
