"""The store: a database of people's records, on SQLite or PostgreSQL, one person at a time."""

from __future__ import annotations

from collections.abc import Container
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from supple.store import caseload_summary, summary
from supple.store import engine as eng
from supple.store.base import StoreBase
from supple.store.corrections import CorrectionsMixin
from supple.store.entries import EntriesMixin
from supple.store.errors import StoreError, explain
from supple.store.feeds import FeedOwnersMixin, FeedsMixin
from supple.store.messages import MessageOwnersMixin
from supple.store.migrate import backup_sqlite, ensure_schema
from supple.store.patient_file import PatientFileMixin
from supple.store.people import choose
from supple.store.prescriptions import VersionsMixin
from supple.store.programme import ProgrammeMixin
from supple.store.reminders import ReminderPeopleMixin, RemindersMixin
from supple.store.schema import Person
from supple.store.sessions import SessionsMixin
from supple.store.timeutil import now
from supple.store.today_cache import TodayCacheMixin
from supple.store.whole import WholeMixin

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

    from supple.app.identity import Account
    from supple.store.account import AccountStore
    from supple.store.audit import AuditLog
    from supple.store.clinic import CareTeam, ClinicAccounts
    from supple.store.directory import Directory
    from supple.store.election import SenderLock
    from supple.store.prescriptions import ClinicTemplates


class PersonStore(
    SessionsMixin,
    EntriesMixin,
    CorrectionsMixin,
    ProgrammeMixin,
    WholeMixin,
    FeedsMixin,
    PatientFileMixin,
    RemindersMixin,
    VersionsMixin,
    TodayCacheMixin,
):
    """Every read and write of one person's records; each method is one short transaction.

    Made by :meth:`Store.for_person`; it shares the database's connections (closing the
    database closes it too). No query of it reaches another person's rows.
    """

    def __init__(self, database: Store, person_id: int) -> None:
        super().__init__(database, person_id)
        self.database: Store = database

    def __enter__(self) -> PersonStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database this person's records are in."""
        self.database.close()


