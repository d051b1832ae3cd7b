"""One person's records read whole: the history, tracking's input, the export and import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from supple.app.records import History
from supple.store import engine as eng
from supple.store.base import PersonBase
from supple.store.errors import explain

if TYPE_CHECKING:
    from supple.app.ports import ExportFormat
    from supple.app.records import ImportedProgramme
    from supple.store.backup.schema import ExportFile
    from supple.tracking import TrackingInput
    from supple.tracking.digest import Digest

T = TypeVar("T")


class WholeMixin(PersonBase):
    """History, tracking input, export and import, counts."""

    @eng.guarded
    def history(self, limit: int = 20) -> History:
        """The latest ``limit`` sessions and pain scores, newest first."""
        from supple.store import queries

        with self._read() as db:
            return queries.history(db, self.person_id, limit)

    @eng.guarded
    def tracking_input(
        self, today: date | None = None, *, since: date | None = None
    ) -> TrackingInput:
        """Everything tracking needs, as plain domain records (days in local time): every
        record, or those of the days from ``since`` on."""
        from supple.store import fastread

        def read(conn: Any, dialect: str, person_id: int, day: date) -> TrackingInput:
            return fastread.read(conn, dialect, person_id, day, since=since)

        return self._raw_read(read, today)

    @eng.guarded
    def tracking_digest(self, today: date | None = None) -> Digest:
        """What progress and today's adjustments need, read from the summaries (a cost that
        does not grow with the history); recomputed from every record when they are missing
        or were counted in another time zone."""
        from supple.store.digest_read import read_digest
        from supple.tracking.digest import digest_of

        found = self._raw_read(read_digest, today)
        return found if found is not None else digest_of(self.tracking_input(today))

    @eng.guarded
    def tracking_window(
        self, today: date | None = None, *, since: date
    ) -> tuple[TrackingInput, Digest]:
        """The records of the days from ``since`` on and the digest, read together (one
        connection and one batch of queries): what today's routine and progress need."""
        from supple.store.digest_read import read_window
        from supple.tracking.digest import digest_of

        def read(conn: Any, dialect: str, person_id: int, day: date) -> Any:
            return read_window(conn, dialect, person_id, day, since=since)

        records, found = self._raw_read(read, today)
        return records, found if found is not None else digest_of(self.tracking_input(today))

    def _raw_read(self, reader: Callable[[Any, str, int, date], T], today: date | None) -> T:
        from supple.store import fastread

        today = today or datetime.now().astimezone().date()
        raw = self._engine.raw_connection()
        try:
            return reader(raw.driver_connection, self.dialect, self.person_id, today)
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

    def import_programme(self, imported: ImportedProgramme, *, kind: str) -> dict[str, int]:
        """Keep a programme read from elsewhere (as a plan of ``kind``) and its outcomes in this
        empty database, in one transaction; return the counts."""
        from supple.store.backup.programme import as_export
        from supple.store.errors import StoreError

        if any(self.counts().values()):
            raise StoreError(
                "this database already holds records; import into a new one "
                "(--database-url or SUPPLE_DATABASE_URL) so nothing is mixed up"
            )
        name, days = self._person_row()
        return self.import_all(as_export(imported, kind=kind, name=name, days=days))

    @eng.guarded
    def _person_row(self) -> tuple[str, int]:
        from supple.store.schema import Person

        with self._read() as db:
            person = db.get(Person, self.person_id)
            assert person is not None
            return person.name, person.days_per_week

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
