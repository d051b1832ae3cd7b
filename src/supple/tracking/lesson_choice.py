"""Today's lesson: one a day beside the routine, chosen from what the person has not read yet
and what their answers suggest.

High worry (the support questionnaire, or a high-risk group) puts the lessons on hurt and harm,
how pain works and confidence first; a flare-up (pain up 2 points over a week, or pain of 7 or
more) puts the flare-up lessons first; a walking plan brings the walking lesson forward, and
activities named on the activities scale bring the one on getting back to them. Otherwise the
lessons come in their reading order. Today's lesson is chosen from what was read before today,
so it stays the same all day (one a day); once every lesson is read, the one read longest ago
comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from supple.library.lessons import Lesson, Lessons
from supple.tracking.model import TrackingInput

#: What each need puts first, in order.
FIRST_FOR: dict[str, tuple[str, ...]] = {
    "worry": ("hurt_is_not_harm", "how_back_pain_works", "confidence"),
    "flare": ("flare_ups", "flare_up_plan"),
    "walking": ("walking_for_your_back",),
    "activities": ("back_to_activities",),
}


@dataclass(frozen=True, slots=True)
class Needs:
    """What the person's answers suggest the lessons should speak to first."""

    worry: bool = False
    flare: bool = False
    walking: bool = False
    activities: bool = False


def todays_lesson(lessons: Lessons, data: TrackingInput, needs: Needs) -> Lesson | None:
    """The lesson for ``data.today`` (None only when there are no lessons)."""
    # Reads from before today only: reading today's lesson, or any other, keeps today's the same.
    read = {r.lesson for r in data.lessons_read if r.day < data.today}
    first = [
        ident
        for need in ("worry", "flare", "walking", "activities")
        if getattr(needs, need)
        for ident in FIRST_FOR[need]
        if ident in lessons
    ]
    ordered = [lessons[i] for i in dict.fromkeys(first)] + lessons.in_order()
    for lesson in ordered:
        if lesson.id not in read:
            return lesson
    last_read: dict[str, date] = {}
    for r in data.lessons_read:
        if r.day < data.today:
            last_read[r.lesson] = r.day
    return min(
        (lesson for lesson in ordered if lesson.id in last_read),
        key=lambda lesson: (last_read[lesson.id], lesson.order),
        default=None,
    )


__all__ = ["FIRST_FOR", "Needs", "todays_lesson"]
