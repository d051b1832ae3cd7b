"""The store: everything a person does, kept on SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from supple.store import engine as eng
from supple.store.errors import StoreError, explain
from supple.store.migrate import backup_sqlite, ensure_schema
from supple.store.records import History, SessionState
from supple.store.schema import (
    EventKey,
    NoteRow,
    PainRow,
    Person,
    PlanRow,
    ProfileRow,
    PsfsActivity,
    PsfsScore,
    SessionRow,
)
from supple.store.timeutil import as_utc, now

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

    from supple.export.schema import ExportFile
    from supple.planner.model import Plan
    from supple.safety.profile import Profile
    from supple.session.events import SessionEvent
    from supple.tracking import TrackingInput

#: Most activities a person names for the Patient-Specific Functional Scale.
MAX_PSFS_ACTIVITIES = 5


class Store:
    """One open database; every method is its own short transaction."""

    def __init__(
        self,
        engine: Engine,
        url: URL,
        person_id: int,
        backup: str | None,
        exercises: Container[str] | None = None,
    ) -> None:
        self._engine = engine
        self._exercises = exercises
        self._writer = engine.execution_options(supple_write=True)
        self.url = url
        self.where = eng.describe(url)
        self.person_id = person_id
        #: The backup made before a migration changed the file at open (None if no change).
        self.migration_backup = backup

    # -- opening -------------------------------------------------------------------------
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
            with Session(engine) as db:
                person_id = db.scalar(select(func.min(Person.id)))
            if person_id is None:
                with Session(engine.execution_options(supple_write=True)) as db, db.begin():
                    person = Person(name="me", days_per_week=7, created_at=now())
                    db.add(person)
                    db.flush()
                    person_id = person.id
        except SQLAlchemyError as exc:
            engine.dispose()
            raise explain(exc, where) from None
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, resolved, person_id, backup, exercises)

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def exercises(self) -> Container[str]:
        """The exercise ids this store accepts (the packaged library unless given)."""
        if self._exercises is None:
            from supple.library import load_library

            self._exercises = load_library()
        return self._exercises

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self._engine) as db:
            yield db

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with Session(self._writer, expire_on_commit=False) as db, db.begin():
            yield db

    # -- profile and plans ---------------------------------------------------------------
    @eng.guarded
    def save_profile(self, profile: Profile, *, at: datetime | None = None) -> int:
        """Keep the screening answers as given now; earlier answers stay in the history."""
        row = ProfileRow(
            person_id=self.person_id,
            created_at=as_utc(at) if at else now(),
            answers=profile.model_dump(mode="json"),
        )
        with self._write() as db:
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def latest_profile(self) -> Profile | None:
        """The most recent answers, or None before the first screening."""
        from supple.safety.profile import Profile

        with self._read() as db:
            answers = db.scalar(
                select(ProfileRow.answers)
                .where(ProfileRow.person_id == self.person_id)
                .order_by(ProfileRow.created_at.desc(), ProfileRow.id.desc())
                .limit(1)
            )
        return None if answers is None else Profile.model_validate(answers)

    @eng.guarded
    def save_plan(self, plan: Plan, *, kind: str = "daily", at: datetime | None = None) -> int:
        """Keep a plan (``kind`` daily or programme); return its id."""
        if not 1 <= len(kind) <= 20:
            raise StoreError("a plan kind is 1 to 20 characters")
        row = PlanRow(
            person_id=self.person_id,
            kind=kind,
            created_at=as_utc(at) if at else now(),
            body=plan.model_dump(mode="json"),
        )
        with self._write() as db:
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def get_plan(self, plan_id: int) -> Plan:
        """The plan with this id (StoreError if there is none)."""
        from supple.planner.model import Plan

        with self._read() as db:
            body = db.scalar(select(PlanRow.body).where(PlanRow.id == plan_id))
        if body is None:
            raise StoreError(f"no plan {plan_id} in {self.where}")
        return Plan.model_validate(body)

    @eng.guarded
    def latest_plan(self, *, kind: str | None = None) -> tuple[int, Plan] | None:
        """The newest plan (of ``kind`` if given) with its id, or None."""
        from supple.planner.model import Plan

        query = select(PlanRow.id, PlanRow.body).where(PlanRow.person_id == self.person_id)
        if kind is not None:
            query = query.where(PlanRow.kind == kind)
        with self._read() as db:
            row = db.execute(query.order_by(PlanRow.id.desc()).limit(1)).first()
        return None if row is None else (row[0], Plan.model_validate(row[1]))

    @eng.guarded
    def set_days_per_week(self, days: int) -> None:
        """How many days a week the person plans to exercise (adherence counts against it)."""
        if not 1 <= days <= 7:
            raise StoreError(f"days per week must be 1 to 7, not {days}")
        with self._write() as db:
            person = db.get(Person, self.person_id)
            assert person is not None
            person.days_per_week = days

    # -- sessions ------------------------------------------------------------------------
    @eng.guarded
    def begin_session(self, plan_id: int | None, *, key: str, at: datetime) -> int:
        """Start a session (the same ``key`` again returns the same session)."""
        if not 8 <= len(key) <= 64:
            raise StoreError("a session key is 8 to 64 characters")
        with self._read() as db:
            found = db.scalar(select(SessionRow.id).where(SessionRow.key == key))
        if found is not None:
            return found
        try:
            with self._write() as db:
                if plan_id is not None and db.get(PlanRow, plan_id) is None:
                    raise StoreError(f"no plan {plan_id} in {self.where}")
                row = SessionRow(
                    person_id=self.person_id,
                    plan_id=plan_id,
                    key=key,
                    started_at=as_utc(at),
                    status="in_progress",
                )
                db.add(row)
                db.flush()
                return row.id
        except IntegrityError:  # the same key landed from another process meanwhile
            with self._read() as db:
                again = db.scalar(select(SessionRow.id).where(SessionRow.key == key))
            if again is None:
                raise
            return again

    @eng.guarded
    def session_by_key(self, key: str) -> int | None:
        """The id of the session begun with ``key``, or None."""
        with self._read() as db:
            return db.scalar(
                select(SessionRow.id)
                .where(SessionRow.key == key)
                .where(SessionRow.person_id == self.person_id)
            )

    @eng.guarded
    def record(self, session_id: int, event: SessionEvent) -> bool:
        """Store one session event; False when its key was stored before."""
        from supple.store import events

        try:
            with self._write() as db:
                if db.get(EventKey, event.key) is not None:
                    return False
                session = db.get(SessionRow, session_id)
                if session is None:
                    raise StoreError(f"no session {session_id} in {self.where}")
                events.apply(db, session, event, self.exercises)
                db.add(EventKey(key=event.key, session_id=session_id, type=event.type, at=event.at))
            return True
        except IntegrityError:
            with self._read() as db:
                if db.get(EventKey, event.key) is not None:
                    return False
            raise

    @eng.guarded
    def unfinished_session(self) -> SessionState | None:
        """The latest session still in progress, with what it holds so far (for resuming)."""
        from supple.store import events

        with self._read() as db:
            row = db.scalar(
                select(SessionRow)
                .where(SessionRow.person_id == self.person_id)
                .where(SessionRow.status == "in_progress")
                .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
                .limit(1)
            )
            return None if row is None else events.state(db, row)

    # -- pain, PSFS ----------------------------------------------------------------------
    @eng.guarded
    def log_pain(self, score: int, *, note: str | None = None, at: datetime | None = None) -> int:
        """Keep a daily pain score 0–10 with an optional note; return its id."""
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            raise StoreError(f"a pain score is a whole number from 0 to 10, not {score!r}")
        if note is not None:
            note = note.strip() or None
        if note is not None and len(note) > 2000:
            raise StoreError("a note is at most 2000 characters")
        row = PainRow(
            person_id=self.person_id,
            at=as_utc(at) if at else now(),
            score=score,
            moment="daily",
            note=note,
        )
        with self._write() as db:
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def add_note(
        self, text: str, *, session_id: int | None = None, at: datetime | None = None
    ) -> int:
        """Keep a free-text note, on its own or about a session; return its id."""
        text = text.strip()
        if not 1 <= len(text) <= 2000:
            raise StoreError("a note is 1 to 2000 characters")
        row = NoteRow(
            person_id=self.person_id,
            session_id=session_id,
            at=as_utc(at) if at else now(),
            text=text,
        )
        with self._write() as db:
            if session_id is not None and db.get(SessionRow, session_id) is None:
                raise StoreError(f"no session {session_id} in {self.where}")
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def psfs_activities(self) -> list[str]:
        """The activities the person named, in the order they named them."""
        with self._read() as db:
            return list(
                db.scalars(
                    select(PsfsActivity.name)
                    .where(PsfsActivity.person_id == self.person_id)
                    .order_by(PsfsActivity.id)
                )
            )

    @eng.guarded
    def save_psfs(self, scores: Mapping[str, int], *, at: datetime | None = None) -> int:
        """Score activities 0–10 (naming new ones, up to five in all); return how many."""
        if not scores:
            raise StoreError("give at least one activity and its score")
        clean: dict[str, int] = {}
        for name, score in scores.items():
            label = " ".join(name.split())
            if not 2 <= len(label) <= 80:
                raise StoreError(f"an activity name is 2 to 80 characters: {name!r}")
            if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
                raise StoreError(f"a PSFS score is a whole number from 0 to 10, not {score!r}")
            clean[label] = score
        when = as_utc(at) if at else now()
        with self._write() as db:
            known = {
                a.name: a
                for a in db.scalars(
                    select(PsfsActivity).where(PsfsActivity.person_id == self.person_id)
                )
            }
            new = [n for n in clean if n not in known]
            if len(known) + len(new) > MAX_PSFS_ACTIVITIES:
                raise StoreError(
                    f"the scale holds at most {MAX_PSFS_ACTIVITIES} activities; "
                    f"already named: {', '.join(known) or 'none'}"
                )
            for name in new:
                known[name] = PsfsActivity(person_id=self.person_id, name=name, created_at=when)
                db.add(known[name])
            db.flush()
            for name, score in clean.items():
                db.add(PsfsScore(activity_id=known[name].id, at=when, score=score))
        return len(clean)

    # -- reading for people and for tracking ---------------------------------------------
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
        except Exception as exc:  # the driver's own errors, on the raw connection
            raise StoreError(str(explain(exc, self.where))) from None
        finally:
            raw.close()

    # -- whole-database operations ------------------------------------------------------
    @eng.guarded
    def export_all(self) -> ExportFile:
        """Every record, in the export file's schema."""
        from supple.export.dump import dump

        with self._read() as db:
            return dump(db, self.person_id)

    @eng.guarded
    def import_all(self, data: ExportFile) -> dict[str, int]:
        """Load an export into this (empty) database in one transaction; return the counts."""
        from supple.export.load import load

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
    def backup(self, path: Path) -> Path:
        """Copy the database to ``path``: a SQLite file, or a JSON export for PostgreSQL."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        file = eng.sqlite_path(self.url)
        if file is not None:
            if path.exists():
                raise StoreError(f"{path} exists already; choose a new name")
            backup_sqlite(file, path)
        else:
            from supple.export.formats import to_json

            path.write_text(to_json(self.export_all()), encoding="utf-8")
        return path

    @eng.guarded
    def counts(self) -> dict[str, int]:
        """How many rows each table holds (for checks and the import guard)."""
        from supple.store.schema import TABLES

        with self._read() as db:
            return {
                t.__tablename__: int(db.scalar(select(func.count()).select_from(t)) or 0)
                for t in TABLES
            }

    def _raw(self) -> Any:
        """A raw DBAPI connection (tests and the benchmark use it for bulk work)."""
        return self._engine.raw_connection()
