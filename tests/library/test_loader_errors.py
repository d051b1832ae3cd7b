"""A broken library file gives one line naming the file, the field and the problem: never a
traceback. Checked on real files, through the loader and through the real `supple` command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from supple.library import Library, LibraryError, load_library
from supple.library.loader import load_dir, parse_exercise


def _entry(exercise_id: str = "gentle_move", **changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": exercise_id,
        "name": "Gentle move",
        "kind": "stretch",
        "level": 1,
        "regions": ["lower_back"],
        "position": "seated_chair",
        "equipment": ["chair"],
        "sided": False,
        "dose": {"hold_s": 20, "hold_min_s": 10, "hold_max_s": 30, "reps": 3},
        "purpose": "A made-up entry used to check the loader.",
        "steps": ["Sit tall.", "Lean a little."],
        "breathing": "Breathe slowly.",
        "feel": "A mild stretch.",
        "mistakes": ["Rushing."],
        "stop_if": ["Pain spreads down a leg."],
        "loads": ["spinal_flexion"],
    }
    entry.update(changes)
    return entry


def _write(folder: Path, name: str, content: dict[str, Any] | str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        text = content if isinstance(content, str) else yaml.safe_dump(content, sort_keys=False)
        path.write_text(text, encoding="utf-8")
    return path


def _without(field: str) -> dict[str, Any]:
    entry = _entry()
    del entry[field]
    return entry


#: (case, the broken file's content, words the one-line error must contain)
BROKEN: list[tuple[str, Callable[[], dict[str, Any] | str | bytes], list[str]]] = [
    ("wrong type", lambda: _entry(level="gentle"), ["field 'level'", "integer", "'gentle'"]),
    ("missing field", lambda: _without("steps"), ["field 'steps'", "Field required"]),
    (
        "bad yaml",
        lambda: "id: gentle_move\nregions: [lower_back\nname: Gentle move\n",
        ["not valid YAML", "line"],
    ),
    (
        "unknown load",
        lambda: _entry(loads=["spinal_flexion", "cartwheel"]),
        ["field 'loads.1'", "'cartwheel'", "spinal_extension"],
    ),
    (
        "dangling regression",
        lambda: _entry(regressions=["no_such_move"]),
        ["field 'regressions'", "no exercise 'no_such_move'"],
    ),
    (
        "hold outside its range",
        lambda: _entry(dose={"hold_s": 90, "hold_min_s": 10, "hold_max_s": 30}),
        ["field 'dose'", "outside its safe range"],
    ),
    (
        "unquoted colon",
        lambda: "\n".join(
            line if not line.startswith("- Rushing") else "- Rushing: going too fast"
            for line in yaml.safe_dump(_entry(), sort_keys=False).splitlines()
        ),
        ["field 'mistakes.0'", "put quotes around"],
    ),
    ("id differs from file name", lambda: _entry("other_name"), ["field 'id'", "file name"]),
    ("empty file", lambda: "", ["empty"]),
    ("not a mapping", lambda: "- just\n- a list\n", ["expected a mapping"]),
    ("not utf-8", lambda: b"id: gentle_move\nname: Caf\xe9 stretch\n", ["not UTF-8"]),
    ("unknown field", lambda: _entry(colour="blue"), ["field 'colour'", "not permitted"]),
]


@pytest.mark.parametrize(("case", "content", "words"), BROKEN, ids=[c[0] for c in BROKEN])
def test_the_loader_names_file_field_and_problem(
    tmp_path: Path, case: str, content: Callable[[], Any], words: list[str]
) -> None:
    _write(tmp_path, "gentle_move.yaml", content())
    with pytest.raises(LibraryError) as caught:
        load_dir(tmp_path)
    message = str(caught.value)
    assert message.startswith("gentle_move.yaml"), message
    assert "\n" not in message
    for word in words:
        assert word in message, f"{case}: {word!r} not in {message!r}"


def _supple(library_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUPPLE_LIBRARY_DIR": str(library_dir)}
    env.pop("SUPPLE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "supple", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


#: The cases the issue names, run through the real command (a process each, so keep it short).
CLI_CASES = ["wrong type", "missing field", "bad yaml", "unknown load", "dangling regression"]


@pytest.mark.parametrize("case", CLI_CASES)
def test_the_cli_reports_a_broken_file_in_one_line(tmp_path: Path, case: str) -> None:
    content, words = next((c, w) for name, c, w in BROKEN if name == case)
    _write(tmp_path, "fine_move.yaml", _entry("fine_move"))
    _write(tmp_path, "gentle_move.yaml", content())
    for args in (["library"], ["library", "show", "fine_move"]):
        result = _supple(tmp_path, *args)
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert "gentle_move.yaml" in lines[0]
        for word in words:
            assert word in lines[0], f"{case}: {word!r} not in {lines[0]!r}"


def test_the_cli_reports_a_missing_library_folder(tmp_path: Path) -> None:
    result = _supple(tmp_path / "nowhere", "library")
    assert result.returncode == 2
    assert "no such folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_folder_of_valid_files_is_used_instead_of_the_packaged_library(tmp_path: Path) -> None:
    _write(tmp_path, "gentle_move.yaml", _entry())
    _write(tmp_path, "stronger_move.yaml", _entry("stronger_move", level=2))
    result = _supple(tmp_path, "library", "--json")
    assert result.returncode == 0, result.stderr
    assert {e["id"] for e in yaml.safe_load(result.stdout)} == {"gentle_move", "stronger_move"}


def test_duplicate_ids_are_refused() -> None:
    one = parse_exercise(yaml.safe_dump(_entry()), "gentle_move.yaml")
    with pytest.raises(LibraryError, match="appears twice"):
        Library([one, one])


def test_a_folder_without_entries_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match=r"no \*\.yaml"):
        load_dir(tmp_path)


def test_the_packaged_library_loads_and_its_links_resolve() -> None:
    library = load_library()
    assert len(library) >= 40
    for exercise in library.values():
        for other in (*exercise.regressions, *exercise.progressions):
            assert other in library
