"""What a person typed is printed as typed: never as Rich markup, never with control
characters; mistyped database names and binary files get one line; entries are corrected."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.kit import Supple, in_process, one_line_error


@pytest.fixture
def supple(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> Supple:
    monkeypatch.delenv("SUPPLE_PERSON", raising=False)
    return in_process(monkeypatch, capsys, SUPPLE_DATABASE_URL=sqlite_url, COLUMNS="200")


def test_a_note_of_markup_does_not_break_later_history(supple: Supple) -> None:
    assert supple("log", "pain", "3", "--note", "[/] and [bold]not bold[/bold]").code == 0
    for _ in range(2):  # later runs too
        shown = supple("history")
        assert shown.code == 0, shown.err
        assert "[/] and [bold]not bold[/bold]" in shown.out


def test_escape_sequences_in_a_note_never_reach_the_terminal(supple: Supple) -> None:
    # The store refuses control characters in new notes; an older database may hold some.
    assert supple("log", "pain", "4", "--note", "red \x1b[31malert").code == 2
    assert supple("note", "add", "bell\x07 here").code == 2
    from supple.cli.common import plain

    assert plain("red \x1b[31malert\x07\r\n") == "red [31malert\n"
    assert plain("emoji 😀, עברית\ttab") == "emoji 😀, עברית\ttab"


def test_entries_are_corrected_and_deleted_from_the_command_line(supple: Supple) -> None:
    assert supple("log", "pain", "8", "--note", "wrong").code == 0
    assert supple("pain", "correct", "1", "--score", "3", "--clear-note").code == 0
    history = supple("history").out
    assert " 3 " in history and "wrong" not in history
    assert supple("note", "add", "slept badly").code == 0
    assert supple("note", "correct", "1", "slept well").code == 0
    assert "slept well" in supple("history").out
    assert supple("psfs", "--score", "putting on socks=3").code == 0
    listed = supple("activity", "list").out
    assert "putting on socks" in listed
    assert supple("activity", "rename", "1", "putting on shoes").code == 0
    assert "putting on shoes" in supple("activity", "list").out
    assert supple("activity", "remove", "1").code == 0
    assert "No activities" in supple("activity", "list").out
    assert supple("pain", "delete", "1").code == 0
    one_line_error(supple("pain", "delete", "1"))
    one_line_error(supple("pain", "correct", "1"))  # nothing to correct asked for


def test_a_mistyped_database_url_makes_no_file(
    supple: Supple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path = tmp_path / "here"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    for typo in ("::::", "postgres:/me@host/db", "notes"):
        found = supple("history", "--database-url", typo)
        one_line_error(found)
        assert "is not a database URL" in found.err
    assert list(tmp_path.iterdir()) == []
    made = supple("history", "--database-url", "sqlite:///mine.sqlite-file")
    assert made.code == 0 and (tmp_path / "mine.sqlite-file").is_file()
    assert supple("history", "--database-url", "fresh.db").code == 0  # named like a database
    (tmp_path / "list.txt").write_text("eggs\n")
    one_line_error(supple("history", "--database-url", "list.txt"))
    assert (tmp_path / "list.txt").read_text() == "eggs\n"


def test_a_binary_profile_file_gets_one_line(supple: Supple, tmp_path: Path) -> None:
    binary = tmp_path / "profile.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    found = supple("plan", "--profile", str(binary))
    one_line_error(found)
    assert "is not a text file" in found.err and "Unicode" not in found.err
