"""Reading for people and for tracking, and whole-database operations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from supple.app.records import History
from supple.store import engine as eng
from supple.store.base import StoreBase
from supple.store.errors import StoreError, explain
from supple.store.migrate import backup_sqlite

if TYPE_CHECKING:
    from supple.app.ports import ExportFormat
    from supple.store.backup.schema import ExportFile
    from supple.tracking import TrackingInput


class WholeMixin(StoreBase):
    """History, tracking input, export and import, backup, counts."""

    @eng.guarded
    def history(self, limit: int = 20) -> History:
        """The latest ``limit`` sessions and pain scores, newest first."""
        from supple.store import queries

        with self._read() as db:
            return queries.history(db, self.person_id, limit)

    @eng.guarded
    def tracking_input(self, today: date | None = None) -> TrackingInput:
        """Everything tracking needs, as plain domain records (days in local time)."""
        from supple.store import fastread

        today = today or datetime.now().astimezone().date()
        raw = self._engine.raw_connection()
        try:
            return fastread.read(raw.driver_connection, self.dialect, self.person_id, today)
        except fastread.driver_errors(self.dialect) as exc:  # the driver's, on the raw connection
            raise explain(exc, self.where) from None
        finally:
            raw.close()

    # -- whole-database operations ------------------------------------------------------
    @eng.guarded
    def export_all(self) -> ExportFile:
        """Every record, in the export file's schema."""
        from supple.store.backup.dump import dump

        with self._read() as db:
            return dump(db, self.person_id)

    def export_text(self, fmt: ExportFormat) -> str:
        """Every record as one JSON document or one CSV table (``import_text`` reads both)."""
        from supple.store.backup.formats import to_csv, to_json

        data = self.export_all()
        return to_json(data) if fmt == "json" else to_csv(data)

    def import_text(self, text: str) -> dict[str, int]:
        """Read an export (JSON or CSV) into this empty database; BadExport names a bad file."""
        from supple.store.backup.formats import parse

        return self.import_all(parse(text))

    @eng.guarded
    def import_all(self, data: ExportFile) -> dict[str, int]:
        """Load an export into this (empty) database in one transaction; return the counts."""
        from supple.store.backup.load import load

        with self._write() as db:
            counts = load(db, self.person_id, data, self.exercises)
        if self.dialect == "postgresql":
            self._reset_sequences()
        return counts

    def _reset_sequences(self) -> None:
        from sqlalchemy import text

        from supple.store.schema import TABLES

        with self._writer.begin() as conn:
            for table in TABLES:
                name = table.__tablename__
                if "id" not in table.__table__.c:
                    continue
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                    )
                )

    @eng.guarded
    def backup(self, path: Path | None = None) -> Path:
        """Copy the database to ``path``: a SQLite file, or a JSON export for PostgreSQL.

        The default is a dated file in a ``backups`` folder next to the database file (for
        PostgreSQL, next to the default file in the data folder)."""
        if path is None:
            path = self._backup_path()
        path = Path(path)
        if path.exists():
            raise StoreError(f"{path} exists already; choose a new name")
        path.parent.mkdir(parents=True, exist_ok=True)
        file = eng.sqlite_path(self.url)
        if file is not None:
            backup_sqlite(file, path)
        else:
            from supple.store.backup.formats import to_json

            path.write_text(to_json(self.export_all()), encoding="utf-8")
        return path

    def _backup_path(self) -> Path:
        from supple.store.paths import default_path

        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        base = eng.sqlite_path(self.url) or default_path()
        suffix = ".db" if self.dialect == "sqlite" else ".json"
        return base.parent / "backups" / f"supple-{stamp}{suffix}"

    @eng.guarded
    def counts(self) -> dict[str, int]:
        """How many rows each table holds (for checks and the import guard)."""
        from supple.store.schema import TABLES

        with self._read() as db:
            return {
                t.__tablename__: int(db.scalar(select(func.count()).select_from(t)) or 0)
                for t in TABLES
            }
