"""What every command shares: the consoles, and the one-line error."""

from __future__ import annotations

from typing import NoReturn

import typer


class CliError(Exception):
    """A problem the person can fix; shown as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop the command with a one-line message on stderr and a non-zero exit code."""
    raise CliError(message, code)


def console():  # type: ignore[no-untyped-def]
    """The Rich console for normal output (imported lazily to keep start-up fast)."""
    from rich.console import Console

    return Console()


def echo_error(message: str) -> None:
    typer.echo(f"supple: error: {message}", err=True)
