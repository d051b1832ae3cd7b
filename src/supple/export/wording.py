"""Plain words for what the exporters print: doses, lengths of time, positions, weekdays."""

from __future__ import annotations

from supple.planner.model import PlanItem

#: Where the body is, as a handout or a calendar entry says it.
POSITION_WORDS = {
    "standing": "Standing",
    "seated_chair": "On a chair",
    "seated_floor": "Sitting on the floor",
    "kneeling": "Kneeling",
    "all_fours": "On hands and knees",
    "supine": "Lying on your back",
    "prone": "Lying on your front",
    "side_lying": "Lying on your side",
}

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_TIMES = {1: "once", 2: "twice"}


def seconds_words(seconds: int) -> str:
    """A length of time as people say it: '45 seconds', '1 minute', '2 min 30 s'."""
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{minutes} min {rest} s"


def minutes_of(seconds: int) -> int:
    """Whole minutes a routine takes, rounded up so nobody is rushed."""
    return max(1, -(-seconds // 60))


def times_words(count: int) -> str:
    """'once', 'twice', '3 times'."""
    return _TIMES.get(count, f"{count} times")


def dose_words(item: PlanItem) -> str:
    """A dose as a sentence, e.g. 'Hold 20 seconds, 3 times on each side'."""
    if item.duration_s is not None:
        text = f"For {seconds_words(item.duration_s)}, slowly and steadily"
        if item.reps > 1:
            text += f", {times_words(item.reps)}"
    else:
        assert item.hold_s is not None
        text = f"Hold {seconds_words(item.hold_s)}"
        if item.reps > 1:
            text += f", {times_words(item.reps)}"
    if item.sided:
        text += " on each side"
    if item.sets > 1:
        text += f"; do all of that {times_words(item.sets)}"
    if item.rest_s and item.reps * item.sets > 1:
        text += f" (rest {seconds_words(item.rest_s)} in between)"
    return text


def short_dose(item: PlanItem) -> str:
    """A dose in a few characters for a table, e.g. '30 s hold × 3, each side'."""
    if item.duration_s is not None:
        text = f"{seconds_words(item.duration_s)}, flowing"
    else:
        text = f"{item.hold_s} s hold"
    count = item.reps * item.sets
    if count > 1:
        text += f" × {count}"
    return text + (", each side" if item.sided else "")
