"""Guided sessions: begin one on a kept plan, record each event once, take the easier variant
when a move hurts, and resume one that was cut short."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from supple.app.errors import Conflict, Refused
from supple.app.plans import keep, learned, saved_plan
from supple.app.ports import Records
from supple.app.records import SessionState
from supple.library.model import Exercise
from supple.planner.model import Plan
from supple.planner.substitute import Substitution
from supple.presentation import render_plan, render_timeline
from supple.safety.profile import Profile
from supple.session import outcome, speech
from supple.session.events import SessionEvent
from supple.session.timeline import Easier, Timeline, build_timeline

#: An unfinished session older than this is closed as stopped, not left in progress.
STALE_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class Session:
    """A session under way: its id and key, and the plan it follows."""

    id: int
    key: str
    plan_id: int
    plan: Plan


def begin(*, store: Records, plan_id: int, key: str, at: datetime) -> Session:
    """Begin a session of a kept plan; the same ``key`` again gives the same session."""
    plan = saved_plan(store=store, plan_id=plan_id)
    if not plan.items:
        raise Conflict(f"plan {plan_id} has no exercises to play")
    return Session(store.begin_session(plan_id, key=key, at=at), key, plan_id, plan)


def start(*, store: Records, plan: Plan, key: str, at: datetime) -> Session:
    """Keep ``plan`` and begin a session of it."""
    plan_id = keep(store=store, plan=plan)
    return Session(store.begin_session(plan_id, key=key, at=at), key, plan_id, plan)


def check_event(plan: Plan, event: SessionEvent) -> None:
    """Refuse an item or feedback event whose index or exercise is not the plan's."""
    if event.type not in ("item", "feedback", "spread"):
        return
    if event.index >= len(plan.items):
        raise Refused(f"index: the plan has {len(plan.items)} items, no item {event.index}")
    expected = plan.items[event.index].exercise
    if event.exercise != expected:
        raise Refused(f"exercise: item {event.index} of the plan is '{expected}'")


def record(*, store: Records, session: Session, event: SessionEvent) -> bool:
    """Store one event of ``session`` (False when its key was stored before).

    The end of a session is recorded as what the work done makes it: finished when at least
    half its work time was done, stopped early otherwise (:mod:`supple.session.outcome`).
    """
    check_event(session.plan, event)
    if event.type == "end":
        held = sum(store.session_state(session.id).held_seconds.values())
        planned = outcome.work_seconds(session.plan.items)
        status = outcome.end_status(planned_s=planned, held_s=held)
        event = event.model_copy(update={"status": status})
    return store.record(session.id, event, plan_id=session.plan_id)


def close_stale(*, store: Records, now: datetime) -> int:
    """Close the sessions left in progress for more than a day as stopped; return how many."""
    return store.close_unfinished(now - STALE_AFTER, at=now)


def follow(*, store: Records, session: Session, plan: Plan) -> Session:
    """Make ``session`` follow ``plan`` from now on (kept as a new plan, in words too)."""
    plan = render_plan(plan)
    return Session(session.id, session.key, store.follow_plan(session.id, plan), plan)


def substitution(
    *,
    store: Records,
    library: Mapping[str, Exercise],
    today: date,
    profile: Profile | None = None,
) -> Substitution:
    """The swap rule for the person during a session: ``profile`` (the answers the plan was made
    from) or their saved answers (the defaults before the first screening), and what tracking
    learned about them."""
    answers = profile or store.latest_profile() or Profile()
    adjustments = learned(store=store, library=library, today=today)
    return Substitution(profile=answers, library=library, adjustments=adjustments)


def take_easier(
    *, store: Records, session: Session, index: int, substitute: Substitution
) -> Session | None:
    """Put the easier variant in right after item ``index``, which hurt; the session follows
    the new plan. None when there is no easier variant to offer."""
    if not 0 <= index < len(session.plan.items):
        raise Refused(f"index: the plan has {len(session.plan.items)} items, no item {index}")
    plan = substitute.after_hurt(session.plan, index)
    return None if plan is None else follow(store=store, session=session, plan=plan)


@dataclass(frozen=True)
class Resumed:
    """An unfinished session to continue, and where."""

    session: Session
    state: SessionState

    @property
    def next_index(self) -> int:
        return self.state.next_index

    @property
    def moves(self) -> int:
        """How many moves the session's plan has."""
        return len(self.session.plan.items)

    @property
    def moves_done(self) -> int:
        """How many moves were done or skipped before it stopped."""
        return len(self.state.done | self.state.skipped)

    @property
    def next_name(self) -> str | None:
        """The name of the move it continues with (None when every move is logged)."""
        items = self.session.plan.items
        return items[self.next_index].name if self.next_index < len(items) else None


def resume(*, store: Records) -> Resumed | None:
    """The person's latest unfinished session, or None."""
    state = store.unfinished_session()
    if state is None or state.plan is None or state.plan_id is None:
        return None
    return Resumed(Session(state.id, state.key, state.plan_id, state.plan), state)


def timeline(
    plan: Plan,
    library: Mapping[str, Exercise],
    *,
    countdown_s: int,
    substitute: Substitution | None = None,
) -> Timeline:
    """The guided session of ``plan``: segments with every cue at its offset, in words, and for
    each exercise the easier variant ``substitute`` would offer if it hurts (Conflict for a
    referral that withholds the routine: there is nothing to play)."""
    if not plan.items:
        raise Conflict("this plan has no exercises to play")
    built = render_timeline(build_timeline(plan, library, countdown_s=countdown_s))
    built = built.model_copy(update={"speech": speech.schedule(built)})
    if substitute is None:
        return built
    items = []
    for item in built.items:
        easier = substitute.easier(plan, item.index)
        offer = None if easier is None else Easier(exercise=easier.id, name=easier.name)
        items.append(item.model_copy(update={"easier": offer}))
    return built.model_copy(update={"items": items})


__all__ = [
    "Resumed",
    "Session",
    "begin",
    "check_event",
    "close_stale",
    "follow",
    "record",
    "resume",
    "start",
    "substitution",
    "take_easier",
    "timeline",
]
