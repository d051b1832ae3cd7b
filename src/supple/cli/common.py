"""What every command shares: the consoles, reading a file, JSON output, the one-line error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console


class CliError(Exception):
    """A problem the person can fix; shown as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop the command with a one-line message on stderr and a non-zero exit code."""
    raise CliError(message, code)


def console() -> Console:
    """The Rich console for normal output (imported lazily to keep start-up fast)."""
    from rich.console import Console

    return Console()


def read_text(path: Path) -> str:
    """The UTF-8 text of ``path``; an unreadable file stops the command with one line."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")


def print_json(data: object) -> None:
    """Print ``data`` as indented JSON, non-ASCII text kept readable."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def echo_error(message: str) -> None:
    typer.echo(f"supple: error: {message}", err=True)
