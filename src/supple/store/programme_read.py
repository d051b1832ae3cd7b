"""The light read of the programme's records (walks, movement tests, questionnaires, lessons
read) on a plain DBAPI connection, for :mod:`supple.store.fastread`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from supple.tracking.model import (
    DirectionTestRecord,
    LessonRead,
    ScreenRecord,
    SpreadRecord,
    WalkRecord,
    WalkStart,
)


def _json(value: Any) -> Any:
    """A JSON column as Python (SQLite hands it over as text)."""
    return json.loads(value) if isinstance(value, str) else value


#: The queries of the programme's records, each with the person's id as its one parameter.
PROGRAMME_QUERIES = (
    "SELECT :day(started_at), comfortable_s FROM walk_plan WHERE person_id = :p "
    "ORDER BY started_at DESC, id DESC LIMIT 1",
    "SELECT :day(at), seconds FROM walk WHERE person_id = :p ORDER BY at, id",
    "SELECT :day(at), source, exercise, answers FROM direction_finding "
    "WHERE person_id = :p ORDER BY at, id",
    "SELECT :day(at), answers FROM questionnaire WHERE person_id = :p ORDER BY at, id",
    "SELECT :day(at), lesson FROM lesson_read WHERE person_id = :p ORDER BY at, id",
)


def programme_records(found: list[list[Any]], day: Callable[[Any], date]) -> dict[str, Any]:
    """The walking plan and walks, movement tests and spreads, questionnaires, lessons read,
    from the rows of :data:`PROGRAMME_QUERIES` in their order."""
    start, walks, findings, screens, read = found
    return {
        "walks": tuple(WalkRecord(day(d), int(s)) for d, s in walks),
        "walk_start": WalkStart(day(start[0][0]), int(start[0][1])) if start else None,
        "direction_tests": tuple(
            DirectionTestRecord(day(d), _json(a) or {})
            for d, src, _, a in findings
            if src == "test"
        ),
        "spreads": tuple(
            SpreadRecord(day(d), ex) for d, src, ex, _ in findings if src == "session" and ex
        ),
        "screens": tuple(ScreenRecord(day(d), _json(a) or {}) for d, a in screens),
        "lessons_read": tuple(LessonRead(day(d), lesson) for d, lesson in read),
    }
