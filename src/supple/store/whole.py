"""One person's records read whole: the history, tracking's input, the export and import."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from supple.app.records import History
from supple.store import engine as eng
from supple.store.base import PersonBase
from supple.store.errors import explain

if TYPE_CHECKING:
    from supple.app.ports import ExportFormat
    from supple.store.backup.schema import ExportFile
    from supple.tracking import TrackingInput


class WholeMixin(PersonBase):
    """History, tracking input, export and import, counts."""

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
        """Load an export as this person's records into an empty database, in one transaction
        (ids are kept, so nothing else may be there); return the counts."""
        from supple.store.backup.load import load, reset_sequences

        with self._write() as db:
            counts = load(db, self.person_id, data, self.exercises)
        if self.dialect == "postgresql":
            with self._writer.begin() as conn:
                reset_sequences(conn)
        return counts

    @eng.guarded
    def delete_records(self) -> dict[str, int]:
        """Delete every record of the person (the person stays, with nothing); return how many
        rows of each table went, in one transaction."""
        from supple.store.backup.dump import delete_owned

        with self._write() as db:
            return delete_owned(db, self.person_id)

    @eng.guarded
    def counts(self) -> dict[str, int]:
        """How many rows of each table are this person's (the person row itself aside)."""
        from supple.store.backup.dump import TABLE_OF, owned_count

        with self._read() as db:
            return {
                table.__tablename__: owned_count(db, section, self.person_id)
                for section, table in TABLE_OF.items()
            }
