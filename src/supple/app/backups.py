"""Everything a person recorded, out and back in: the export file, and a copy of the database."""

from __future__ import annotations

from pathlib import Path

from supple.app.ports import Database, ExportFormat, Records


def export_records(*, store: Records, fmt: ExportFormat) -> str:
    """Every record of the person as one JSON document or one CSV table (import reads both)."""
    return store.export_text(fmt)


def import_records(*, store: Records, text: str) -> dict[str, int]:
    """Read an export into an empty database, all or nothing; return what was added."""
    return store.import_text(text)


def delete_records(*, store: Records) -> dict[str, int]:
    """Delete everything the person recorded (answers, plans, sessions, pain, PSFS, notes), all
    at once; return how many rows of each kind went. The person starts again from nothing."""
    return store.delete_records()


def backup(*, database: Database, path: Path | None = None, person: int | None = None) -> Path:
    """Copy the database to ``path`` (default: a dated file in a folder next to it); where the
    copy is an export (PostgreSQL), it is ``person``'s records (default: the only person)."""
    return database.backup(path, person=person)


__all__ = ["backup", "delete_records", "export_records", "import_records"]
