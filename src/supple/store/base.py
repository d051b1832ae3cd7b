"""What every part of the store shares: the engine, the person, short transactions."""

from __future__ import annotations

from collections.abc import Container, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Self

from sqlalchemy.orm import Session

from supple.store import engine as eng

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL


class StoreBase:
    """An open database; every public method is its own short transaction."""

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

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    def __enter__(self) -> Self:
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
