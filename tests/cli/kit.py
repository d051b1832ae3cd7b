"""Run the real ``supple`` entry point in-process, as the CLI tests do."""

from __future__ import annotations

import io
import sys
from typing import Protocol

import pytest

from supple.cli.app import main


class Run:
    """What one run printed, and its exit code."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


class Supple(Protocol):
    """Runs ``supple ARGS`` in-process and returns what it printed."""

    def __call__(self, *args: str, stdin: str | None = None) -> Run: ...


def in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], **environ: str
) -> Supple:
    """A runner of ``supple ARGS`` through ``main()`` (``stdin`` feeds the questions), with the
    variables ``environ`` set for the test."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)

    def run(*args: str, stdin: str | None = None) -> Run:
        monkeypatch.setattr(sys, "argv", ["supple", *args])
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


def one_line_error(result: Run) -> None:
    """The run stopped with one line on stderr, exit code 2, no traceback."""
    assert result.code == 2
    assert result.err.startswith("supple: error: ") and result.err.count("\n") == 1
    assert "Traceback" not in result.err
