"""The ``supple`` command: registers every sub-command and turns errors into one line."""

from __future__ import annotations

import sys

import typer

from supple import __version__
from supple.cli import (
    account_cmd,
    coach_cmd,
    entries_cmd,
    export_cmd,
    library_cmd,
    plan_cmd,
    serve_cmd,
    track_cmd,
)
from supple.cli.common import CliError, CliState, echo_error, settings_of

app = typer.Typer(
    name="supple",
    help="Supple, a back-care coach: screening, a personal stretching routine, a guided timer "
    "and progress tracking. It never diagnoses: stop if it hurts, and get checked when told to.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"supple {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Supple, a back-care coach."""
    settings_of(ctx)  # read and check every SUPPLE_* variable once, before any command runs


modules = (
    library_cmd,
    plan_cmd,
    track_cmd,
    entries_cmd,
    export_cmd,
    coach_cmd,
    serve_cmd,
    account_cmd,
)
for module in modules:
    module.register(app)


def main() -> None:
    """Run the CLI; known problems become one line on stderr, never a traceback."""
    state = CliState()
    try:
        app(obj=state)
    except CliError as exc:
        echo_error(str(exc))
        sys.exit(exc.code)
    except KeyboardInterrupt:
        echo_error("interrupted")
        sys.exit(130)
    except Exception as exc:  # the last guard against a traceback
        if state.settings is not None and state.settings.debug:
            raise
        known = _known_error(exc)
        if known is not None:
            echo_error(known)
            sys.exit(2)
        echo_error(f"unexpected {type(exc).__name__}: {exc} (set SUPPLE_DEBUG=1 for details)")
        sys.exit(1)


def _known_error(exc: Exception) -> str | None:
    """The message of an error a person can act on (a locked database, a refused request, an
    unknown id, a broken library file, ...), or None for a bug."""
    from supple.app.errors import AppError
    from supple.library import LibraryError, UnknownExercise
    from supple.planner.substitute import SwapRefused
    from supple.store.errors import StoreError

    if isinstance(exc, AppError | StoreError | LibraryError | UnknownExercise | SwapRefused):
        return str(exc)
    return None
