"""Typed answers to the questionnaire: numbers, choices, and a clinician's check (who, when)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from supple.safety.clearance import LAPSES_AFTER
from supple.safety.profile import Clearance
from supple.safety.question_words import CLEARANCE_BY_DEFAULT

if TYPE_CHECKING:
    from supple.safety.question import Question


class AnswerError(ValueError):
    """A typed answer that does not fit its question; the message says what to type."""


def parse_answer(question: Question, raw: str) -> Any:
    """The value of a typed answer to a number, one-of or choices question (None: skipped)."""
    text = raw.strip()
    if question.kind == "number":
        if not text and question.optional:
            return None
        try:
            value = float(text)
        except ValueError:
            raise AnswerError("Please type a number.") from None
        if not question.low <= value <= question.high:
            raise AnswerError(f"Please give a number from {question.low:g} to {question.high:g}.")
        if question.whole:
            if value != int(value):
                raise AnswerError("Please give a whole number.")
            return int(value)
        return value
    if question.kind not in ("choices", "one_of"):
        raise ValueError(f"{question.field} is answered yes or no, not typed")
    try:
        picked = [int(p) for p in text.replace(" ", ",").split(",") if p.strip()]
    except ValueError:
        raise AnswerError("Please type the numbers of your choices, like 1,3.") from None
    if any(not 1 <= p <= len(question.choices) for p in picked):
        raise AnswerError(f"Please pick numbers from 1 to {len(question.choices)}.")
    values = list(dict.fromkeys(question.choices[p - 1][0] for p in picked))
    if question.kind == "choices":
        return values
    if len(values) != 1:
        raise AnswerError(f"Please pick one number from 1 to {len(question.choices)}.")
    return values[0]


def parse_check(*, by: str, on: str, today: date) -> tuple[str, date]:
    """Who checked and when, from the typed answers (empty: a doctor or physio, today)."""
    text = on.strip()
    try:
        day = date.fromisoformat(text) if text else today
    except ValueError:
        raise AnswerError("Please give the date like 2026-03-01.") from None
    if day > today:
        raise AnswerError("That date is in the future; give the day it was checked.")
    if today - day > LAPSES_AFTER:
        raise AnswerError("A check more than 12 months ago no longer counts; answer no instead.")
    return by.strip()[:120] or CLEARANCE_BY_DEFAULT, day


def parse_clearance(flag: str, *, by: str, on: str, today: date) -> Clearance:
    """The clearance of ``flag`` from the typed 'who' and 'when' answers."""
    who, day = parse_check(by=by, on=on, today=today)
    return Clearance.model_validate({"flag": flag, "on": day, "by": who})