class Store(FeedOwnersMixin, ReminderPeopleMixin, MessageOwnersMixin, StoreBase):
    """One open database of people's records (see :meth:`for_person` for one person's)."""

    def __init__(
        self, engine: Engine, url: URL, backup: str | None, exercises: Container[str] | None
    ) -> None:
        super().__init__(engine, url, exercises)
        #: The backup made before a migration changed the file at open (None if no change).
        self.migration_backup = backup

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        timeout: float | None = None,
        exercises: Container[str] | None = None,
    ) -> Store:
        """Open (creating and migrating if needed) the database at ``url``.

        ``exercises`` is the set of known exercise ids (default: the packaged library);
        ``timeout`` is how many seconds a write waits for another writer.
        """
        resolved = eng.resolve_url(url)
        where = eng.describe(resolved)
        engine = eng.make_engine(resolved, timeout)
        try:
            backup = ensure_schema(engine, where, eng.sqlite_path(resolved))
        except SQLAlchemyError as exc:
            engine.dispose()
            raise explain(exc, where) from None
        except StoreError:
            engine.dispose()
            raise
        database = cls(engine, resolved, backup, exercises)
        database.fill_summaries()
        return database

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- people ---------------------------------------------------------------------------

    @eng.guarded
    def person_ids(self) -> list[int]:
        """Every person of the database, by id, oldest first."""
        with self._read() as db:
            return list(db.scalars(select(Person.id).order_by(Person.id)))

    @eng.guarded
    def add_person(self, name: str = "me", *, days_per_week: int = 7) -> int:
        """Make a new person with no records; return their id."""
        if not 1 <= len(name) <= 100:
            raise StoreError("a person's name is 1 to 100 characters")
        with self._write() as db:
            person = Person(name=name, days_per_week=days_per_week, created_at=now())
            db.add(person)
            db.flush()
            summary.lock(db, person.id)  # empty summaries, ready to read
            return person.id

    @eng.guarded
    def person(self, wanted: int | None = None) -> int:
        """The person to serve: ``wanted`` (who must exist), else the database's only person,
        made on first use. A database of several people needs ``wanted`` (StoreError)."""
        found = choose(self.person_ids(), wanted, self.where)
        if found is not None:
            return found
        with self._write() as db:
            if self.dialect == "postgresql":  # SQLite's write transaction is exclusive already
                db.execute(text("SELECT pg_advisory_xact_lock(774412)"))
            # Two processes opening a new database at once must not make two people.
            found = choose(list(db.scalars(select(Person.id).order_by(Person.id))), wanted, "")
            if found is None:
                person = Person(name="me", days_per_week=7, created_at=now())
                db.add(person)
                db.flush()
                summary.lock(db, person.id)
                found = person.id
            return found

    @eng.guarded
    def for_person(self, person_id: int) -> PersonStore:
        """Every read and write of the records of ``person_id``."""
        with self._read() as db:
            if db.get(Person, person_id) is None:
                raise StoreError(f"there is no person {person_id} in {self.where}")
        return PersonStore(self, person_id)

    def fill_summaries(self) -> None:
        """Make the summaries of every person who has none yet (after a migration, or a
        database written by an older Supple); a busy database leaves it to the next write."""
        from supple.store.schema import TrackingState

        try:
            with self._read() as db:
                missing = list(
                    db.scalars(
                        select(Person.id).where(Person.id.not_in(select(TrackingState.person_id)))
                    )
                )
            for person_id in missing:
                with self._write() as db:
                    summary.lock(db, person_id)
            with self._read() as db:
                unlisted = caseload_summary.missing(db)
            for person_id in unlisted:  # the patient list's rows, one transaction each
                with self._write() as db:
                    caseload_summary.keep(db, person_id, date.today())
        except SQLAlchemyError:
            pass  # a read-only or busy database: reads recompute, the next write fills them

    # -- accounts (accounts mode) ---------------------------------------------------------

    def directory(self) -> Directory:
        """Install-wide account lookups: the mode, emails, session and access tokens, codes."""
        from supple.store.directory import Directory

        return Directory(self._engine, self.url, None)

    def for_account(self, account_id: int) -> AccountStore:
        """The own rows of one account: password, sessions, tokens, codes."""
        from supple.store.account import AccountStore

        return AccountStore(self, account_id)

    def care_team(self, clinician: Account) -> CareTeam:
        """The patients linked to ``clinician`` in their clinic, and nobody else."""
        from supple.store.clinic import CareTeam

        return CareTeam(self, clinician)

    def clinic_accounts(self, clinic_id: int | None) -> ClinicAccounts:
        """The accounts of a clinic (every account for None), as its admin manages them."""
        from supple.store.clinic import ClinicAccounts

        return ClinicAccounts(self, clinic_id)

    def sender_lock(self) -> SenderLock:
        """The lock that makes one process of the install the reminder sender."""
        from supple.store.election import SenderLock

        return SenderLock(self)

    def clinic_templates(self, clinic_id: int) -> ClinicTemplates:
        """The programme templates of one clinic."""
        from supple.store.prescriptions import ClinicTemplates

        return ClinicTemplates(self, clinic_id)

    def audit_log(self) -> AuditLog:
        from supple.store.audit import AuditLog

        return AuditLog(self._engine, self.url, None)

    # -- the whole database ---------------------------------------------------------------

    @eng.guarded
    def backup(self, path: Path | None = None, *, person: int | None = None) -> Path:
        """Copy the database to ``path``: a SQLite file, or for PostgreSQL a JSON export of
        ``person``'s records (default: the only person; use pg_dump for the whole server).

        The default ``path`` is a dated file in a ``backups`` folder next to the database file
        (for PostgreSQL, next to the default file in the data folder)."""
        path = Path(path) if path is not None else self._backup_path()
        if path.exists():
            raise StoreError(f"{path} exists already; choose a new name")
        path.parent.mkdir(parents=True, exist_ok=True)
        file = eng.sqlite_path(self.url)
        if file is not None:
            backup_sqlite(file, path)
        else:
            records = self.for_person(self.person(person))
            path.write_text(records.export_text("json"), encoding="utf-8")
        return path

    def _backup_path(self) -> Path:
        from supple.store.paths import default_path

        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        base = eng.sqlite_path(self.url) or default_path()
        suffix = ".db" if self.dialect == "sqlite" else ".json"
        return base.parent / "backups" / f"supple-{stamp}{suffix}"

    @eng.guarded
    def counts(self) -> dict[str, int]:
        """How many rows each table holds, everyone's (for checks and the import guard)."""
        from supple.store.schema import TABLES

        with self._read() as db:
            return {
                t.__tablename__: int(db.scalar(select(func.count()).select_from(t)) or 0)
                for t in TABLES
            }
