"""The domain (library, safety, planner, session, tracking, figures) never imports an adapter."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "supple"
DOMAIN = ["library", "safety", "planner", "session", "tracking", "figures"]
ADAPTERS = ["cli", "web", "store", "export"]
#: Libraries that do I/O or belong to an adapter; the domain must not import them.
IO_LIBRARIES = {
    "sqlalchemy",
    "alembic",
    "psycopg",
    "fastapi",
    "starlette",
    "uvicorn",
    "typer",
    "click",
    "rich",
    "matplotlib",
    "httpx",
    "requests",
    "socket",
    "subprocess",
    "sqlite3",
    "platformdirs",
    "jinja2",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _domain_files() -> list[Path]:
    return [p for pkg in DOMAIN for p in sorted((SRC / pkg).rglob("*.py"))]


@pytest.mark.parametrize("path", _domain_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_domain_imports_no_adapter(path: Path) -> None:
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] == "supple" and len(parts) > 1:
            assert parts[1] not in ADAPTERS, f"{path.name} imports the adapter {name}"
        assert parts[0] not in IO_LIBRARIES, f"{path.name} imports the I/O library {name}"


def test_every_package_is_classified() -> None:
    packages = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(DOMAIN) | set(ADAPTERS)


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from supple.store import db\nimport sqlalchemy\n")
    assert {"supple.store", "sqlalchemy"} <= _imports(bad)
