"""The screening questions as web steps, and the form answers turned into a Profile.

The questions are the domain's own (``supple.safety.questions``, the ones ``supple check``
asks), grouped into steps; the rules that judge the answers are the domain's too
(``supple.safety.screen``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from supple.app.screening import suggested_answers
from supple.safety.profile import Profile
from supple.safety.questions import (
    CLEARANCE_BY,
    CLEARANCE_BY_DEFAULT,
    CLEARANCE_HINT,
    CLEARANCE_ON,
    CLEARANCE_QUESTION,
    QUESTIONS,
    RED_FLAG_QUESTIONS,
    AnswerError,
    Question,
    parse_check,
)
from supple.safety.screen import bout_clearances

__all__ = [  # the template reads the clearance words from this module too
    "CHECKED_EQUIPMENT",
    "CLEARABLE",
    "CLEARANCE_BY",
    "CLEARANCE_BY_DEFAULT",
    "CLEARANCE_HINT",
    "CLEARANCE_ON",
    "CLEARANCE_QUESTION",
    "RED_FLAGS",
    "STEPS",
    "SUGGESTED",
    "FormError",
    "Step",
    "profile_from_form",
    "readable",
]

RED_FLAGS = dict(RED_FLAG_QUESTIONS)
CLEARABLE = frozenset(q.flag for q in QUESTIONS if q.clearable)
MULTI = ("pain_areas", "eases_with", "worse_with", "red_flags", "conditions", "equipment")
BOOLS = ("can_get_to_floor", "can_kneel", "can_lie_on_front")
#: Yes/no answers that are "no" unless ticked yes.
NO_BY_DEFAULT = ("leg_pain_below_knee", "hip_precautions_kept")
HIP_DETAILS = ("hip_replacement_approach", "hip_replacement_weeks", "hip_precautions_kept")


@dataclass(frozen=True)
class Step:
    """One screen of the questionnaire: some of the domain's questions, in their order."""

    id: str
    title: str
    fields: tuple[str, ...]

    @property
    def questions(self) -> list[Question]:
        return [q for q in QUESTIONS if q.field in self.fields]


STEPS: tuple[Step, ...] = (
    Step("where", "Where it hurts", ("pain_areas", "leg_pain_below_knee")),
    Step("how", "How it is", ("pain_now", "pain_weeks")),
    Step("moves", "What helps, what hurts", ("eases_with", "worse_with")),
    Step("health", "Your health", ("conditions", "pregnancy_weeks", *HIP_DETAILS, "age")),
    Step("flags", "A safety check", ("red_flags", "cleared")),
    Step(
        "body",
        "Getting down, and what you have",
        ("can_get_to_floor", "can_kneel", "can_lie_on_front", "equipment", "minutes"),
    ),
)
#: What each answer starts as: the same suggestions `supple check` makes (the profile's defaults).
SUGGESTED = suggested_answers()
#: What the equipment boxes start with (what most homes have).
CHECKED_EQUIPMENT = frozenset(SUGGESTED["equipment"])


class FormError(ValueError):
    """Answers that do not make a valid profile; the message names the question."""


def _int(raw: str | None, name: str) -> int | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise FormError(f"{name}: '{raw}' is not a whole number") from None


def _float(raw: str | None, name: str) -> float | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return float(raw)
    except ValueError:
        raise FormError(f"{name}: '{raw}' is not a number") from None


def _last(form: Mapping[str, Sequence[str]], name: str, default: str = "") -> str:
    values = form.get(name) or [default]
    return values[-1]


def _check(form: Mapping[str, Sequence[str]], key: str, today: date) -> tuple[str, date] | None:
    """Who checked and when, if the follow-up ``key`` was answered yes."""
    if _last(form, key, "no") != "yes":
        return None
    try:
        return parse_check(by=_last(form, f"{key}_by"), on=_last(form, f"{key}_on"), today=today)
    except AnswerError as exc:
        raise FormError(f"{key}: {exc}") from None


def profile_from_form(form: Mapping[str, Sequence[str]], *, today: date | None = None) -> Profile:
    """Build a Profile from the screening form (multi-valued fields are lists).

    ``today`` (default: the system date) dates a clinician's check given without a date.
    """
    day = today or date.today()
    data: dict[str, Any] = {name: list(form.get(name, [])) for name in MULTI}
    data["cleared"] = []
    for flag in RED_FLAGS:  # each red flag is its own yes/no question
        if _last(form, f"flag_{flag}", "no") == "yes" and flag not in data["red_flags"]:
            data["red_flags"].append(flag)
            checked = _check(form, f"cleared_{flag}", day) if flag in CLEARABLE else None
            if checked is not None:
                who, on = checked
                data["cleared"].append({"flag": flag, "on": on, "by": who})
    if not data["pain_areas"]:
        data["pain_areas"] = list(SUGGESTED["pain_areas"])
    for name in BOOLS:
        data[name] = _last(form, name, "yes") != "no"
    for name in NO_BY_DEFAULT:
        data[name] = _last(form, name, "no") == "yes"
    if _last(form, "hip_replacement_approach"):
        data["hip_replacement_approach"] = _last(form, "hip_replacement_approach")
    for name, convert in (
        ("pain_now", _int),
        ("pain_weeks", _float),
        ("age", _int),
        ("pregnancy_weeks", _int),
        ("hip_replacement_weeks", _float),
        ("minutes", _int),
    ):
        values = form.get(name, [])
        value = convert(values[-1] if values else None, name)
        if value is not None:
            data[name] = value
    # Stray answers left in boxes that do not apply are not contradictions.
    if data.get("pregnancy_weeks") is not None and "pregnancy" not in data["conditions"]:
        data.pop("pregnancy_weeks")
    if "hip_replacement" not in data["conditions"]:
        for name in HIP_DETAILS:
            data.pop(name, None)
    bout = _check(form, "cleared_bout", day)
    try:
        profile = Profile.model_validate(data)
        if bout is None:
            return profile
        who, on = bout
        data["cleared"] += bout_clearances(profile, by=who, on=on)
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise FormError(readable(exc)) from None


def readable(exc: ValidationError) -> str:
    """One line naming the field and the problem."""
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"] if p != "body") or "request"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)
