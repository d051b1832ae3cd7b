"""The screening answers: judged by the safety rules, kept, and changed (minutes per day)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise
from typing import Any, Literal

from supple.app.errors import NoProfile
from supple.app.ports import Records
from supple.safety import Rescreen, rescreen_due, routine_allowed, screen
from supple.safety.profile import Clearance, Profile
from supple.safety.referral import Referral
from supple.safety.screen import bout_clearances

#: The answers a person may change in the settings without answering the questions again.
SETTINGS_FIELDS = frozenset(
    {
        "minutes",
        "equipment",
        "can_get_to_floor",
        "can_kneel",
        "can_lie_on_front",
        "conditions",
        "pregnancy_weeks",
        "hip_replacement_approach",
        "hip_replacement_weeks",
        "hip_precautions_kept",
    }
)


@dataclass(frozen=True)
class Verdict:
    """What the safety rules make of a profile: go ahead, or get checked (and whether a routine
    may be given meanwhile)."""

    referral: Referral | None
    can_exercise: bool

    @property
    def status(self) -> Literal["plan", "refer"]:
        return "plan" if self.referral is None else "refer"


def judge(profile: Profile, *, today: date | None = None) -> Verdict:
    """The safety rules' verdict on ``profile`` on ``today`` (which clearances still count), the
    same for `supple check` and the web."""
    referral = screen(profile, today=today)
    allowed = referral is None or routine_allowed(profile, today=today)
    return Verdict(referral=referral, can_exercise=allowed)


def answer(
    *, store: Records, profile: Profile, at: datetime | None = None, today: date | None = None
) -> Verdict:
    """Keep the person's answers (earlier ones stay in the history) and judge them."""
    store.save_profile(profile, at=at)
    return judge(profile, today=today)


#: Answers never suggested: where it hurts, how much and for how long are the person's to give.
NOT_SUGGESTED = frozenset({"pain_areas", "pain_now", "pain_weeks", "red_flags", "cleared"})


def suggested_answers() -> dict[str, Any]:
    """The answer each question suggests, the same in the terminal and on the web: the
    profile's own defaults (household equipment, 15 minutes, yes to the abilities); None for
    what the person must answer themselves (where it hurts, how much, how long, red flags)."""
    return {
        name: None if name in NOT_SUGGESTED else field.get_default(call_default_factory=True)
        for name, field in Profile.model_fields.items()
    }


def saved_profile(store: Records) -> Profile:
    """The person's latest answers; NoProfile before the first screening."""
    profile = store.latest_profile()
    if profile is None:
        raise NoProfile("no screening answers yet: answer the questions first")
    return profile


def with_minutes(profile: Profile, minutes: int | None) -> Profile:
    """``profile`` with ``minutes`` a day instead (unchanged when None)."""
    if minutes is None or minutes == profile.minutes:
        return profile
    return Profile.model_validate({**profile.model_dump(), "minutes": minutes})


def set_minutes(*, store: Records, minutes: int, at: datetime | None = None) -> Profile:
    """Change the minutes per day, kept as a new version of the person's answers."""
    return change(store=store, answers={"minutes": minutes}, at=at)


def change(*, store: Records, answers: Mapping[str, Any], at: datetime | None = None) -> Profile:
    """Change some of the settings answers (:data:`SETTINGS_FIELDS`), kept as a new version;
    nothing is saved when nothing changes. A ValidationError names a contradiction."""
    unknown = set(answers) - SETTINGS_FIELDS
    if unknown:
        raise ValueError(f"not a setting: {', '.join(sorted(unknown))}")
    before = saved_profile(store)
    after = Profile.model_validate({**before.model_dump(), **answers})
    if after != before:
        store.save_profile(after, at=at)
    return after


def red_flags_asked(profile: Profile) -> frozenset[str]:
    """The red flags the questions ask this person about (some depend on their answers)."""
    from supple.safety.questions import QUESTIONS

    answers = profile.model_dump()
    return frozenset(q.flag for q in QUESTIONS if q.kind == "red_flag" and q.asked_if(answers))


def answer_safety(
    *,
    store: Records,
    red_flags: Iterable[str],
    cleared: Sequence[Clearance | Mapping[str, Any]] = (),
    bout: tuple[str, date] | None = None,
    at: datetime | None = None,
    today: date | None = None,
) -> Verdict:
    """Answer the red-flag questions again, keeping every other answer as it was.

    ``cleared`` are the checks of the red flags answered yes; ``bout`` (who, when) says a
    clinician checked this bout of pain, which clears the rules it matches. A check of the bout
    given before still counts (its date decides for how long).
    """
    before = saved_profile(store)
    flags = list(dict.fromkeys(red_flags))
    kept = [c for c in before.cleared if c.flag not in before.red_flags and c.flag not in flags]
    given = [c if isinstance(c, Clearance) else Clearance.model_validate(c) for c in cleared]
    data = {**before.model_dump(), "red_flags": flags, "cleared": [*kept, *given]}
    profile = Profile.model_validate(data)
    if bout is not None:
        by, on = bout
        extra = [c for c in bout_clearances(profile, by=by, on=on) if c not in kept]
        profile = Profile.model_validate({**data, "cleared": [*kept, *given, *extra]})
    return answer(store=store, profile=profile, at=at, today=today)


def _changed_fields(newer: Profile, older: Profile) -> set[str]:
    a, b = newer.model_dump(), older.model_dump()
    return {name for name in a if a[name] != b[name]}


def answered(history: Sequence[tuple[datetime, Profile]]) -> tuple[datetime, Profile] | None:
    """When the screening questions were last answered, and those answers.

    ``history`` is newest first. A version that differs from the one before only in settings
    answers (:func:`change` never saves one that is the same) is a settings change, not an
    answer to the questions.
    """
    if not history:
        return None
    for (at, newer), (_, older) in pairwise(history):
        changed = _changed_fields(newer, older)
        if not changed or changed - SETTINGS_FIELDS:
            return at, newer
    return history[-1]


def rescreen(*, store: Records, today: date) -> Rescreen:
    """Whether the red-flag questions are due again today (every 4 weeks, when pain rises or
    spreads to a new area; ``supple.safety.rescreen_due``)."""
    history = store.profile_history()
    found = answered(history)
    if found is None:
        return rescreen_due(
            answered_on=None,
            pain_at_answers=0,
            readings=(),
            areas_then=(),
            areas_now=(),
            today=today,
        )
    at, then = found
    pain = store.tracking_input(today).pain
    return rescreen_due(
        answered_on=at.astimezone().date(),
        pain_at_answers=then.pain_now,
        readings=[(p.day, p.score) for p in pain if p.moment != "after"],
        areas_then=then.pain_areas,
        areas_now=history[0][1].pain_areas,
        today=today,
    )


__all__ = [
    "SETTINGS_FIELDS",
    "Verdict",
    "answer",
    "answer_safety",
    "answered",
    "change",
    "judge",
    "red_flags_asked",
    "rescreen",
    "saved_profile",
    "set_minutes",
    "suggested_answers",
    "with_minutes",
]
