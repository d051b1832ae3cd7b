"""Imports run one way: each package imports only those below it, and no modules form a cycle.

The ranks, lowest first: the domain (library; figures on the library only; safety; planner;
session; tracking), the words made from it (presentation), the use cases (app), then the
adapters (store; export, which reads the store's snapshot; web; cli on top). The settings are
read by the adapters only, and the domain imports no library that does I/O.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
DOMAIN = ("library", "figures", "safety", "planner", "session", "tracking")
#: What each part of ``supple`` may import (besides itself and the root ``supple`` package).
ALLOWED: dict[str, set[str]] = {
    "library": set(),
    "figures": {"library"},
    "safety": {"library"},
    "planner": {"library", "safety"},
    "session": {"library", "safety", "planner"},
    "tracking": {"library", "safety", "planner", "session"},
    "settings": set(),
}
ALLOWED["presentation"] = set(DOMAIN)
ALLOWED["app"] = ALLOWED["presentation"] | {"presentation"}
ALLOWED["store"] = ALLOWED["app"] | {"app"}
ALLOWED["export"] = ALLOWED["store"] | {"store"}
ALLOWED["web"] = ALLOWED["export"] | {"export", "settings"}
ALLOWED["cli"] = ALLOWED["web"] | {"web"}
ALLOWED["__main__"] = {"cli"}
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
    "os",
    "pydantic_settings",
}


def module_name(path: Path, root: Path = SRC) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(root: Path = SRC) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted((root / "supple").rglob("*.py"))}


def imports(path: Path, name: str, known: Iterable[str]) -> set[str]:
    """Every module ``path`` (the module ``name``) imports, anywhere in it, resolved to a known
    module where it names one (``from supple.web import services`` is ``supple.web.services``)."""
    modules = set(known)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if child in modules else base)
    return found


def graph(root: Path = SRC) -> dict[str, set[str]]:
    """Module -> the ``supple`` modules it imports."""
    mods = _modules(root)
    return {
        name: {m for m in imports(path, name, mods) if m in mods and m != name}
        for name, path in mods.items()
    }


def part(module: str) -> str:
    """The part of ``supple`` a module belongs to ('' for the root package)."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else ""


def upward(edges: Mapping[str, set[str]]) -> list[str]:
    """Every import of a part that the importer's part may not import."""
    bad = []
    for source, targets in sorted(edges.items()):
        mine = part(source)
        for target in sorted(targets):
            theirs = part(target)
            if theirs in ("", mine):
                continue
            if theirs not in ALLOWED.get(mine, set()):
                bad.append(f"{source} imports {target}")
    return bad


def cycles(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges.get(node, ()):
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_every_part_is_ranked() -> None:
    parts = {part(m) for m in _modules()} - {""}
    assert parts <= set(ALLOWED), f"not ranked: {sorted(parts - set(ALLOWED))}"


def test_no_part_imports_upward() -> None:
    assert upward(graph()) == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    assert cycles(graph()) == []


def _domain_files() -> list[Path]:
    return [p for pkg in DOMAIN for p in sorted((SRC / "supple" / pkg).rglob("*.py"))]


@pytest.mark.parametrize("path", _domain_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_the_domain_imports_no_io_library(path: Path) -> None:
    for name in imports(path, module_name(path), ()):
        assert name.split(".")[0] not in IO_LIBRARIES, f"{path.name} imports {name}"


def test_the_checks_see_violations(tmp_path: Path) -> None:
    pkg = tmp_path / "supple"
    for folder in ("planner", "store", "web"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "planner" / "plan.py").write_text("from supple.store import db\nimport sqlalchemy\n")
    (pkg / "store" / "db.py").write_text("def f():\n    from supple.planner import plan\n")
    (pkg / "web" / "a.py").write_text("from . import b\n")
    (pkg / "web" / "b.py").write_text("from supple.web.a import X\n")
    edges = graph(tmp_path)
    assert edges["supple.planner.plan"] == {"supple.store.db"}
    assert upward(edges) == ["supple.planner.plan imports supple.store.db"]
    assert cycles(edges) == [
        ["supple.planner.plan", "supple.store.db"],
        ["supple.web.a", "supple.web.b"],
    ]
    plan = pkg / "planner" / "plan.py"
    assert "sqlalchemy" in imports(plan, "supple.planner.plan", ())
