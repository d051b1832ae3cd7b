"""A patient's screening as their clinician reads it: each question asked and the answer in
words, the referral rules the answers match (tier, reason, source), and what the exclusion rules
or the patient's feedback leave out of the routine, each with its source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from supple.app.exports import CurrentProgramme
from supple.library.model import Exercise
from supple.safety.exclusions import exclusions
from supple.safety.profile import Profile
from supple.safety.profile_input import profile_from
from supple.safety.question import Question
from supple.safety.questions import QUESTIONS
from supple.safety.rules import load_rules
from supple.safety.screen import assess

#: Where a move left out after the patient's own feedback comes from.
FEEDBACK_SOURCE = "the patient's feedback in their sessions"


@dataclass(frozen=True)
class Answer:
    """One screening question and the patient's answer, in words."""

    question: str
    answer: str


@dataclass(frozen=True)
class FiredRule:
    """A referral rule the answers match (after clearances): how urgent, why, its source."""

    id: str
    urgency: str
    reason: str
    advice: str
    source: str
    routine_allowed: bool


@dataclass(frozen=True)
class LeftOut:
    """Moves one rule keeps out of the routine: the rule (None: the patient's feedback), what
    it says, its source and the moves' ids."""

    rule: str | None
    sentence: str
    source: str
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class ScreeningRecord:
    """The latest answers, what the safety rules make of them and what they leave out."""

    answered_at: datetime
    answers: tuple[Answer, ...]
    #: the red-flag questions answered yes
    red_flags: tuple[str, ...]
    red_flags_asked: int
    referral: tuple[FiredRule, ...]
    clearances: tuple[str, ...]
    left_out: tuple[LeftOut, ...]

    @property
    def tier(self) -> str | None:
        """The most urgent referral's urgency (None: no referral)."""
        return self.referral[0].urgency if self.referral else None


def _words(question: Question, value: Any) -> str:
    named = dict(question.choices)
    if question.kind == "choices":
        return ", ".join(named.get(v, str(v)) for v in value) if value else "none"
    if question.kind == "one_of":
        return named.get(value, str(value))
    if question.kind == "yes_no":
        return "yes" if value else "no"
    if value is None:
        return "not given"
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def answer_lines(profile: Profile) -> tuple[tuple[Answer, ...], tuple[str, ...], int]:
    """The questions asked of this patient with their answers, the red-flag questions they
    answered yes, and how many red-flag questions they were asked."""
    given = profile.model_dump()
    lines: list[Answer] = []
    yes: list[str] = []
    asked = 0
    for q in QUESTIONS:
        if not q.asked_if(given):
            continue
        if q.kind == "red_flag":
            asked += 1
            if q.flag in profile.red_flags:
                yes.append(q.text)
        elif q.kind == "clearance":
            checks = [
                f"{c.flag.replace('_', ' ')}: by {c.by} on {c.on:%d %b %Y}" for c in profile.cleared
            ]
            lines.append(Answer(q.text, "; ".join(checks) or "no"))
        else:
            lines.append(Answer(q.text, _words(q, given.get(q.field))))
    return tuple(lines), tuple(yes), asked


def left_out(
    profile: Profile, library: Mapping[str, Exercise], programme: CurrentProgramme | None
) -> tuple[LeftOut, ...]:
    """What the safety rules keep out of this patient's routine, by rule with its source; then
    what the programme leaves out after their feedback."""
    rules = load_rules()
    by_rule: dict[str, list[str]] = {}
    sentences: dict[str, str] = {}
    ruled = exclusions(profile, library.values(), rules)
    for exercise, ruling in ruled.items():
        by_rule.setdefault(ruling.rule_id, []).append(exercise)
        sentences.setdefault(ruling.rule_id, rules.exclusion(ruling.rule_id).sentence)
    found = [
        LeftOut(rule, sentences[rule], rules.exclusion(rule).source, tuple(moves))
        for rule, moves in by_rule.items()
    ]
    if programme is not None:
        feedback: dict[str, list[str]] = {}
        for e in programme.plan.excluded:
            if e.exercise not in ruled:
                feedback.setdefault(e.rule, []).append(e.exercise)
        found += [LeftOut(None, why, FEEDBACK_SOURCE, tuple(m)) for why, m in feedback.items()]
    return tuple(found)


def screening_record(
    answers: Mapping[str, Any] | None,
    answered_at: datetime | None,
    *,
    library: Mapping[str, Exercise],
    programme: CurrentProgramme | None,
    today: date,
) -> ScreeningRecord | None:
    """The screening part of the record (None before the first answers, or for answers an
    older version kept that no longer read)."""
    if answers is None or answered_at is None:
        return None
    try:
        profile = profile_from(dict(answers))
    except (ValidationError, ValueError):
        return None
    found = assess(profile, today=today)
    lines, yes, asked = answer_lines(profile)
    return ScreeningRecord(
        answered_at=answered_at,
        answers=lines,
        red_flags=yes,
        red_flags_asked=asked,
        referral=tuple(
            FiredRule(r.id, r.urgency, r.reason, r.advice, r.source, r.routine_allowed)
            for r in found.rules
        ),
        clearances=tuple(found.notes()),
        left_out=left_out(profile, library, programme),
    )


__all__ = [
    "FEEDBACK_SOURCE",
    "Answer",
    "FiredRule",
    "LeftOut",
    "ScreeningRecord",
    "answer_lines",
    "left_out",
    "screening_record",
]
