"""The cues of each kind of segment, placed at exact offsets."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from supple.library.model import Effort, Exercise, Tempo
from supple.planner.phrase import Phrase, phrase
from supple.session import script

CueKind = Literal[
    "name",
    "do",
    "feel",
    "safety",
    "breathe",
    "inhale",
    "exhale",
    "halfway",
    "count",
    "switch",
    "rest",
    "bell",
    "end",
    "tempo",
    "script",
]

#: Breathing reminders come about this often during a long hold.
BREATH_EVERY_S = 10
#: A reminder is dropped when another cue is this close, so words never pile up.
MIN_GAP_S = 3.0


class Cue(BaseModel):
    """Something to say (or ring) at an exact offset: ``say`` tells what, ``text`` is its words
    once ``supple.presentation`` has said them (empty until then)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at: float = Field(ge=0, description="seconds from the start of the session")
    kind: CueKind
    say: Phrase
    text: str = Field(default="", description="the words to say or show")


def _cue(at: float, kind: CueKind, say: Phrase) -> Cue:
    return Cue(at=round(at, 3), kind=kind, say=say)


def _countdown(end: float, duration: float) -> list[Cue]:
    """'3', '2', '1' in the last three seconds, when the segment is long enough to hear them."""
    if duration < 4:
        return []
    return [_cue(end - n, "count", phrase("count", n=n)) for n in (3, 2, 1)]


def transition(start: float, duration: float, name: str, move: Phrase) -> list[Cue]:
    """Name what comes next and how to get there."""
    return [_cue(start, "name", phrase("next", name=name)), _cue(start, "do", move)]


def _main_step(exercise: Exercise) -> str:
    """The step said once the move starts: the second one (the first sets up), if there is one."""
    return exercise.steps[1] if len(exercise.steps) > 1 else exercise.steps[0]


def get_ready(start: float, duration: float, name: str, exercise: Exercise) -> list[Cue]:
    """Name the exercise, say how to set up, count down."""
    return [
        _cue(start, "name", phrase("name", name=name)),
        _cue(start, "do", phrase("step", text=exercise.steps[0])),
        *_countdown(start + duration, duration),
    ]


def hold(
    start: float,
    duration: float,
    exercise: Exercise,
    side: str | None,
    *,
    first: bool,
    opening: bool,
) -> list[Cue]:
    """Say what to do and feel, remind to breathe, mark halfway, count down, ring the bell.

    What to do is said on each side's first repetition; what to feel and the safety line once.
    """
    end = start + duration
    if opening:
        do = phrase("hold", side=side, step=_main_step(exercise))
    else:
        do = phrase("hold_again", side=side)
    said = [_cue(start, "do", do)]
    if first:
        feel_at = start + (4 if duration >= 12 else 0)
        said.append(_cue(feel_at, "feel", phrase("feel", text=exercise.feel)))
        said.append(_cue(start + 8 if duration >= 20 else feel_at, "safety", phrase("safety")))
    tail = _countdown(end, duration)
    if duration >= 10:
        said.append(_cue(start + duration / 2, "halfway", phrase("halfway")))
    if duration >= 20:
        # Fill every silence of 8 s or more, never closer than MIN_GAP_S to the next cue.
        marks = sorted({c.at for c in said + tail if c.at > start})
        prev, n = start, 0
        for mark in marks:
            while mark - prev >= 8:
                gap = mark - prev
                prev += BREATH_EVERY_S if gap > BREATH_EVERY_S + MIN_GAP_S else gap / 2
                said.append(_cue(prev, "breathe", script.breath_reminder(exercise.breathing, n)))
                n += 1
            prev = mark
    said.sort(key=lambda c: c.at)
    return [*said, *tail, _cue(end, "bell", phrase("bell"))]


