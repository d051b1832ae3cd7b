"""Every command has help text and a section in docs/cli.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from supple.cli.app import app

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands() -> list[tuple[str, Any]]:
    """Walk the real command tree (Typer bundles its own click, so go by duck typing)."""
    found: list[tuple[str, Any]] = []

    def walk(cmd: Any, path: str) -> None:
        found.append((path, cmd))
        for name, sub in sorted((getattr(cmd, "commands", None) or {}).items()):
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(app), "supple")
    return found


def test_the_walk_reaches_every_command() -> None:
    paths = {path for path, _ in _commands()}
    # The sub-commands of groups are reached, not only the root.
    assert {"supple library", "supple library show", "supple log pain", "supple plan"} <= paths


def test_every_command_has_help() -> None:
    for path, cmd in _commands():
        assert (cmd.help or "").strip(), f"`{path}` has no help text"
        for param in cmd.params:
            if param.param_type_name == "option" and not param.hidden:
                assert (param.help or "").strip(), f"`{path}` option {param.opts} has no help"


def test_every_command_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [path for path, _ in _commands()[1:] if f"`{path}" not in text]
    assert not missing, f"not documented in docs/cli.md: {missing}"
