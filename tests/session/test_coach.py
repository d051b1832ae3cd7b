"""The coach turns play and answers into events the moment they happen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from supple.cli.coach_view import offer_text
from supple.library.loader import Library
from supple.planner.model import Plan, PlanItem
from supple.planner.substitute import Substitution
from supple.safety.profile import Profile
from supple.session.coach import Coach
from supple.session.cues import Cue
from supple.session.events import EndEvent, FeedbackEvent, ItemEvent, PainEvent, SessionEvent
from supple.session.player import Player
from supple.session.timeline import build_timeline


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def _coach(
    plan: Plan, library: Library, replanned: list[Plan] | None = None
) -> tuple[Coach, Clock, list[SessionEvent], list[Cue]]:
    clock = Clock()
    events: list[SessionEvent] = []
    said: list[Cue] = []
    player = Player(build_timeline(plan, library), clock)
    coach = Coach(
        player,
        plan=plan,
        library=library,
        substitute=Substitution(profile=Profile(), library=library),
        record=events.append,
        say=said.append,
        countdown_s=5,
        replanned=None if replanned is None else replanned.append,
        wall=lambda: datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
    )
    player.start()
    return coach, clock, events, said


def _plan(make_item: Callable[..., PlanItem]) -> Plan:
    return Plan(
        status="plan",
        items=[make_item("lying_twist", hold_s=20), make_item("wave", duration_s=30)],
    )


def test_events_are_recorded_as_they_happen(
    library: Library, make_item: Callable[..., PlanItem]
) -> None:
    coach, clock, events, said = _coach(_plan(make_item), library)
    coach.pain("before", 4)
    assert isinstance(events[-1], PainEvent) and events[-1].score == 4
    first = coach.player.timeline.items[0]
    clock.now = 50 + first.end - 0.5
    coach.tick()
    assert len(events) == 1  # nothing yet: the first exercise is still going
    clock.now = 50 + first.end
    coach.tick()
    assert isinstance(events[-1], ItemEvent)
    assert (events[-1].index, events[-1].status, events[-1].held_seconds) == (0, "done", 40)
    assert coach.asking == 0
    coach.on_key("1")  # quick feedback on the exercise just finished
    assert isinstance(events[-1], FeedbackEvent) and events[-1].feedback == "fine"
    assert events[-1].exercise == "lying_twist" and coach.asking is None
    clock.now = 50 + coach.player.timeline.total_seconds
    coach.tick()
    coach.pain("after", 2)
    coach.finish()
    assert [e.type for e in events] == ["pain", "item", "feedback", "item", "pain", "end"]
    assert events[-1].status == "finished"
    assert len({e.key for e in events}) == len(events)
    assert said[-1].kind == "end"


def test_painful_pauses_and_offers_the_easier_variant(
    library: Library, make_item: Callable[..., PlanItem]
) -> None:
    replanned: list[Plan] = []
    coach, clock, events, _ = _coach(_plan(make_item), library, replanned)
    clock.now = 50 + coach.player.timeline.items[0].work_start + 6
    coach.tick()
    coach.on_key("4")
    assert coach.player.paused
    assert coach.variant is not None and coach.variant.id == "easy_lying"
    assert "e: try the easier Easy lying" in offer_text(coach)  # what the terminal shows
    coach.on_key("e")
    assert not coach.player.paused and coach.offer is None
    # The move that hurt stays where it was (skipped); the easier one comes in right after it.
    assert [i.exercise for i in coach.plan.items] == ["lying_twist", "easy_lying", "wave"]
    assert replanned == [coach.plan]
    assert coach.player.item is not None and coach.player.item.exercise == "easy_lying"
    clock.now += coach.player.timeline.total_seconds
    coach.tick()
    coach.finish()
    items = [e for e in events if isinstance(e, ItemEvent)]
    assert [(e.index, e.exercise, e.status) for e in items] == [
        (0, "lying_twist", "skipped"),
        (1, "easy_lying", "done"),
        (2, "wave", "done"),
    ]
    feedback = next(e for e in events if isinstance(e, FeedbackEvent))
    assert (feedback.index, feedback.exercise, feedback.feedback) == (0, "lying_twist", "painful")
    assert items[0].held_seconds == 6


def test_painful_then_skip_moves_on_at_once(
    library: Library, make_item: Callable[..., PlanItem]
) -> None:
    coach, clock, events, _ = _coach(_plan(make_item), library)
    clock.now = 50 + coach.player.timeline.items[0].work_start + 3
    coach.tick()
    coach.on_key("4")
    coach.on_key("s")
    coach.tick()
    assert coach.player.item is not None and coach.player.item.index == 1
    assert not coach.player.paused
    item = next(e for e in events if isinstance(e, ItemEvent))
    assert (item.index, item.status, item.held_seconds) == (0, "skipped", 3)


def test_quit_records_a_stopped_session(
    library: Library, make_item: Callable[..., PlanItem]
) -> None:
    coach, clock, events, _ = _coach(_plan(make_item), library)
    clock.now = 50 + coach.player.timeline.items[0].work_start + 2
    coach.tick()
    for key in ("space", "space", "b", "n", "q"):
        coach.on_key(key)
    assert coach.confirming_quit and coach.player.paused and not coach.player.quit_early
    coach.on_key("x")  # any other key: go on
    assert not coach.confirming_quit and not coach.player.paused
    coach.on_key("q")
    coach.on_key("y")
    coach.finish()
    assert coach.player.quit_early
    last = events[-1]
    assert isinstance(last, EndEvent) and last.status == "stopped"
