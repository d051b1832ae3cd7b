"""Stratified support: who does well with self-management, and who needs more.

Ten questions on the topics of the Örebro Musculoskeletal Pain Screening Questionnaire short
form (Linton 2011), scored as it is: the length of the pain problem in ten bands (1-10) and nine
0-10 answers, three of them reversed, for a total of 1-100. The published cut-off of the short
form is 50: from 50, a high risk of the pain persisting and limiting daily life (Linton 2011).
Below it we mark 40-49 as medium (our choice: no medium band is published for the short form),
so people near the line hear that a physiotherapist could help. The questions are worded by
Supple, not copied (see docs/programme.md for the licence decision), so the cut-off is a guide,
never a diagnosis.

Low: self-management with the programme. Medium: a physiotherapist could help. High: support
from a physiotherapist or a psychologically informed programme helps most (Hill 2011: matched
care by risk group), and the lessons on worry and confidence come first. Asked at the start and
every 4 weeks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from supple.tracking.model import ScreenRecord, TrackingInput

Tier = Literal["low", "medium", "high"]


@dataclass(frozen=True, slots=True)
class Item:
    """One question: its id, its answers' range, and whether a high answer means less risk."""

    id: str
    low: int = 0
    high: int = 10
    reverse: bool = False


#: The ten questions, in the order asked (words: ``supple.presentation.questionnaire``).
ITEMS: tuple[Item, ...] = (
    Item("duration", low=1, high=10),
    Item("pain"),
    Item("light_tasks", reverse=True),
    Item("sleep", reverse=True),
    Item("tense"),
    Item("low_mood"),
    Item("persist_risk"),
    Item("normal_duties", reverse=True),
    Item("pain_means_stop"),
    Item("should_not_do_duties"),
)
ITEM_IDS: tuple[str, ...] = tuple(item.id for item in ITEMS)
#: Linton 2011: a short-form score of 50 or more marks a high risk.
HIGH_FROM = 50
#: Our choice: 40-49 is medium (near the published line).
MEDIUM_FROM = 40
#: Asked again after this many days.
EVERY_DAYS = 28
#: Items about worry and fear of movement; a 7 or more on one of them counts as high worry.
WORRY_ITEMS = ("persist_risk", "pain_means_stop", "tense")
WORRY_FROM = 7


class BadAnswers(ValueError):
    """Answers that do not fit the questions; the message names the first problem."""


def check(answers: Mapping[str, int]) -> dict[str, int]:
    """The answers in question order, each a whole number in its range (BadAnswers if not)."""
    missing = [i.id for i in ITEMS if i.id not in answers]
    if missing:
        raise BadAnswers(f"answer every question: {', '.join(missing)} is missing")
    extra = sorted(set(answers) - set(ITEM_IDS))
    if extra:
        raise BadAnswers(f"there is no question '{extra[0]}'")
    out: dict[str, int] = {}
    for item in ITEMS:
        value = answers[item.id]
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadAnswers(f"{item.id}: answer with a whole number, not {value!r}")
        if not item.low <= value <= item.high:
            raise BadAnswers(f"{item.id}: answer {item.low} to {item.high}, not {value}")
        out[item.id] = value
    return out


def score(answers: Mapping[str, int]) -> int:
    """The total, 1-100 (reversed items count 10 minus the answer)."""
    clean = check(answers)
    return sum(10 - clean[i.id] if i.reverse else clean[i.id] for i in ITEMS)


def tier_of(total: int) -> Tier:
    """The support group of a total."""
    if total >= HIGH_FROM:
        return "high"
    return "medium" if total >= MEDIUM_FROM else "low"


def worried(answers: Mapping[str, int]) -> bool:
    """Whether the answers show high worry or fear of movement (our threshold)."""
    return any(answers.get(item, 0) >= WORRY_FROM for item in WORRY_ITEMS)


@dataclass(frozen=True, slots=True)
class Screen:
    """One answered questionnaire: its day, total, group and whether worry is high."""

    day: date
    total: int
    tier: Tier
    worry: bool


def judge(record: ScreenRecord) -> Screen:
    """The questionnaire answered in ``record``, scored."""
    total = score(record.answers)
    return Screen(record.day, total, tier_of(total), worried(record.answers))


@dataclass(frozen=True)
class Stratification:
    """The latest answers scored, the ones before, and whether it is time to ask again."""

    latest: Screen | None
    history: list[Screen]
    due: bool
    due_on: date


def stratify(data: TrackingInput) -> Stratification:
    """The person's support group as of ``data.today``."""
    history = []
    for record in data.screens:
        try:
            history.append(judge(record))
        except BadAnswers:
            continue  # answers kept by an older version that no longer fit: left out
    latest = history[-1] if history else None
    due_on = data.today if latest is None else latest.day + timedelta(days=EVERY_DAYS)
    return Stratification(latest, history, due=due_on <= data.today, due_on=due_on)


__all__ = [
    "EVERY_DAYS",
    "HIGH_FROM",
    "ITEMS",
    "ITEM_IDS",
    "MEDIUM_FROM",
    "BadAnswers",
    "Item",
    "Screen",
    "Stratification",
    "Tier",
    "check",
    "judge",
    "score",
    "stratify",
    "tier_of",
    "worried",
]
