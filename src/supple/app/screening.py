"""The screening answers: judged by the safety rules, kept, and changed (minutes per day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from supple.app.errors import NoProfile
from supple.app.ports import Records
from supple.safety import routine_allowed, screen
from supple.safety.profile import Profile
from supple.safety.referral import Referral


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


def suggested_answers() -> dict[str, Any]:
    """The answer each question suggests, the same in the terminal and on the web: the
    profile's own defaults (lower back, pain 3, two weeks, household equipment, 15 minutes)."""
    return {
        name: field.get_default(call_default_factory=True)
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
    profile = with_minutes(saved_profile(store), minutes)
    store.save_profile(profile, at=at)
    return profile


__all__ = [
    "Verdict",
    "answer",
    "judge",
    "saved_profile",
    "set_minutes",
    "suggested_answers",
    "with_minutes",
]
