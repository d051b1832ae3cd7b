"""The screening questions as web steps, and the form answers turned into a Profile.

The questions are the domain's own (``supple.safety.questions``, the ones ``supple check``
asks), grouped into steps; the rules that judge the answers are the domain's too
(``supple.safety.screen``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from supple.app.screening import suggested_answers
from supple.safety.profile import Profile
from supple.safety.questions import QUESTIONS, RED_FLAG_QUESTIONS, Question

RED_FLAGS = dict(RED_FLAG_QUESTIONS)
MULTI = ("pain_areas", "eases_with", "worse_with", "red_flags", "conditions", "equipment")
BOOLS = ("can_get_to_floor", "can_kneel", "can_lie_on_front")


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
    Step("where", "Where it hurts", ("pain_areas",)),
    Step("how", "How it is", ("pain_now", "pain_weeks")),
    Step("moves", "What helps, what hurts", ("eases_with", "worse_with")),
    Step("flags", "A safety check", ("red_flags",)),
    Step("health", "Your health", ("conditions", "pregnancy_weeks", "age")),
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


def profile_from_form(form: Mapping[str, Sequence[str]]) -> Profile:
    """Build a Profile from the screening form (multi-valued fields are lists)."""
    data: dict[str, Any] = {name: list(form.get(name, [])) for name in MULTI}
    for flag in RED_FLAGS:  # each red flag is its own yes/no question
        if (form.get(f"flag_{flag}") or ["no"])[-1] == "yes" and flag not in data["red_flags"]:
            data["red_flags"].append(flag)
    if not data["pain_areas"]:
        data["pain_areas"] = list(SUGGESTED["pain_areas"])
    for name in BOOLS:
        values = form.get(name, ["yes"])
        data[name] = (values[-1] if values else "yes") != "no"
    for name, convert in (
        ("pain_now", _int),
        ("pain_weeks", _float),
        ("age", _int),
        ("pregnancy_weeks", _int),
        ("minutes", _int),
    ):
        values = form.get(name, [])
        value = convert(values[-1] if values else None, name)
        if value is not None:
            data[name] = value
    if data.get("pregnancy_weeks") is not None and "pregnancy" not in data["conditions"]:
        data.pop("pregnancy_weeks")  # a stray number left in a hidden box is not a contradiction
    try:
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
