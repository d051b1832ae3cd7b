"""Short lessons that sit beside the routine: validated records loaded from packaged YAML files.

Each lesson is a few plain paragraphs with the guideline or study citations behind them, tagged
with topics a selector can match to a person's answers (high worry, a flare-up, desk work).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.library.loader import LibraryError, UnknownEntry, parse_record, raw_files
from supple.library.model import SLUG

Topic = Literal[
    "pain_science",
    "worry",
    "recovery",
    "scans",
    "activity",
    "pacing",
    "sleep",
    "stress",
    "flare_up",
    "lifting",
    "work",
    "return_to_activity",
    "confidence",
    "walking",
]
TOPICS: tuple[str, ...] = get_args(Topic)

#: Words a minute for plain text: a slow, unhurried adult reading pace.
READING_WPM = 200
_WORD = re.compile(r"[A-Za-z0-9']+")


class Lesson(BaseModel):
    """One lesson, as written in its YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG, max_length=60)
    title: str = Field(min_length=3, max_length=80)
    order: int = Field(ge=1, le=99, description="its place in the default reading sequence")
    minutes: int = Field(ge=1, le=5, description="reading time, rounded up, at READING_WPM")
    summary: str = Field(min_length=10, max_length=200, description="the lesson in one sentence")
    topics: list[Topic] = Field(min_length=1)
    body: list[str] = Field(min_length=3, description="paragraphs of plain text, in order")
    exercises: list[str] = Field(
        default_factory=list, description="ids of library moves the lesson points to"
    )
    sources: list[str] = Field(min_length=1, description="the citations behind the text")
    licence: str = "CC-BY-SA-4.0"
    attribution: str = "Supple contributors, written for this library"

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for field in ("topics", "exercises", "sources"):
            values = getattr(self, field)
            if len(set(values)) != len(values):
                raise ValueError(f"{field} has duplicates")
        if any(not paragraph.strip() for paragraph in self.body):
            raise ValueError("body has an empty paragraph")
        expected = max(1, math.ceil(self.words / READING_WPM))
        if self.minutes != expected:
            raise ValueError(
                f"minutes {self.minutes} does not match the text: "
                f"{self.words} words read in about {expected}"
            )
        return self

    @property
    def words(self) -> int:
        """How many words the body has."""
        return sum(len(_WORD.findall(paragraph)) for paragraph in self.body)


class UnknownLesson(UnknownEntry):
    """A lesson id that is not among the lessons."""

    noun = "lesson"


class Lessons(Mapping[str, Lesson]):
    """The validated lessons, by id, each with its own place in the reading order."""

    def __init__(self, lessons: Iterable[Lesson]) -> None:
        self._by_id: dict[str, Lesson] = {}
        places: dict[int, str] = {}
        for lesson in lessons:
            if lesson.id in self._by_id:
                raise LibraryError(f"{lesson.id}.yaml: field 'id': '{lesson.id}' appears twice")
            if lesson.order in places:
                raise LibraryError(
                    f"{lesson.id}.yaml: field 'order': {lesson.order} is already taken by "
                    f"'{places[lesson.order]}'"
                )
            self._by_id[lesson.id] = lesson
            places[lesson.order] = lesson.id

    def __getitem__(self, lesson_id: str) -> Lesson:
        try:
            return self._by_id[lesson_id]
        except KeyError:
            close = difflib.get_close_matches(lesson_id, list(self._by_id), n=3, cutoff=0.5)
            raise UnknownLesson(lesson_id, close) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def in_order(self) -> list[Lesson]:
        """Every lesson in its reading order."""
        return sorted(self._by_id.values(), key=lambda lesson: lesson.order)

    def about(self, topic: str) -> list[Lesson]:
        """The lessons tagged with ``topic``, in reading order."""
        return [lesson for lesson in self.in_order() if topic in lesson.topics]


def parse_lesson(text: str, source: str) -> Lesson:
    """Validate one lesson file; raise LibraryError naming ``source``."""
    return parse_record(text, source, Lesson)


@cache
def load_lessons() -> Lessons:
    """The packaged lessons, validated once per process."""
    return Lessons(parse_lesson(text, name) for name, text in raw_files("lessons"))
