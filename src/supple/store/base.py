"""What every part of the store shares: the engine, short transactions, and the person."""

from __future__ import annotations

from collections.abc import Container, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from supple.store import engine as eng

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL


class StoreBase:
    """An open database; every public method is its own short transaction."""

    def __init__(self, engine: Engine, url: URL, exercises: Container[str] | None) -> None:
        self._engine = engine
        self._exercises = exercises
        self._writer = engine.execution_options(supple_write=True)
        self.url = url
        self.where = eng.describe(url)

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
