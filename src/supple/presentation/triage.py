"""Triage flags in words, as a clinician reads them: a short title and the reason behind it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from supple.presentation.words import join_words, plural

if TYPE_CHECKING:
    from supple.tracking.triage import Flag, FlagCode

Reason = Callable[[Mapping[str, Any]], str]


def _day(value: date) -> str:
    return value.strftime("%d %b %Y")


def _improved(p: Mapping[str, Any]) -> str:
    parts = []
    if p["pain"]:
        parts.append(f"pain is down from {p['baseline']:.1f} to {p['now']:.1f} out of 10")
    if p["psfs"]:
        parts.append(
            f"the activities they chose score {p['psfs_first']:.1f} → {p['psfs_latest']:.1f}"
        )
    return "A meaningful improvement: " + join_words(parts) + ". Time to progress or discharge?"


def _quiet(p: Mapping[str, Any]) -> str:
    if p["last"] is None:
        return f"No finished session yet, {plural(p['days'], 'day')} since they joined."
    return f"No finished session for {plural(p['days'], 'day')} (last on {_day(p['last'])})."


#: The title of each flag (short, for a badge).
TITLES: dict[FlagCode, str] = {
    "red_flag": "Red-flag answer",
    "pain_rising": "Pain rising",
    "spreading": "Leg symptoms spreading",
    "painful_twice": "A move hurts",
    "no_session": "No session for a week",
    "low_adherence": "Low adherence",
    "improved": "Improved",
}

#: Why each flag was raised, from its facts.
REASONS: dict[FlagCode, Reason] = {
    "red_flag": lambda p: (
        f"Re-screening on {_day(p['day'])} matched the referral rule {p['rule']} "
        f"({p['tier']} tier): they were told to get checked."
    ),
    "pain_rising": lambda p: (
        f"The 7-day pain average rose from {p['before']:.1f} to {p['now']:.1f} out of 10."
    ),
    "spreading": lambda p: (
        f"Leg symptoms spread further down the leg {plural(p['times'], 'time')} in 4 weeks, "
        f"during {join_words(p['exercises'])} (last on {_day(p['last'])})."
    ),
    "painful_twice": lambda p: (
        f"{p['exercise']} was rated painful {plural(p['times'], 'time')} in 4 weeks "
        f"(last on {_day(p['last'])})."
    ),
    "no_session": _quiet,
    "low_adherence": lambda p: (
        f"{p['done']} of {p['planned']} planned days done over the last {p['days']} days "
        "(under half)."
    ),
    "improved": _improved,
}


def flag_title(flag: Flag) -> str:
    """The flag's short title."""
    return TITLES[flag.code]


def flag_reason(flag: Flag, names: Mapping[str, str] | None = None) -> str:
    """Why the flag was raised, in one or two sentences (``names``: exercise id -> name)."""
    params = dict(flag.params)
    known = names or {}
    if "exercise" in params:
        params["exercise"] = known.get(params["exercise"], params["exercise"])
    if "exercises" in params:
        params["exercises"] = [known.get(e, e) for e in params["exercises"]]
    return REASONS[flag.code](params)


__all__ = ["REASONS", "TITLES", "flag_reason", "flag_title"]
