"""The small words: vocabulary terms, positions, areas, lists, clock times and doses."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supple.library.model import Effort, Exercise
    from supple.planner.model import PlanItem

#: Where a move is done, as a sentence says it.
POSITIONS = {
    "standing": "standing",
    "seated_chair": "on a chair",
    "seated_floor": "sitting on the floor",
    "kneeling": "kneeling",
    "all_fours": "on hands and knees",
    "supine": "lying on your back",
    "prone": "lying on your front",
    "side_lying": "lying on your side",
}
#: Where it hurts, as a sentence says it.
AREAS = {
    "lower_back": "lower back",
    "upper_back": "upper back",
    "neck": "neck",
    "buttock_or_leg": "buttock or leg",
    "hip": "hip",
}


def term(value: str) -> str:
    """A vocabulary value as a term a person reads (and may type back): 'seated chair'."""
    return value.replace("_", " ")


def terms(values: Iterable[str], empty: str = "none") -> str:
    """Vocabulary values as a comma-separated list of terms (``empty`` when there are none)."""
    return ", ".join(term(v) for v in values) or empty


def position(value: str) -> str:
    """Where a move is done, in words: 'on a chair', 'lying on your back'."""
    return POSITIONS.get(value, term(value))


def area(value: str) -> str:
    """A pain area in words: 'lower back'."""
    return AREAS.get(value, term(value))


def join_words(words: Sequence[str]) -> str:
    """``words`` as a phrase: 'a', 'a and b', 'a, b and c'."""
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 day', '2 days'."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def clock(seconds: float) -> str:
    """A duration as m:ss: '2:05'."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def timestamp(seconds: float) -> str:
    """A time into the session as mm:ss, for a line of the log: '03:05'."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def countdown(seconds: float) -> str:
    """Seconds left as m:ss, rounded up the way a countdown reads (29.2 s left is 0:30)."""
    return clock(math.ceil(seconds - 1e-9))


#: A hold this short is one repetition of a movement, not a hold to count.
REP_HOLD_S = 3
#: A hold at least this long is counted as a hold ("3 holds of 20 seconds").
LONG_HOLD_S = 10


def item_dose(item: PlanItem) -> str:
    """A plan item's dose: '8 repetitions, each side', '3 holds of 20 seconds', '1 minute of
    slow, steady movement', '2 sets of 10 repetitions (2 s move, 5 s hold, 2 s back), effort
    5-6/10'."""
    if item.duration_s is not None:
        text = f"{seconds_words(item.duration_s)} of slow, steady movement"
    elif item.tempo is not None:
        hold = f", {item.hold_s} s hold" if item.hold_s and item.hold_s > 1 else ""
        moves = f"{item.tempo.move_s} s move{hold}, {item.tempo.back_s} s back"
        text = f"{plural(item.reps, 'repetition')} ({moves})"
    else:
        assert item.hold_s is not None
        text = _reps_words(item.reps, item.hold_s)
    if item.sets > 1:
        text = f"{item.sets} sets of {text}"
    text += ", each side" if item.sided else ""
    if item.effort is not None:
        text += f", effort {effort_range(item.effort)}/10"
    return text


def effort_range(effort: Effort) -> str:
    """'5-6', or '6' when a clinician set one effort."""
    if effort.low == effort.high:
        return str(effort.low)
    return f"{effort.low}-{effort.high}"


def effort_sentence(effort: Effort) -> str:
    """The effort to aim for, as the coach says it."""
    aim = effort_range(effort).replace("-", " to ")
    return (
        f"Aim for an effort of {aim} out of 10: finish each set with "
        f"{effort.reserve_low} or {effort.reserve_high} more repetitions still in you."
    )


def _reps_words(reps: int, hold_s: int) -> str:
    if hold_s <= REP_HOLD_S and reps > 1:
        return plural(reps, "repetition")
    if hold_s < LONG_HOLD_S and reps > 1:
        return f"{plural(reps, 'repetition')}, holding each {seconds_words(hold_s)}"
    if reps == 1:
        return f"one hold of {seconds_words(hold_s)}"
    return f"{reps} holds of {seconds_words(hold_s)}"


def item_time(item: PlanItem) -> str:
    """How long a plan item takes, set-up, rests and both sides included: '1 min 35 s'."""
    return seconds_words(item.seconds)


def entry_dose(exercise: Exercise) -> str:
    """A library entry's usual dose with its safe range, or the pace of a flowing move."""
    dose = exercise.dose
    if dose.flowing:
        text = (
            f"{dose.duration_s} s of steady movement, breathing in for {dose.breath_in_s:g} s "
            f"and out for {dose.breath_out_s:g} s"
        )
    elif dose.hold_s is not None and dose.hold_s <= REP_HOLD_S and dose.reps > 1:
        text = plural(dose.reps, "slow repetition")
    else:
        text = f"hold {dose.hold_s} s (safe range {dose.hold_min_s}-{dose.hold_max_s} s)"
        if dose.tempo is not None:
            text = f"{dose.tempo.move_s} s to move, {text}, {dose.tempo.back_s} s back"
    if dose.reps > 1 and not text.endswith("repetitions"):
        text += f", {dose.reps} times"
    if dose.sets > 1:
        text += f", {dose.sets} sets"
    if dose.reps > 1 or dose.sets > 1:
        text += f", {dose.rest_s} s rest between"
    text += ", on each side" if exercise.sided else ""
    if exercise.kind == "strength":
        from supple.library.model import MODERATE_EFFORT

        effort = dose.effort or MODERATE_EFFORT
        text += f"; effort {effort.low}-{effort.high} of 10"
    return text


_TIMES = {1: "once", 2: "twice"}


def seconds_words(seconds: int) -> str:
    """A length of time as people say it: '45 seconds', '1 minute', '2 min 30 s'."""
    if seconds < 60:
        return plural(seconds, "second")
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return plural(minutes, "minute")
    return f"{minutes} min {rest} s"


def minutes_of(seconds: int) -> int:
    """Whole minutes a routine takes, rounded up so nobody is rushed."""
    return max(1, -(-seconds // 60))


def times_words(count: int) -> str:
    """'once', 'twice', '3 times'."""
    return _TIMES.get(count, f"{count} times")


def dose_sentence(item: PlanItem) -> str:
    """A plan item's dose as a sentence for print: 'Hold 20 seconds, 3 times on each side'."""
    if item.duration_s is not None:
        text = f"For {seconds_words(item.duration_s)}, slowly and steadily"
    elif item.tempo is not None:
        assert item.hold_s is not None
        text = (
            f"Move for {seconds_words(item.tempo.move_s)}, hold {seconds_words(item.hold_s)}, "
            f"come back over {seconds_words(item.tempo.back_s)}"
        )
    elif item.hold_s is not None and item.hold_s <= REP_HOLD_S and item.reps > 1:
        text = f"Do {plural(item.reps, 'slow repetition')}"
    else:
        assert item.hold_s is not None
        text = f"Hold {seconds_words(item.hold_s)}"
        if item.reps > 1:
            text += f", {times_words(item.reps)}"
    if item.sided:
        text += " on each side"
    if item.sets > 1:
        text += f"; do all of that {times_words(item.sets)}"
        between = item.set_rest_s if item.set_rest_s is not None else item.rest_s
        if between:
            text += f" (rest {seconds_words(between)} between sets)"
    elif item.rest_s and item.reps > 1:
        text += f" (rest {seconds_words(item.rest_s)} in between)"
    if item.effort is not None:
        text += ". " + effort_sentence(item.effort)
    return text
