"""The ``--database-url`` option every storing command shares, and opening the store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from supple.cli.common import CliError

if TYPE_CHECKING:
    from supple.store import Store

DATABASE_URL_HELP = (
    "Database URL (sqlite:///FILE, a file path, or postgresql://user@host/db); "
    "default: the SQLite file in your data folder."
)

#: ``database_url: DatabaseUrl = None`` gives a command the shared option.
DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="SUPPLE_DATABASE_URL", help=DATABASE_URL_HELP),
]


def open_store(url: str | None) -> Store:
    """Open the store; a locked, damaged, unreachable or newer database becomes one line."""
    from supple.store import Store, StoreError

    try:
        return Store.open(url)
    except StoreError as exc:
        raise CliError(str(exc)) from None
