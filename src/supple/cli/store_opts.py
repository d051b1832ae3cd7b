"""The ``--database-url`` option every storing command shares, and opening the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from supple.cli.common import CliError, library_of, settings_of

if TYPE_CHECKING:
    from supple.store import PersonStore, Store

DATABASE_URL_HELP = (
    "Database URL (sqlite:///FILE, a file path, or postgresql://user@host/db); "
    "default: SUPPLE_DATABASE_URL, else the SQLite file in your data folder."
)

#: ``database_url: DatabaseUrl = None`` gives a command the shared option.
DatabaseUrl = Annotated[
    str | None, typer.Option("--database-url", metavar="URL", help=DATABASE_URL_HELP)
]


def database_url_of(ctx: typer.Context, given: str | None) -> str | None:
    """The database to use: ``--database-url``, else the settings' (None: the default file)."""
    return given or settings_of(ctx).database_url


def open_store(ctx: typer.Context, url: str | None) -> Store:
    """Open the store (use it in a ``with`` block, which closes it); a locked, damaged,
    unreachable or newer database becomes one line."""
    from supple.store import Store, StoreError

    settings = settings_of(ctx)
    try:
        return Store.open(
            database_url_of(ctx, url), timeout=settings.db_timeout, exercises=library_of(ctx)
        )
    except StoreError as exc:
        raise CliError(str(exc)) from None


@contextmanager
def open_person(ctx: typer.Context, url: str | None) -> Iterator[PersonStore]:
    """The records of the person the settings name (``SUPPLE_PERSON``, else the database's
    only person), in the database of ``url``; the database is closed after the block."""
    with open_store(ctx, url) as database:
        yield database.for_person(database.person(settings_of(ctx).person))
