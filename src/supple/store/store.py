"""The store: everything a person does, kept on SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Container

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from supple.store import engine as eng
from supple.store.entries import EntriesMixin
from supple.store.errors import StoreError, explain
from supple.store.migrate import ensure_schema
from supple.store.schema import Person
from supple.store.sessions import SessionsMixin
from supple.store.timeutil import now
from supple.store.whole import WholeMixin


class Store(SessionsMixin, EntriesMixin, WholeMixin):
    """One open database; every method is its own short transaction."""

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
