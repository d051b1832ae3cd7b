"""Read every record of one person into an :class:`ExportFile`."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from supple.store.backup.schema import SECTIONS, ExportFile, PersonRec
from supple.store.schema import (
    DirectionRow,
    EventKey,
    ItemRow,
    LessonReadRow,
    NoteRow,
    PainRow,
    Person,
    PlanRow,
    ProfileRow,
    PsfsActivity,
    PsfsScore,
    QuestionnaireRow,
    SessionRow,
    WalkPlanRow,
    WalkRow,
)
from supple.store.timeutil import now

#: File section -> table.
TABLE_OF: dict[str, Any] = {
    "profiles": ProfileRow,
    "plans": PlanRow,
    "sessions": SessionRow,
    "items": ItemRow,
    "pain": PainRow,
    "psfs_activities": PsfsActivity,
    "psfs_scores": PsfsScore,
    "notes": NoteRow,
    "event_keys": EventKey,
    "walk_plans": WalkPlanRow,
    "walks": WalkRow,
    "lessons_read": LessonReadRow,
    "direction_findings": DirectionRow,
    "questionnaires": QuestionnaireRow,
}


def _owned(section: str, person_id: int) -> Any:
    table = TABLE_OF[section]
    query = select(table)
    if hasattr(table, "person_id"):
        query = query.where(table.person_id == person_id)
    elif section == "items" or section == "event_keys":
        query = query.join(SessionRow, table.session_id == SessionRow.id).where(
            SessionRow.person_id == person_id
        )
    elif section == "psfs_scores":
        query = query.join(PsfsActivity, table.activity_id == PsfsActivity.id).where(
            PsfsActivity.person_id == person_id
        )
    order = table.key if section == "event_keys" else table.id
    return query.order_by(order)


def owned_count(db: Session, section: str, person_id: int) -> int:
    """How many rows of a file section are ``person_id``'s."""
    rows = _owned(section, person_id).order_by(None).subquery()
    return int(db.scalar(select(func.count()).select_from(rows)) or 0)


#: Sections in an order that deletes children before their parents.
DELETE_ORDER = (
    "event_keys",
    "items",
    "psfs_scores",
    "notes",
    "pain",
    "sessions",
    "psfs_activities",
    "plans",
    "profiles",
)


def delete_owned(db: Session, person_id: int) -> dict[str, int]:
    """Delete every row that is ``person_id``'s (the person row stays); return the counts."""
    gone: dict[str, int] = {}
    for section in DELETE_ORDER:
        table = TABLE_OF[section]
        column = table.key if section == "event_keys" else table.id
        owned = (
            _owned(section, person_id).order_by(None).with_only_columns(column).scalar_subquery()
        )
        result = cast("CursorResult[Any]", db.execute(delete(table).where(column.in_(owned))))
        gone[table.__tablename__] = result.rowcount
    return gone


def dump(db: Session, person_id: int) -> ExportFile:
    """Every record of ``person_id``, oldest first."""
    person = db.get(Person, person_id)
    assert person is not None
    data: dict[str, Any] = {
        "exported_at": now(),
        "person": PersonRec(
            name=person.name, days_per_week=person.days_per_week, created_at=person.created_at
        ),
    }
    for section, model in SECTIONS.items():
        fields = list(model.model_fields)
        data[section] = [
            model.model_validate({f: getattr(row, f) for f in fields})
            for row in db.scalars(_owned(section, person_id))
        ]
    return ExportFile.model_validate(data)
