"""Every package says what it offers: a sorted ``__all__`` whose every name resolves."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "supple"


def _packages() -> list[str]:
    found = []
    for init in sorted(SRC.rglob("__init__.py")):
        parts = init.parent.relative_to(SRC.parent).parts
        found.append(".".join(parts))
    return found


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's order for ``__all__`` (RUF022): constants, then classes, then the rest."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name


def _problems(module: ModuleType) -> list[str]:
    """What is wrong with ``module.__all__`` (nothing when it is sorted and every name resolves)."""
    exported = getattr(module, "__all__", None)
    if exported is None:
        return ["no __all__"]
    problems = []
    if list(exported) != sorted(set(exported), key=_isort_key):
        problems.append(f"__all__ is not sorted and unique: {list(exported)}")
    problems += [f"'{name}' does not resolve" for name in exported if not hasattr(module, name)]
    return problems


def test_every_package_is_found() -> None:
    assert {"supple", "supple.store", "supple.web.api", "supple.store.migrations"} <= set(
        _packages()
    )


@pytest.mark.parametrize("name", _packages())
def test_all_is_sorted_and_resolves(name: str) -> None:
    assert _problems(importlib.import_module(name)) == []


@pytest.mark.parametrize("name", _packages())
def test_star_import_gives_exactly_all(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from {name} import *", namespace)
    namespace.pop("__builtins__")
    assert sorted(namespace) == sorted(importlib.import_module(name).__all__)


def test_the_check_sees_a_bad_all() -> None:
    module = ModuleType("fake")
    assert _problems(module) == ["no __all__"]
    vars(module).update(__all__=["b", "a", "missing"], a=1, b=2)
    assert _problems(module) == [
        "__all__ is not sorted and unique: ['b', 'a', 'missing']",
        "'missing' does not resolve",
    ]


def test_the_package_is_marked_typed() -> None:
    assert (SRC / "py.typed").is_file()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in data["tool"]["setuptools"]["package-data"]["*"]
