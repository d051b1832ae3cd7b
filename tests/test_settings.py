"""One settings object: every variable validated once, listed in docs/environment.md, and the only
place the code reads ``SUPPLE_*`` variables."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from supple.settings import Settings, SettingsError, env_name, load_settings

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "environment.md"
#: A variable's name as code reads or sets one: in quotes, or as ``NAME=`` (a keyword argument,
#: or the shell in a docstring); a constant such as ``SUPPLE_CODES = ...`` is not a variable.
VARIABLE = re.compile(r"""(?<=["'])SUPPLE_[A-Z_]+\b|\bSUPPLE_[A-Z_]+(?==)""")


def _section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def _listed(title: str) -> set[str]:
    """The variables in the first column of a section's table."""
    rows = re.findall(r"^\| `(SUPPLE_[A-Z_]+)` \|", _section(title), flags=re.MULTILINE)
    return set(rows)


def test_the_doc_lists_every_setting_and_no_other() -> None:
    assert _listed("Supple's settings") == {env_name(f) for f in Settings.model_fields}


def test_the_code_reads_no_other_supple_variable() -> None:
    settings = {env_name(f) for f in Settings.model_fields}
    test_only = _listed("Used by the tests and benchmarks only")
    found: dict[str, set[str]] = {}
    for folder in ("src", "tests", "benchmarks", "scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in VARIABLE.findall(path.read_text(encoding="utf-8")):
                found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    src_only = {n for n, files in found.items() if any(f.startswith("src/") for f in files)}
    assert src_only - settings == set(), "read outside the settings"
    assert set(found) - settings - test_only == set(), "not in docs/environment.md"


def test_a_bad_value_is_one_line_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPLE_DB_TIMEOUT", "abc")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value).startswith("SUPPLE_DB_TIMEOUT: ") and "'abc'" in str(caught.value)
    monkeypatch.setenv("SUPPLE_DB_TIMEOUT", "0")
    with pytest.raises(SettingsError, match=r"SUPPLE_DB_TIMEOUT: .*greater than 0"):
        load_settings()


def test_values_are_read_typed_and_empty_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPLE_DB_TIMEOUT", "2.5")
    monkeypatch.setenv("SUPPLE_DEBUG", "true")
    monkeypatch.setenv("SUPPLE_LIBRARY_DIR", "")
    monkeypatch.setenv("SUPPLE_SPEECH_COMMAND", "say -r 200")
    settings = load_settings()
    assert (settings.db_timeout, settings.debug, settings.library_dir) == (2.5, True, None)
    assert settings.speech_command == "say -r 200"
    assert load_settings(database_url="x.db").database_url == "x.db"  # given values win


def test_names_are_read_in_any_case_and_other_variables_are_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [n for n in os.environ if n.upper().startswith("SUPPLE_")]:
        monkeypatch.delenv(name)
    assert load_settings() == Settings()  # nothing set: the defaults
    monkeypatch.setenv("supple_db_timeout", "3")
    monkeypatch.setenv("SUPPLE_SKIP_POSTGRES", "1")  # a test switch, not a setting
    monkeypatch.setenv("PERSON", "9")
    settings = load_settings()
    assert (settings.db_timeout, settings.person) == (3.0, None)


def test_settings_cannot_change_once_read() -> None:
    settings = load_settings()
    with pytest.raises(ValidationError):
        settings.db_timeout = 1.0  # type: ignore[misc]
    with pytest.raises(SettingsError, match=f"^{env_name('no_such')}: "):
        load_settings(no_such=1)


def test_the_command_line_stops_at_a_bad_setting(tmp_path: Path) -> None:
    """The example of docs/environment.md, through the real console script."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SUPPLE_DB_TIMEOUT": "abc"}
    env["SUPPLE_DATABASE_URL"] = str(tmp_path / "never.db")
    done = subprocess.run(
        [sys.executable, "-m", "supple", "history"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("supple: error: SUPPLE_DB_TIMEOUT: ")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "never.db").exists()  # nothing was opened
