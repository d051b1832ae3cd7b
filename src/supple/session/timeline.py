"""The timeline: a plan laid out second by second, with every cue at its exact offset.

A timeline is plain JSON-ready data (``Timeline.model_dump(mode="json")``): the terminal coach
and the browser player both play it. Offsets are seconds from the start of the session.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from supple.library.model import Exercise
from supple.planner import timing
from supple.planner.model import Plan, PlanItem
from supple.session import cues, script
from supple.session.cues import Cue
from supple.session.outcome import DONE_SHARE

Side = Literal["left", "right"]
SegmentKind = Literal[
    "get_ready", "hold", "rep", "flow", "rest", "switch_sides", "transition", "cool_down"
]
#: Segments where the person is working: their seconds count as "held" (a ``rep`` is one
#: repetition of a strength move with a tempo: up, hold, down).
WORK_KINDS: frozenset[str] = frozenset({"hold", "rep", "flow", "cool_down"})
#: Going back within this many seconds of an exercise's start goes to the one before.
BACK_GRACE_S = 3.0
#: Cues that sound a tone besides (or instead of) their words: counts, bells, the end.
TONE_KINDS: frozenset[str] = frozenset({"count", "bell", "end"})
#: Cues that are a sound only, never words said aloud.
SOUND_ONLY_KINDS: frozenset[str] = frozenset({"bell"})
#: Cues whose words are not shown as the cue line (a count has its own big number).
UNCAPTIONED_KINDS: frozenset[str] = frozenset({"count", "bell"})


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Segment(_Frozen):
    """One stretch of time with one job: get ready, hold, rest, switch sides, move, flow."""

    index: int = Field(ge=0, description="position of the segment in the timeline")
    item: int = Field(ge=0, description="index of the plan item it belongs to")
    exercise: str
    kind: SegmentKind
    side: Side | None = None
    rep: int = Field(ge=0, description="repetition, from 1; 0 outside the work")
    reps: int = Field(ge=1, description="repetitions per side (sets included)")
    start: float = Field(ge=0)
    duration: float = Field(gt=0)
    title: str = Field(
        default="",
        description="what is happening, in words, e.g. 'Hold — left side, 1 of 2' (empty until "
        "supple.presentation says it; its parts are kind, side, rep and reps)",
    )
    cues: list[Cue] = Field(default_factory=list)

    @property
    def end(self) -> float:
        return self.start + self.duration


class Utterance(_Frozen):
    """Words to say at ``at`` (seconds into the session), taking about ``seconds``
    (``supple.session.speech`` makes them)."""

    at: float = Field(ge=0)
    text: str
    seconds: float = Field(gt=0, description="how long saying it takes (estimated)")
    kinds: list[str] = Field(description="the kinds of the cues it says, in order")


class Easier(_Frozen):
    """The easier variant of a timeline item: its id and name."""

    exercise: str
    name: str


class TimelineItem(_Frozen):
    """One exercise of the timeline, with what the screen shows about it."""

    index: int = Field(ge=0)
    exercise: str
    name: str
    position: str
    sided: bool
    start: float = Field(ge=0)
    end: float = Field(ge=0)
    work_start: float = Field(ge=0, description="offset of its first hold or flow")
    planned_seconds: int = Field(ge=0, description="seconds of holding or flowing, both sides")
    steps: list[str]
    feel: str
    breathing: str
    easier: Easier | None = Field(
        default=None,
        description="the easier variant to offer when it hurts (the application layer fills "
        "it in with the swap rule)",
    )


class Timeline(_Frozen):
    """Every segment of a session in order, and the exercises they belong to.

    It also says how to play it, so a player (the browser's) follows it and keeps no rules of
    its own: which segments count as held, how near an exercise's start going back goes to
    the one before, and which cues sound a tone, are a sound only, or are not shown.
    """

    countdown_s: int
    total_seconds: float
    items: list[TimelineItem]
    segments: list[Segment]
    work_kinds: list[str] = Field(default_factory=lambda: sorted(WORK_KINDS))
    back_grace_s: float = BACK_GRACE_S
    tone_kinds: list[str] = Field(default_factory=lambda: sorted(TONE_KINDS))
    sound_only_kinds: list[str] = Field(default_factory=lambda: sorted(SOUND_ONLY_KINDS))
    uncaptioned_kinds: list[str] = Field(default_factory=lambda: sorted(UNCAPTIONED_KINDS))
    done_share: float = Field(
        default=DONE_SHARE,
        description="the share of the work time that makes the session count as done",
    )
    speech: list[Utterance] = Field(
        default_factory=list,
        description="what is said aloud and when (supple.session.speech fits it to the cues "
        "once they are in words); empty until then",
    )

    def all_cues(self) -> list[Cue]:
        """Every cue of the session, in time order (stable for cues at the same offset)."""
        return [cue for seg in self.segments for cue in seg.cues]

    def segment_at(self, offset: float) -> Segment | None:
        """The segment playing at ``offset`` (None once the session is over)."""
        starts = [s.start for s in self.segments]
        i = bisect_right(starts, offset) - 1
        if i < 0 or offset >= self.total_seconds:
            return None
        return self.segments[i]

    def item_at(self, offset: float) -> TimelineItem | None:
        seg = self.segment_at(offset)
        return None if seg is None else self.items[seg.item]


def build_timeline(
    plan: Plan, library: Mapping[str, Exercise], *, countdown_s: int = timing.GET_READY_S
) -> Timeline:
    """Lay ``plan`` out as a timeline of segments with their cues.

    The steps and their lengths come from :mod:`supple.planner.timing`, so with the default
    countdown the timeline lasts exactly the plan's ``total_seconds``.
    """
    builder = _Builder(countdown_s)
    previous: str | None = None
    last = len(plan.items) - 1
    for i, item in enumerate(plan.items):
        exercise = library[item.exercise]
        builder.add_item(i, item, exercise, previous, cool_down=i == last)
        previous = item.position
    return builder.finish()


_SIDES: dict[int, Side | None] = {0: None, 1: "left", 2: "right"}


class _Builder:
    def __init__(self, countdown_s: int) -> None:
        self.countdown_s = countdown_s
        self.t = 0.0
        self.segments: list[Segment] = []
        self.items: list[TimelineItem] = []

    def segment(self, **fields: Any) -> None:
        seg = Segment(index=len(self.segments), start=self.t, **fields)
        self.segments.append(seg)
        self.t = round(self.t + seg.duration, 3)

    def add_item(
        self,
        index: int,
        item: PlanItem,
        exercise: Exercise,
        came_from: str | None,
        *,
        cool_down: bool,
    ) -> None:
        start = self.t
        reps = item.reps * item.sets
        base: dict[str, Any] = {"item": index, "exercise": item.exercise, "reps": reps}
        work_start: float | None = None
        planned = 0
        for step in timing.item_segments(item, came_from):
            side = _SIDES[step.side]
            t = self.t
            if step.kind == "transition":
                move = script.into_position(item.position, came_from)
                said = cues.transition(t, step.seconds, item.name, move)
                self.segment(
                    kind="transition",
                    rep=0,
                    duration=step.seconds,
                    **base,
                    cues=said,
                )
            elif step.kind == "get_ready":
                if self.countdown_s:
                    said = cues.get_ready(t, self.countdown_s, item.name, exercise)
                    self.segment(
                        kind="get_ready",
                        rep=0,
                        duration=self.countdown_s,
                        **base,
                        cues=said,
                    )
            elif step.kind == "switch_side":
                said = cues.switch_sides(t, step.seconds, side)
                self.segment(
                    kind="switch_sides",
                    side=side,
                    rep=0,
                    duration=step.seconds,
                    **base,
                    cues=said,
                )
            elif step.kind == "rest":
                if step.between_sets:
                    said = cues.set_rest(t, step.seconds, step.rep // item.reps + 1, item.sets)
                elif item.tempo is not None:
                    said = []  # the count of the next repetition says it all
                else:
                    said = cues.rest(t, step.seconds, step.rep + 1, reps)
                self.segment(
                    kind="rest",
                    side=side,
                    rep=step.rep,
                    duration=step.seconds,
                    **base,
                    cues=said,
                )
            else:
                if work_start is None:
                    work_start = t
                first = t == work_start
                self.work(
                    item,
                    exercise,
                    side,
                    step.rep,
                    first=first,
                    cool_down=cool_down,
                    base=base,
                    first_side=step.side <= 1,
                )
                planned += step.seconds
        self.items.append(
            TimelineItem(
                index=index,
                exercise=item.exercise,
                name=item.name,
                position=item.position,
                sided=item.sided,
                start=start,
                end=self.t,
                work_start=start if work_start is None else work_start,
                planned_seconds=planned,
                steps=list(exercise.steps),
                feel=exercise.feel,
                breathing=exercise.breathing,
            )
        )

    def work(
        self,
        item: PlanItem,
        exercise: Exercise,
        side: Side | None,
        rep: int,
        *,
        first: bool,
        cool_down: bool,
        base: dict[str, Any],
        first_side: bool = True,
    ) -> None:
        relax = cool_down and exercise.kind == "relaxation"
        if item.duration_s is not None and exercise.script:
            duration = item.duration_s
            said = cues.scripted(self.t, duration, exercise)
            kind: SegmentKind = "flow"
        elif item.duration_s is not None:
            in_s = exercise.dose.breath_in_s or 3.0
            out_s = exercise.dose.breath_out_s or 3.0
            duration = item.duration_s
            said = cues.flow(self.t, duration, exercise, in_s, out_s, first=first)
            kind = "flow"
        elif item.tempo is not None:
            assert item.hold_s is not None
            duration = timing.per_rep_seconds(item)
            said = cues.tempo_rep(
                self.t,
                exercise,
                item.tempo,
                item.hold_s,
                side,
                rep=rep,
                reps=item.reps,
                first_side=first_side,
                effort=item.effort,
                total_sets=item.sets,
            )
            kind = "rep"
        else:
            assert item.hold_s is not None
            duration = item.hold_s
            said = cues.hold(self.t, duration, exercise, side, first=first, opening=rep == 1)
            kind = "hold"
        if relax:
            kind = "cool_down"
        self.segment(kind=kind, side=side, rep=rep, duration=duration, cues=said, **base)

    def finish(self) -> Timeline:
        total = self.t
        if self.segments:
            last = self.segments[-1]
            ended = [*last.cues, cues.well_done(total)]
            self.segments[-1] = last.model_copy(update={"cues": ended})
        return Timeline(
            countdown_s=self.countdown_s,
            total_seconds=total,
            items=self.items,
            segments=self.segments,
        )
