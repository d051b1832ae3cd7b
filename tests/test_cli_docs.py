"""Every command has help text and a section in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import click
import typer.main

from supple.cli.app import app

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands() -> list[tuple[str, click.Command]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, click.Command]] = []

    def walk(cmd: click.Command, path: str) -> None:
        found.append((path, cmd))
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(sub, f"{path} {name}")

    walk(root, "supple")
    return found


def test_every_command_has_help() -> None:
    for path, cmd in _commands():
        assert (cmd.help or "").strip(), f"`{path}` has no help text"
        for param in cmd.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert (param.help or "").strip(), f"`{path}` option {param.opts} has no help"


def test_every_command_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for path, _ in _commands()[1:]:
        assert f"`{path}" in text, f"`{path}` is not documented in docs/cli.md"
