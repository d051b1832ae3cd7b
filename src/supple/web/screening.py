"""The screening questions as web steps, and the form answers turned into a Profile.

The questions are the domain's own (``supple.safety.questions``, the ones ``supple check``
asks), grouped into steps; the rules that judge the answers are the domain's too
(``supple.safety.screen``). A form that does not make a profile comes back whole: every answer
as it was typed, and a plain message next to each question that needs another look.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from supple.app.screening import suggested_answers
from supple.presentation import answer_problems
from supple.presentation.screens import ANSWER_THIS, ANSWER_YES_NO, ASK_AREA, unanswered_words
from supple.safety.profile import Clearance, Profile
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
    "SAFETY",
    "SHOWN_IF",
    "STEPS",
    "SUGGESTED",
    "FormError",
    "Step",
    "as_form",
    "profile_from_form",
    "safety_from_form",
    "settings_from_form",
    "shown",
    "step_of",
]

RED_FLAGS = dict(RED_FLAG_QUESTIONS)
CLEARABLE = frozenset(q.flag for q in QUESTIONS if q.clearable)
MULTI = ("pain_areas", "eases_with", "worse_with", "conditions", "equipment")
BOOLS = ("can_get_to_floor", "can_kneel", "can_lie_on_front")
#: Yes/no answers that are "no" unless ticked yes.
NO_BY_DEFAULT = ("leg_pain_below_knee", "hip_precautions_kept")
HIP_DETAILS = ("hip_replacement_approach", "hip_replacement_weeks", "hip_precautions_kept")
NUMBERS = ("pain_now", "pain_weeks", "age", "pregnancy_weeks", "hip_replacement_weeks", "minutes")
#: Numbers that must be given (the others may be left empty).
REQUIRED_NUMBERS = ("pain_now", "pain_weeks", "minutes")


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
#: The safety step alone, asked again when the red-flag questions are due.
SAFETY: tuple[Step, ...] = tuple(s for s in STEPS if s.id == "flags")
#: What each answer starts as: the same suggestions `supple check` makes.
SUGGESTED = suggested_answers()
#: What the equipment boxes start with (what most homes have).
CHECKED_EQUIPMENT = frozenset(SUGGESTED["equipment"])


#: When a question shows on the page: the domain's ``asked_if`` as data the page can test.
#: ``field:a,b`` shows when one of those boxes is ticked; ``field>N`` when the number is above
#: N (with ``?``: or left empty); ``field>=N`` likewise. Without JavaScript every question shows.
SHOWN_IF = {
    "leg_pain_below_knee": "pain_areas:buttock_or_leg",
    "pregnancy_weeks": "conditions:pregnancy",
    "hip_replacement_approach": "conditions:hip_replacement",
    "hip_replacement_weeks": "conditions:hip_replacement",
    "hip_precautions_kept": "conditions:hip_replacement",
    **dict.fromkeys(
        (
            "flag_stroke_like_signs",
            "flag_sudden_severe_headache",
            "flag_hand_clumsiness_or_unsteady_walking",
            "flag_recent_neck_injury_or_manipulation",
            "flag_thoracic_pain_non_mechanical",
        ),
        "pain_areas:neck,upper_back",
    ),
    "flag_pulsing_abdominal_pain": "age>50?",
    "flag_pregnancy_warning_signs": "conditions:pregnancy",
    "flag_morning_stiffness_over_30_min": "pain_weeks>=13",
    "flag_pain_better_with_exercise_not_rest": "pain_weeks>=13",
}
_SPEC = re.compile(r"^(\w+)(?::([\w,]+)|(>=|>)(\d+)(\?)?)$")


def shown(spec: str, answers: Mapping[str, Any]) -> bool:
    """Whether a question with ``spec`` (see :data:`SHOWN_IF`) shows for ``answers`` (the same
    test the page's script makes)."""
    found = _SPEC.match(spec)
    if found is None:
        raise ValueError(f"not a condition: {spec!r}")
    name, values, op, number, empty_too = found.groups()
    given = answers.get(name)
    if values is not None:
        return bool(set(values.split(",")) & set(given or []))
    if given is None or given == "":
        return bool(empty_too)
    value = float(given)
    return value >= float(number) if op == ">=" else value > float(number)


def step_of(name: str) -> str:
    """The step a form field (or a problem about one) belongs to."""
    if name.startswith(("flag_", "cleared")):
        return "flags"
    return next((s.id for s in STEPS if name in s.fields), STEPS[0].id)


@dataclass
class FormError(ValueError):
    """Answers that do not make a valid profile: a plain message per question to look at."""

    problems: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return " ".join(self.problems.values())

    @property
    def step(self) -> str:
        """The first step with a problem (the one to show)."""
        order = [s.id for s in STEPS]
        return min((step_of(name) for name in self.problems), key=order.index)


Form = Mapping[str, Sequence[str]]


def _last(form: Form, name: str, default: str = "") -> str:
    values = form.get(name) or [default]
    return values[-1]


def _number(form: Form, name: str, problems: dict[str, str]) -> float | None:
    raw = _last(form, name).strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or len(raw) > 12:
        problems[name] = f"“{raw[:20]}” is not a number."
        return None
    return int(value) if value == int(value) else value


def _check(form: Form, key: str, today: date, problems: dict[str, str]) -> tuple[str, date] | None:
    """Who checked and when, if the follow-up ``key`` was answered yes."""
    if _last(form, key, "no") != "yes":
        return None
    try:
        return parse_check(by=_last(form, f"{key}_by"), on=_last(form, f"{key}_on"), today=today)
    except AnswerError as exc:
        problems[key] = str(exc)
        return None


def _flags(
    form: Form, today: date, problems: dict[str, str], answers: Mapping[str, Any]
) -> tuple[list[str], list[Clearance]]:
    """The red flags answered yes, and the checks of them; every question asked of the person
    (``answers`` decide which: :func:`asked`) must be answered."""
    flags: list[str] = []
    cleared: list[Clearance] = []
    unanswered = 0
    wanted = asked(answers)
    for flag in RED_FLAGS:  # each red flag is its own yes/no question
        answer = _last(form, f"flag_{flag}")
        if answer not in ("yes", "no"):
            if flag in wanted:
                problems[f"flag_{flag}"] = ANSWER_YES_NO
                unanswered += 1
            continue
        if answer == "yes":
            flags.append(flag)
            checked = (
                _check(form, f"cleared_{flag}", today, problems) if flag in CLEARABLE else None
            )
            if checked is not None:
                who, on = checked
                cleared.append(Clearance.model_validate({"flag": flag, "on": on, "by": who}))
    if unanswered:
        problems["red_flags"] = unanswered_words(unanswered)
    return flags, cleared


def asked(answers: Mapping[str, Any]) -> frozenset[str]:
    """The red flags asked of a person with ``answers`` (some only of some people)."""
    return frozenset(q.flag for q in QUESTIONS if q.kind == "red_flag" and q.asked_if(answers))


def safety_from_form(
    form: Form, *, today: date, answers: Mapping[str, Any]
) -> tuple[list[str], list[Clearance], tuple[str, date] | None]:
    """The red flags, their checks, and who checked this bout (if anyone), from the safety
    step alone, asked again of a person with ``answers`` (FormError when one is unanswered)."""
    problems: dict[str, str] = {}
    flags, cleared = _flags(form, today, problems, answers)
    bout = _check(form, "cleared_bout", today, problems)
    if problems:
        raise FormError(problems)
    return flags, cleared, bout


def profile_from_form(form: Form, *, today: date | None = None) -> Profile:
    """Build a Profile from the screening form (multi-valued fields are lists).

    ``today`` (default: the system date) dates a clinician's check given without a date.
    """
    day = today or date.today()
    problems: dict[str, str] = {}
    data: dict[str, Any] = {name: list(form.get(name, [])) for name in MULTI}
    if not data["pain_areas"]:
        problems["pain_areas"] = ASK_AREA
    for name in BOOLS:
        data[name] = _last(form, name, "yes") != "no"
    for name in NO_BY_DEFAULT:
        data[name] = _last(form, name, "no") == "yes"
    if _last(form, "hip_replacement_approach"):
        data["hip_replacement_approach"] = _last(form, "hip_replacement_approach")
    for name in NUMBERS:
        value = _number(form, name, problems)
        if value is not None:
            data[name] = value
        elif name in REQUIRED_NUMBERS and name not in problems:
            problems[name] = ANSWER_THIS
    if "hip_replacement" not in data["conditions"] and data.get("hip_replacement_approach") in (
        None,
        "unknown",
    ):
        data.pop("hip_replacement_approach", None)  # the choice the radio starts on
    flags, cleared = _flags(form, day, problems, data)
    data["red_flags"], data["cleared"] = flags, [c.model_dump() for c in cleared]
    bout = _check(form, "cleared_bout", day, problems)
    try:
        profile = Profile.model_validate(data)
        if bout is not None:
            who, on = bout
            data["cleared"] += bout_clearances(profile, by=who, on=on)
            profile = Profile.model_validate(data)
    except ValidationError as exc:
        for name, words in answer_problems(exc.errors()).items():
            problems.setdefault(name, words)
        raise FormError(problems) from None
    if problems:
        raise FormError(problems)
    return profile


#: The questions the settings page asks again (the rest need the whole questionnaire).
SETTINGS_QUESTIONS = (
    "equipment",
    "can_get_to_floor",
    "can_kneel",
    "can_lie_on_front",
    "conditions",
    "pregnancy_weeks",
    *HIP_DETAILS,
)


def as_form(profile: Profile) -> dict[str, list[str]]:
    """``profile``'s answers as the form would send them (to show them in the boxes)."""
    out: dict[str, list[str]] = {}
    for name, value in profile.model_dump(mode="json").items():
        if isinstance(value, list):
            out[name] = [v for v in value if isinstance(v, str)]
        elif isinstance(value, bool):
            out[name] = ["yes" if value else "no"]
        elif value is not None:
            out[name] = [f"{value:g}" if isinstance(value, int | float) else str(value)]
    return out


def settings_from_form(form: Form) -> dict[str, Any]:
    """The settings answers of the settings page's form (FormError names what to look at):
    what is unticked is cleared, and a detail typed for a box not ticked is asked about."""
    problems: dict[str, str] = {}
    conditions = list(form.get("conditions", []))
    answers: dict[str, Any] = {
        "equipment": list(form.get("equipment", [])),
        "conditions": conditions,
    }
    for name in BOOLS:
        answers[name] = _last(form, name, "yes") != "no"
    weeks = _number(form, "pregnancy_weeks", problems)
    answers["pregnancy_weeks"] = weeks
    answers["hip_replacement_approach"] = _last(form, "hip_replacement_approach", "unknown")
    answers["hip_replacement_weeks"] = _number(form, "hip_replacement_weeks", problems)
    answers["hip_precautions_kept"] = _last(form, "hip_precautions_kept", "no") == "yes"
    try:
        Profile.model_validate(answers)
    except ValidationError as exc:
        for name, words in answer_problems(exc.errors()).items():
            problems.setdefault(name, words)
    if problems:
        raise FormError(problems)
    return answers