def flow(
    start: float,
    duration: float,
    exercise: Exercise,
    in_s: float,
    out_s: float,
    *,
    first: bool,
) -> list[Cue]:
    """Pace a flowing move: each breath in and out is a cue with the shape to move into."""
    end = start + duration
    inhale, exhale = script.flow_shapes(exercise.steps, exercise.breathing)
    said = [_cue(start, "do", phrase("flow", step=_main_step(exercise)))]
    if first:
        said.append(_cue(start, "feel", phrase("feel", text=exercise.feel)))
        said.append(_cue(start, "safety", phrase("safety")))
    cycle = in_s + out_s
    # The first breath waits one cycle when there is an introduction to hear.
    at = start + (cycle if first else 0)
    while at < end - 3:
        said.append(_cue(at, "inhale", inhale))
        if at + in_s < end - 3:
            said.append(_cue(at + in_s, "exhale", exhale))
        at += cycle
    return [*said, *_countdown(end, duration), _cue(end, "bell", phrase("bell"))]


def tempo_rep(
    start: float,
    exercise: Exercise,
    tempo: Tempo,
    hold_s: int,
    side: str | None,
    *,
    rep: int,
    reps: int,
    first_side: bool,
    effort: Effort | None,
    total_sets: int = 1,
) -> list[Cue]:
    """Pace one repetition: its number as it starts, "hold" at the top, "and back" as it
    returns.

    The first repetition of a side says what to do; on the first side the next ones say the
    effort to aim for, what to feel and the safety line, each in place of the count; the last
    repetition of a set ends with the bell.
    """
    in_set = (rep - 1) % reps + 1
    said: list[Cue] = []
    lines: list[tuple[CueKind, Phrase]] = []
    if first_side and effort is not None:
        lines.append(("feel", phrase("effort", **effort.model_dump())))
    if first_side:
        lines += [("feel", phrase("feel", text=exercise.feel)), ("safety", phrase("safety"))]
    if rep == 1:
        step = _main_step(exercise)
        said.append(
            _cue(start, "do", phrase("reps_start", side=side, step=step, **tempo.model_dump()))
        )
    elif rep - 2 < len(lines):
        kind, line = lines[rep - 2]
        said.append(_cue(start, kind, line))
    else:
        said.append(_cue(start, "tempo", phrase("tempo_rep", n=in_set, last=in_set == reps)))
    if rep > 1 + len(lines) and hold_s >= 2:
        said.append(_cue(start + tempo.move_s, "tempo", phrase("tempo_hold")))
    back = start + tempo.move_s + hold_s
    if rep > 1:
        said.append(_cue(back, "tempo", phrase("tempo_back")))
    if in_set == reps:
        said.append(_cue(back + tempo.back_s, "bell", phrase("bell")))
    return said


def scripted(start: float, duration: float, exercise: Exercise) -> list[Cue]:
    """A guided track: each line of the script at its time, stretched to ``duration``."""
    length = exercise.dose.duration_s or duration
    scale = duration / length
    said = [
        _cue(start + line.at_s * scale, "script", phrase("script", text=line.text))
        for line in exercise.script
    ]
    # The stop sign goes in the longest pause between two lines.
    ats = [c.at for c in said] + [start + duration]
    gap = max(range(len(ats) - 1), key=lambda k: ats[k + 1] - ats[k])
    stop = _cue((ats[gap] + ats[gap + 1]) / 2, "safety", phrase("safety_relax"))
    lines = sorted([*said, stop], key=lambda c: c.at)
    return [*lines, _cue(start + duration, "bell", phrase("bell"))]


def set_rest(start: float, duration: float, next_set: int, sets: int) -> list[Cue]:
    """Rest between two sets, then count back in."""
    return [
        _cue(start, "rest", phrase("set_rest", next=next_set, sets=sets)),
        *_countdown(start + duration, duration),
    ]


def rest(start: float, duration: float, next_rep: int, reps: int) -> list[Cue]:
    """Rest between repetitions, then count back in."""
    return [
        _cue(start, "rest", phrase("rest", next=next_rep, reps=reps)),
        *_countdown(start + duration, duration),
    ]


def switch_sides(start: float, duration: float, side: str | None) -> list[Cue]:
    """Say which side comes next."""
    return [
        _cue(start, "switch", phrase("switch", side=side)),
        *_countdown(start + duration, duration),
    ]


def well_done(at: float) -> Cue:
    """The closing words of the session."""
    return _cue(at, "end", phrase("well_done"))
