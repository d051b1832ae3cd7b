"""Open one person's records the way the command line does (the database's only person)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from supple.store import PersonStore, Store


@contextmanager
def person_records(url: str, person: int | None = None, **options: object) -> Iterator[PersonStore]:
    """The records of ``person`` (default: the only one, made on first use) at ``url``."""
    with Store.open(url, **options) as database:  # type: ignore[arg-type]
        yield database.for_person(database.person(person))
