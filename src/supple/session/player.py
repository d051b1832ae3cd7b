"""Play a timeline against an injected monotonic clock.

Every cue is due at an ABSOLUTE deadline, ``origin + cue.at``, where ``origin`` is the clock
reading at which the session's offset 0 falls. Waking up late never shifts later cues, so
errors never add up. Pausing, skipping and going back move ``origin``; nothing else does.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from supple.session.cues import Cue
from supple.session.kinds import ItemStatus
from supple.session.timeline import BACK_GRACE_S, WORK_KINDS, Segment, Timeline, TimelineItem

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    """An exercise finished or skipped, with the seconds actually held."""

    index: int
    exercise: str
    planned_seconds: int
    held_seconds: int
    status: ItemStatus


class Player:
    """A session in progress: ask it for due cues; tell it pause, skip, back, repeat, quit."""

    def __init__(self, timeline: Timeline, clock: Clock, *, start_item: int = 0) -> None:
        if not 0 <= start_item <= len(timeline.items):
            raise ValueError(f"no item {start_item} in a timeline of {len(timeline.items)}")
        self._clock = clock
        self._load(timeline)
        self._start_offset = (
            timeline.items[start_item].start if start_item < len(timeline.items) else 0.0
        )
        self._origin: float | None = None
        self._paused_at: float | None = None
        self._last = self._start_offset
        self._cursor = self._first_cue_at(self._start_offset)
        self._held: dict[int, float] = {}
        self._outcomes: list[ItemOutcome] = []
        self._stopped = False

    def _load(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self._cues: list[Cue] = timeline.all_cues()
        self._ats = [c.at for c in self._cues]
        # The segment of each cue: a jump to a segment's start must not replay the bell
        # that closed the segment before it at the same offset.
        self._cue_segs = [s.index for s in timeline.segments for _ in s.cues]

    # -- reading the state -------------------------------------------------------------

    @property
    def started(self) -> bool:
        return self._origin is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def finished(self) -> bool:
        """True once the last segment has played out or the session was quit."""
        return self._stopped or self._last >= self.timeline.total_seconds

    @property
    def quit_early(self) -> bool:
        return self._stopped

    @property
    def offset(self) -> float:
        """Seconds into the session now (paused time excluded), within the timeline."""
        if self._origin is None:
            return self._start_offset
        if self._paused_at is not None:
            return self._paused_at
        return min(self._clock() - self._origin, self.timeline.total_seconds)

    @property
    def segment(self) -> Segment | None:
        return self.timeline.segment_at(self._last)

    @property
    def item(self) -> TimelineItem | None:
        return self.timeline.item_at(self._last)

    def seconds_to_next_cue(self) -> float | None:
        """How long until the next cue, or the end of the session, is due (None when paused)."""
        if self.paused or self._origin is None or self.finished:
            return None
        end = self.timeline.total_seconds
        at = self._ats[self._cursor] if self._cursor < len(self._cues) else end
        return self._origin + min(at, end) - self._clock()

    def held_seconds(self, index: int) -> float:
        """Seconds of holding or flowing played so far in item ``index``."""
        return self._held.get(index, 0.0)

    # -- playing ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the clock (at the first item, or at ``start_item`` when resuming)."""
        if self._origin is None:
            self._origin = self._clock() - self._start_offset

    def poll(self) -> list[Cue]:
        """Advance to now; return the cues that fell due since the last poll."""
        if self._origin is None or self._stopped:
            return []
        now = self.offset
        self._advance(now)
        end = self._cursor
        while end < len(self._cues) and self._ats[end] <= now:
            end += 1
        due = self._cues[self._cursor : end]
        self._cursor = end
        return due

    def outcomes(self) -> list[ItemOutcome]:
        """Take the exercises finished or skipped since the last call (to record them)."""
        taken, self._outcomes = self._outcomes, []
        return taken

    def pause(self) -> None:
        if self._origin is not None and self._paused_at is None and not self.finished:
            self._paused_at = self.offset

    def resume(self) -> None:
        if self._paused_at is not None:
            self._origin = self._clock() - self._paused_at
            self._paused_at = None

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def skip(self) -> None:
        """Leave the current exercise (recorded as skipped) and go to the start of the next."""
        item = self._current()
        if item is None:
            return
        self._record(item, "skipped")
        nxt = item.index + 1
        self._jump(self.timeline.items[nxt].start if nxt < len(self.timeline.items) else None)

    def back(self) -> None:
        """Restart this exercise, or go to the previous one when within 3 s of its start."""
        item = self._current()
        if item is None:
            return
        target = item.index
        if self._last - item.start <= BACK_GRACE_S and target > 0:
            target -= 1
        self._restart(target)

    def repeat(self) -> None:
        """Do the current exercise again from its start."""
        item = self._current()
        if item is not None:
            self._restart(item.index)

    def replace(self, timeline: Timeline, index: int) -> None:
        """Play ``timeline`` from item ``index`` (an easier variant swapped in there)."""
        self._advance(self.offset)
        offset = self._last
        self._load(timeline)
        self._last = min(offset, timeline.total_seconds)
        self._restart(index)

    def quit(self) -> None:
        """Stop; the exercise in progress counts as skipped if any of it was held."""
        item = self._current()
        if item is not None and self._held.get(item.index, 0.0) > 0:
            self._record(item, "skipped")
        self._stopped = True

    # -- inside -----------------------------------------------------------------------

    def _current(self) -> TimelineItem | None:
        if self._origin is None or self._stopped:
            return None
        self._advance(self.offset)
        return self.timeline.item_at(self._last)

    def _advance(self, to: float) -> None:
        """Count held seconds and finished exercises between the last offset and ``to``."""
        start = self._last
        if to <= start:
            return
        for seg in self.timeline.segments:
            if seg.end <= start:
                continue
            if seg.start >= to:
                break
            if seg.kind in WORK_KINDS:
                overlap = min(seg.end, to) - max(seg.start, start)
                self._held[seg.item] = self._held.get(seg.item, 0.0) + overlap
        self._last = to
        for item in self.timeline.items:
            if start < item.end <= to:
                self._record(item, "done")

    def _record(self, item: TimelineItem, status: ItemStatus) -> None:
        held = round(self._held.get(item.index, 0.0))
        self._outcomes.append(
            ItemOutcome(item.index, item.exercise, item.planned_seconds, held, status)
        )

    def _restart(self, index: int) -> None:
        for later in range(index, len(self.timeline.items)):
            self._held.pop(later, None)
        self._jump(self.timeline.items[index].start)

    def _first_cue_at(self, offset: float) -> int:
        seg = self.timeline.segment_at(offset)
        if seg is None:
            return len(self._cues)
        return max(bisect_left(self._ats, offset), bisect_left(self._cue_segs, seg.index))

    def _jump(self, target: float | None) -> None:
        """Move play to offset ``target`` (None: the end); cues from there on are due again."""
        to = self.timeline.total_seconds if target is None else target
        now = self._clock()
        self._origin = now - to
        if self._paused_at is not None:
            self._paused_at = to
        self._last = to
        self._cursor = self._first_cue_at(to)
        if target is None:
            # Skipping the last exercise: only the closing words remain, not its bell.
            ends = [i for i, c in enumerate(self._cues) if c.kind == "end"]
            self._cursor = ends[0] if ends else len(self._cues)
