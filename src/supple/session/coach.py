"""A coached session: the player plus what the person answers, turned into events.

Front ends (the terminal coach) hand it keys and call :meth:`Coach.tick`; it emits every
:mod:`supple.session.events` event through ``record`` the moment it happens, so a crash loses
at most the exercise in progress.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from supple.library.model import Exercise
from supple.planner.model import Plan
from supple.planner.substitute import Substitution
from supple.session.cues import Cue
from supple.session.events import (
    EndEvent,
    FeedbackEvent,
    ItemEvent,
    PainEvent,
    SessionEvent,
    SpreadEvent,
)
from supple.session.feedback import FEEDBACK_KEYS
from supple.session.kinds import EndStatus, Feedback, PainMoment
from supple.session.outcome import end_status
from supple.session.player import ItemOutcome, Player
from supple.session.timeline import SOUND_ONLY_KINDS, WORK_KINDS, build_timeline

Record = Callable[[SessionEvent], object]
Say = Callable[[Cue], object]
Replanned = Callable[[Plan], object]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Coach:
    """One session being coached: cues to say, events to record, questions to ask."""

    def __init__(
        self,
        player: Player,
        *,
        plan: Plan,
        library: Mapping[str, Exercise],
        substitute: Substitution,
        record: Record,
        say: Say,
        countdown_s: int,
        replanned: Replanned | None = None,
        wall: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.player = player
        self.plan = plan
        self.library = library
        #: the planner's rule for the easier variant offered when a move hurts
        self.substitute = substitute
        self._record = record
        self._say = say
        #: told the new plan when an easier variant comes in (the session now follows it)
        self._replanned = replanned
        self._wall = wall
        self.countdown_s = countdown_s
        #: the latest cue said (not a bell), for the screen
        self.said: Cue | None = None
        #: the exercise whose optional feedback is being asked for
        self.asking: int | None = None
        #: the exercise that hurt, while "easier variant or skip" is offered
        self.offer: int | None = None
        self.variant: Exercise | None = None
        #: "stop the session?" is asked (after q), with the session paused
        self.confirming_quit = False
        #: stopped by Ctrl-C or a signal rather than by the person's q: nothing more is asked
        self.interrupted = False
        self.done = 0
        self.skipped = 0

    # -- events -------------------------------------------------------------------------

    def _event(self, kind: type[SessionEvent], **fields: object) -> None:
        self._record(kind(key=str(uuid.uuid4()), at=self._wall(), **fields))

    def pain(self, when: PainMoment, score: int) -> None:
        self._event(PainEvent, when=when, score=score)

    def spread(self, index: int) -> None:
        """Record that leg symptoms spread further down the leg during item ``index`` (the next
        plan leaves it out, with the direction it bends the spine in)."""
        item = self.player.timeline.items[index]
        self._event(SpreadEvent, index=index, exercise=item.exercise)

    def _item(self, outcome: ItemOutcome) -> None:
        self._event(
            ItemEvent,
            index=outcome.index,
            exercise=outcome.exercise,
            planned_seconds=outcome.planned_seconds,
            held_seconds=outcome.held_seconds,
            status=outcome.status,
        )
        if outcome.status == "done":
            self.done += 1
            self.asking = outcome.index
        else:
            self.skipped += 1

    # -- playing ------------------------------------------------------------------------

    def tick(self) -> list[Cue]:
        """Advance: say the due cues and record every exercise finished or skipped."""
        due = self.player.poll()
        for cue in due:
            self._say(cue)
        spoken = [c for c in due if c.kind not in SOUND_ONLY_KINDS]
        if spoken:
            self.said = spoken[-1]
        for outcome in self.player.outcomes():
            self._item(outcome)
        seg = self.player.segment
        under_way = seg is not None and seg.kind in WORK_KINDS and seg.item != self.asking
        if self.asking is not None and under_way:
            self.asking = None  # the next exercise is under way: too late to ask
        return due

    def finish(self) -> None:
        """Record what is left and the end of the session: finished, or stopped early (the
        work done decides, :func:`supple.session.outcome.end_status`)."""
        for outcome in self.player.outcomes():
            self._item(outcome)
        self._event(EndEvent, status=self.end_status())

    def end_status(self) -> EndStatus:
        """How the session ends by the work done so far."""
        items = self.player.timeline.items
        planned = sum(i.planned_seconds for i in items)
        held = sum(min(i.planned_seconds, round(self.player.held_seconds(i.index))) for i in items)
        return end_status(planned_s=planned, held_s=held)

    # -- answers ------------------------------------------------------------------------

    def feedback_target(self) -> int | None:
        """The exercise quick feedback is about: the one just finished, else the current one."""
        if self.asking is not None:
            return self.asking
        item = self.player.item
        return None if item is None else item.index

    def give_feedback(self, feedback: Feedback) -> None:
        """Record feedback; when it hurt, pause and offer the easier variant or a skip."""
        index = self.feedback_target()
        if index is None:
            return
        item = self.player.timeline.items[index]
        self._event(FeedbackEvent, index=index, exercise=item.exercise, feedback=feedback)
        self.asking = None
        if feedback == "painful":
            self.offer = index
            self.variant = self.substitute.easier(self.plan, index)
            self.player.pause()

    def take_variant(self) -> None:
        """Put the easier variant in right after the exercise that hurt, and start it.

        The exercise that hurt stays in the plan (skipped, if it was still going), so what was
        recorded for it stays true; the plan the session follows grows by the variant.
        """
        if self.offer is None or self.variant is None:
            return
        plan = self.substitute.after_hurt(self.plan, self.offer)
        if plan is not None:
            current = self.player.item
            if current is not None and current.index == self.offer:
                self.player.skip()
            self.plan = plan
            timeline = build_timeline(plan, self.library, countdown_s=self.countdown_s)
            self.player.replace(timeline, self.offer + 1)
            if self._replanned is not None:
                self._replanned(plan)
        self.close_offer()

    def skip_hurting(self) -> None:
        """Skip the exercise that hurt if it is still going, and go on."""
        if self.offer is None:
            return
        item = self.player.item
        if item is not None and item.index == self.offer:
            self.player.skip()
        self.close_offer()

    def close_offer(self) -> None:
        self.offer = self.variant = None
        self.player.resume()

    def ask_quit(self) -> None:
        """Pause and ask whether to stop the session (q); :meth:`on_key` takes the answer."""
        self.confirming_quit = True
        self.player.pause()

    def answer_quit(self, stop: bool) -> None:
        """Stop the session (what was done stays recorded), or go on where it was."""
        self.confirming_quit = False
        if stop:
            self.player.quit()
        else:
            self.player.resume()

    def on_key(self, key: str) -> None:
        """Act on one key: space, right/n, left/b, r, q (asks first, y stops), 1-4, and e/s
        while an offer is open."""
        if self.confirming_quit:
            self.answer_quit(key in ("y", "q"))
        elif self.offer is not None and key in ("e", "s", "space"):
            {"e": self.take_variant, "s": self.skip_hurting, "space": self.close_offer}[key]()
        elif key == "space":
            self.player.toggle_pause()
        elif key in ("right", "n"):
            self.player.skip()
        elif key in ("left", "b"):
            self.player.back()
        elif key == "r":
            self.player.repeat()
        elif key == "q":
            self.ask_quit()
        elif key in FEEDBACK_KEYS:
            self.give_feedback(FEEDBACK_KEYS[key])
