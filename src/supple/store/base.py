"""What every part of the store shares: the engine, short transactions, and the person."""

from __future__ import annotations

from collections.abc import Container, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from supple.store import engine as eng
from supple.store.today_tables import invalidate

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL


class StoreBase:
    """An open database; every public method is its own short transaction."""

    def __init__(self, engine: Engine, url: URL, exercises: Container[str] | None) -> None:
        self._engine = engine
        self._exercises = exercises
        self.url = url
        self.where = eng.describe(url)

    @cached_property
    def _writer(self) -> Engine:
        """The engine as writes use it (made on the first write: a store made per request,
        such as the directory, mostly reads)."""
        return self._engine.execution_options(supple_write=True)

    @cached_property
    def _glancer(self) -> Engine:
        """One statement at a time, outside a transaction on PostgreSQL (see :meth:`_glance`)."""
        if self._engine.dialect.name == "postgresql":
            return self._engine.execution_options(isolation_level="AUTOCOMMIT")
        return self._engine

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

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
    def _glance(self) -> Iterator[Session]:
        """A read of ONE statement, for a read done on every request: on PostgreSQL it runs
        outside a transaction (no BEGIN before it, no ROLLBACK after it: one round trip instead
        of three); SQLite reads as :meth:`_read` does."""
        with Session(self._glancer) as db:
            yield db

    @contextmanager
    def _write(self) -> Iterator[Session]:
        from supple.store.caseload_summary import watch

        with Session(self._writer, expire_on_commit=False) as db, db.begin():
            watch(db)  # the patient list's rows change with the records, in this transaction
            yield db


class PersonBase(StoreBase):
    """The records of one person in an open database: every query filters by ``person_id``."""

    def __init__(self, database: StoreBase, person_id: int) -> None:
        super().__init__(database._engine, database.url, None)
        self.database = database
        self.person_id = person_id

    @property
    def exercises(self) -> Container[str]:
        return self.database.exercises

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A write of the person's records: it also forgets their kept answer for today, in the
        same transaction (see :mod:`supple.store.today_cache`)."""
        with super()._write() as db:
            yield db
            invalidate(db, self.person_id)

    def _write_plain(self) -> AbstractContextManager[Session]:
        """A write that leaves today's kept answer alone (the cache's own writes)."""
        return super()._write()
