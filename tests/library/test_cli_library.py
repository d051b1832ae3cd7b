"""`supple library` and `supple library show`, on the packaged library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from supple.cli.app import app
from supple.library import Exercise, load_library
from supple.library.loader import as_mapping
from supple.library.vocab import EQUIPMENT, KINDS, POSITIONS, REGIONS

#: Wide enough that Rich never wraps a name; the narrow layout has its own test.
WIDE = {"COLUMNS": "200", "SUPPLE_LIBRARY_DIR": ""}
runner = CliRunner()


def _run(*args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, list(args), env=env or WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def _json(*args: str) -> Any:
    return json.loads(_run(*args, "--json"))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _supple(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SUPPLE_LIBRARY_DIR", "SUPPLE_DEBUG"}}
    return subprocess.run(
        [sys.executable, "-m", "supple", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_table_lists_every_entry_and_marks_the_avoided_ones() -> None:
    out = _run("library")
    library = load_library()
    for exercise_id in library:
        assert exercise_id in out
    assert f"{len(library)} exercises" in out
    for line in out.splitlines():
        if "toe_touch" in line or "full_sit_up" in line:
            assert "(not prescribed)" in line
        elif "cat_cow" in line.split():
            assert "not prescribed" not in line


def test_the_narrow_table_keeps_every_id_whole() -> None:
    out = _run("library", env={"COLUMNS": "80", "SUPPLE_LIBRARY_DIR": ""})
    words = set(out.split())
    assert set(load_library()) <= words
    assert max(len(line) for line in out.splitlines()) <= 80


def test_json_lists_every_field_of_every_entry() -> None:
    entries = _json("library")
    library = load_library()
    assert [e["id"] for e in entries] == [e.id for e in library.select()]
    for entry in entries:
        assert set(entry) == set(Exercise.model_fields)
        assert entry == as_mapping(library[entry["id"]])


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--region", "neck"], lambda e: "neck" in e["regions"]),
        (["--region", "lower-back"], lambda e: "lower_back" in e["regions"]),
        (["--position", "seated_chair"], lambda e: e["position"] == "seated_chair"),
        (["--kind", "relaxation"], lambda e: e["kind"] == "relaxation"),
        (["--equipment", "wall"], lambda e: "wall" in e["equipment"]),
        (["--equipment", "none"], lambda e: e["equipment"] == []),
        (
            ["--position", "standing", "--kind", "stretch", "--region", "hamstrings"],
            lambda e: (
                (e["position"], e["kind"]) == ("standing", "stretch")
                and "hamstrings" in e["regions"]
            ),
        ),
        (
            ["--region", "neck", "--region", "chest"],
            lambda e: {"neck", "chest"} & set(e["regions"]),
        ),
    ],
)
def test_filters_keep_exactly_the_matching_entries(args: list[str], check: Any) -> None:
    entries = _json("library", *args)
    kept = {e["id"] for e in entries}
    assert kept, "a filter that keeps nothing tests nothing"
    everything = _json("library")
    assert kept == {e["id"] for e in everything if check(e)}


def _some(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), max_size=2, unique=True)


@settings(max_examples=25, deadline=None)
@given(
    regions=_some(REGIONS),
    positions=_some(POSITIONS),
    kinds=_some(KINDS),
    equipment=_some((*EQUIPMENT, "none")),
)
def test_any_mix_of_filters_keeps_exactly_the_entries_matching_all_of_them(
    regions: list[str], positions: list[str], kinds: list[str], equipment: list[str]
) -> None:
    args = ["library", "--json"]
    for option, values in [
        ("--region", regions),
        ("--position", positions),
        ("--kind", kinds),
        ("--equipment", equipment),
    ]:
        for value in values:
            args += [option, value]

    def keeps(ex: Exercise) -> bool:
        needs = set(ex.equipment)
        return (
            (not regions or bool(set(regions) & set(ex.regions)))
            and (not positions or ex.position in positions)
            and (not kinds or ex.kind in kinds)
            and (
                not equipment or bool(needs & set(equipment)) or (not needs and "none" in equipment)
            )
        )

    listed = [e["id"] for e in json.loads(_run(*args))]
    assert sorted(listed) == sorted(ex.id for ex in load_library().values() if keeps(ex))


def test_search_matches_names_and_aliases() -> None:
    found = {e["id"] for e in _json("library", "--search", "knee chest")}
    assert {"knee_to_chest_single", "knee_to_chest_double", "chair_knee_hug"} <= found
    assert "cat_cow" not in found
    assert _json("library", "--search", "no such thing at all") == []
    assert "No exercise matches" in _run("library", "--search", "no such thing at all")


def test_show_lays_out_one_entry_for_reading() -> None:
    exercise = load_library()["chair_twist"]
    out = _run("library", "show", "chair_twist")
    flat = _flat(out)
    for i, step in enumerate(exercise.steps, 1):
        assert f"{i}. {_flat(step)}" in flat
    for text in [exercise.purpose, exercise.breathing, exercise.feel, *exercise.stop_if]:
        assert _flat(text) in flat
    for heading in ("Dose", "Steps", "Breathing", "Stop if", "Variants", "Licence"):
        assert heading in out
    assert "hold 15 s (safe range 10-30 s), 3 times" in flat
    assert "on each side" in flat
    for harder in exercise.progressions:
        assert harder in out
    assert "spinal rotation" in out


def test_show_explains_why_an_avoided_move_is_not_prescribed() -> None:
    exercise = load_library()["full_sit_up"]
    assert exercise.avoid is not None
    assert f"Not prescribed. {_flat(exercise.avoid)}" in _flat(_run("library", "show", exercise.id))
    assert "Not prescribed" not in _run("library", "show", "cat_cow")


def test_show_finds_an_entry_by_a_seed_name() -> None:
    assert _json("library", "show", "doorway stretch")["id"] == "doorway_chest_stretch"
    assert _json("library", "show", "Marching on the spot")["id"] == "march_on_the_spot"


def test_show_json_is_the_full_entry() -> None:
    assert _json("library", "show", "hip_drop_stretch") == as_mapping(
        load_library()["hip_drop_stretch"]
    )


def test_an_unknown_id_is_one_line_with_the_closest_ids() -> None:
    result = _supple("library", "show", "chair_twst")
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "chair_twst" in line and "chair_twist" in line


@pytest.mark.parametrize(
    ("option", "allowed"),
    [("--region", "hip_flexors"), ("--position", "side_lying"), ("--kind", "warm_up")],
)
def test_a_bad_filter_value_is_one_line_listing_the_allowed_values(
    option: str, allowed: str
) -> None:
    result = runner.invoke(app, ["library", option, "elbows"], env=WIDE)
    assert result.exit_code != 0
    assert f"unknown {option[2:]} 'elbows'" in str(result.exception)
    assert allowed in str(result.exception)


def test_a_bad_filter_value_exits_2_through_the_real_command() -> None:
    result = _supple("library", "--equipment", "trampoline")
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "unknown equipment 'trampoline'" in line and "towel_or_strap" in line


def _figure_ids() -> tuple[str | None, str | None]:
    """An exercise with a figure and one without (None when there is none of that sort)."""
    from supple.figures import render_exercise_svg

    drawn = missing = None
    for exercise in load_library().values():
        try:
            render_exercise_svg(exercise)
        except LookupError:
            missing = missing or exercise.id
        else:
            drawn = drawn or exercise.id
        if drawn and missing:
            break
    return drawn, missing


def test_svg_writes_the_illustration_or_says_there_is_none(tmp_path: Path) -> None:
    drawn, missing = _figure_ids()
    if drawn is None and missing is None:
        pytest.skip("this build has no figures package")
    if drawn is not None:
        target = tmp_path / "figure.svg"
        out = _run("library", "show", drawn, "--svg", str(target))
        assert str(target) in _flat(out)
        assert "<svg" in target.read_text(encoding="utf-8")
    if missing is not None:
        result = _supple("library", "show", missing, "--svg", str(tmp_path / "none.svg"))
        assert result.returncode == 2
        [line] = result.stderr.strip().splitlines()
        assert "no illustration" in line
        assert not (tmp_path / "none.svg").exists()


def test_the_module_imports_nothing_heavy_until_a_command_runs() -> None:
    code = (
        "import sys, supple.cli.library_cmd; "
        "print(sorted({'rich', 'yaml', 'pydantic'} & {m.split('.')[0] for m in sys.modules}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
