"""The lessons beside the routine: today's lesson, reading one, marking it read, the list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from supple.app.ports import Records, TrackingSource
from supple.library.lessons import Lesson, Lessons
from supple.planner.model import LessonRef
from supple.safety.profile import Profile
from supple.tracking.lesson_choice import Needs, todays_lesson
from supple.tracking.model import TrackingInput
from supple.tracking.pain import rising
from supple.tracking.stratify import stratify

#: Pain at or above this in the answers counts as a flare for the lessons.
FLARE_PAIN = 7


def needs_of(records: TrackingInput, profile: Profile | None) -> Needs:
    """What the person's answers and records suggest the lessons should speak to first."""
    latest = stratify(records).latest
    worry = latest is not None and (latest.worry or latest.tier == "high")
    pain_high = profile is not None and profile.pain_now >= FLARE_PAIN
    return Needs(
        worry=worry,
        flare=pain_high or rising(records) is not None,
        walking=records.walk_start is not None,
        activities=bool(records.psfs),
    )


def choose(
    records: TrackingInput, lessons: Lessons, profile: Profile | None = None
) -> Lesson | None:
    """Today's lesson for the person whose records these are."""
    return todays_lesson(lessons, records, needs_of(records, profile))


def lesson_ref(lesson: Lesson | None) -> LessonRef | None:
    """The plan's pointer to a lesson."""
    return None if lesson is None else LessonRef(id=lesson.id, title=lesson.title)


def today(
    *, source: TrackingSource, lessons: Lessons, today: date, profile: Profile | None = None
) -> Lesson | None:
    """Today's lesson (see :func:`supple.tracking.lesson_choice.todays_lesson`)."""
    return choose(source.tracking_input(today), lessons, profile)


def read(*, store: Records, lessons: Lessons, lesson_id: str, at: datetime | None = None) -> Lesson:
    """The lesson ``lesson_id``, marked read (UnknownLesson for an id that is not one)."""
    lesson = lessons[lesson_id]
    store.mark_read(lesson.id, at=at)
    return lesson


@dataclass(frozen=True)
class Listed:
    """A lesson in the list, whether the person has read it, and whether it is today's."""

    lesson: Lesson
    read_on: datetime | None
    todays: bool


def listing(
    *, store: Records, lessons: Lessons, today: date, profile: Profile | None = None
) -> list[Listed]:
    """Every lesson in reading order, with the person's reading."""
    done = store.lessons_read()
    pick = choose(store.tracking_input(today), lessons, profile)
    return [
        Listed(lesson, done.get(lesson.id), pick is not None and pick.id == lesson.id)
        for lesson in lessons.in_order()
    ]


__all__ = ["Listed", "choose", "lesson_ref", "listing", "needs_of", "read", "today"]
