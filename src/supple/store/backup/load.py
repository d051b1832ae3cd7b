"""Write an :class:`ExportFile` into an empty store, all or nothing."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from supple.store import summary
from supple.store.backup.dump import TABLE_OF
from supple.store.backup.formats import first_error
from supple.store.backup.schema import SECTIONS, ExportFile
from supple.store.entries import PROGRAMME
from supple.store.errors import StoreError
from supple.store.schema import TABLES, Person, PlanRow, ProfileRow, PsfsActivity, SessionRow


def _check_content(data: ExportFile, known: Container[str]) -> None:
    from supple.planner.model import Plan
    from supple.planner.program import Programme
    from supple.safety.profile import Profile

    for item in data.items:
        if item.exercise not in known:
            raise StoreError(f"item {item.id}: no exercise '{item.exercise}' in the library")
    for found in data.direction_findings:
        if found.exercise is not None and found.exercise not in known:
            raise StoreError(
                f"direction finding {found.id}: no exercise '{found.exercise}' in the library"
            )
    try:
        for profile in data.profiles:
            Profile.model_validate(profile.answers)
        for plan in data.plans:
            model = Programme if plan.kind == PROGRAMME else Plan
            model.model_validate(plan.body)
    except ValidationError as exc:
        raise StoreError(
            f"a profile or plan in the file is not valid: {first_error(exc)}"
        ) from None


def load(db: Session, person_id: int, data: ExportFile, known: Container[str]) -> dict[str, int]:
    """Insert every record (keeping ids) inside the caller's transaction."""
    for table in (ProfileRow, PlanRow, SessionRow, PsfsActivity):
        if db.scalar(select(func.count()).select_from(table)):
            raise StoreError(
                "this database already holds records; import into a new one "
                "(--database-url or SUPPLE_DATABASE_URL) so nothing is mixed up"
            )
    _check_content(data, known)
    person = db.get(Person, person_id)
    assert person is not None
    person.name = data.person.name
    person.days_per_week = data.person.days_per_week
    person.created_at = data.person.created_at
    counts: dict[str, int] = {}
    for section in SECTIONS:
        table = TABLE_OF[section]
        rows: list[Any] = getattr(data, section)
        for rec in rows:
            values = rec.model_dump()
            if hasattr(table, "person_id"):
                values["person_id"] = person_id
            db.add(table(**values))
        db.flush()  # parents before children
        counts[section] = len(rows)
    summary.rebuild(db, person_id)
    return counts


def reset_sequences(conn: Connection) -> None:
    """Make PostgreSQL's id sequences continue after the ids an import kept."""
    for table in TABLES:
        name = table.__tablename__
        if "id" in table.__table__.c:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                )
            )
