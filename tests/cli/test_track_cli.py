"""The tracking commands, end to end in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from supple.planner.model import Plan, PlanItem
from supple.safety.profile import Profile
from supple.session.events import EndEvent, FeedbackEvent, ItemEvent, PainEvent
from tests.cli.kit import Supple, in_process, one_line_error
from tests.records import person_records


def k() -> str:
    return uuid.uuid4().hex


T0 = datetime(2026, 3, 2, 7, 45, tzinfo=UTC)


@pytest.fixture
def supple(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], database_url: str
) -> Supple:
    """Run ``supple ARGS`` against ``database_url`` (given through the environment)."""
    return in_process(monkeypatch, capsys, SUPPLE_DATABASE_URL=database_url, COLUMNS="120")


def fill(url: str) -> None:
    """A bit of everything: profile, plan, a session with events, pain, PSFS, a note."""
    with person_records(url) as store:
        store.save_profile(Profile(pain_now=6, minutes=10), at=T0)
        item = PlanItem(
            exercise="cat_cow",
            name="Cat-cow",
            position="all_fours",
            sided=False,
            duration_s=60,
            seconds=60,
            why="moves the spine",
        )
        plan = Plan(status="plan", items=[item], total_seconds=60)
        plan_id = store.save_plan(plan, at=T0)
        for day in range(3):
            at = T0 + timedelta(days=day)
            sid = store.begin_session(plan_id, key=uuid.uuid4().hex, at=at)
            store.record(sid, PainEvent(key=k(), at=at, when="before", score=6 - day))
            store.record(
                sid,
                ItemEvent(
                    key=k(),
                    at=at,
                    index=0,
                    exercise="cat_cow",
                    planned_seconds=60,
                    held_seconds=58,
                    status="done",
                ),
            )
            store.record(
                sid, FeedbackEvent(key=k(), at=at, index=0, exercise="cat_cow", feedback="fine")
            )
            if day < 2:
                store.record(
                    sid, EndEvent(key=k(), at=at + timedelta(minutes=5), status="finished")
                )
        store.log_pain(4, note='stiff, "after" driving\nsecond line', at=T0 + timedelta(hours=5))
        store.save_psfs({"climbing stairs": 3, "putting on socks": 5}, at=T0)
        store.add_note("felt looser today", session_id=1, at=T0)


def test_log_pain(supple: Supple, database_url: str) -> None:
    result = supple("log", "pain", "5", "--note", "after gardening")
    assert result.code == 0 and "Logged pain 5/10" in result.out
    with person_records(database_url) as store:
        entry = store.history().pain[0]
        assert (entry.score, entry.note) == (5, "after gardening")


@pytest.mark.parametrize("bad", ["11", "-1", "five", "3.5"])
def test_log_pain_refuses_bad_scores(supple: Supple, database_url: str, bad: str) -> None:
    result = supple("log", "pain", "--", bad) if bad.startswith("-") else supple("log", "pain", bad)
    one_line_error(result)
    assert "0 to 10" in result.err
    with person_records(database_url) as store:
        assert store.database.counts()["pain"] == 0


def test_psfs_scores_from_options_and_prompts(supple: Supple, database_url: str) -> None:
    assert supple("psfs", "--score", "climbing stairs=4", "--score", "sitting=6").code == 0
    asked = supple("psfs", stdin="5\n7\n")
    assert asked.code == 0 and "climbing stairs" in asked.out
    bad = supple("psfs", "--score", "sitting=12")
    one_line_error(bad)
    one_line_error(supple("psfs", "--score", "no score here"))
    with person_records(database_url) as store:
        assert store.psfs_activities() == ["climbing stairs", "sitting"]
        assert store.database.counts()["psfs_score"] == 4


def test_psfs_questions_refuse_bad_answers(supple: Supple, database_url: str) -> None:
    one_line_error(supple("psfs", stdin="\n"))  # no activity named
    bad = supple("psfs", stdin="stairs\n\neleven\n")
    one_line_error(bad)
    assert "'eleven'" in bad.err
    with person_records(database_url) as store:
        assert store.database.counts()["psfs_activity"] == 0


def test_psfs_names_activities_when_none_exist(supple: Supple, database_url: str) -> None:
    result = supple("psfs", stdin="bending to garden\ncarrying shopping\n\n2\n4\n")
    assert result.code == 0, result.err
    with person_records(database_url) as store:
        assert store.psfs_activities() == ["bending to garden", "carrying shopping"]


def test_progress_and_chart(supple: Supple, database_url: str, tmp_path: Path) -> None:
    fill(database_url)
    result = supple("progress", "--chart", str(tmp_path / "p.png"))
    assert result.code == 0, result.err
    assert "Pain, last 28 days" in result.out and "This week:" in result.out
    assert "Streak:" in result.out
    assert (tmp_path / "p.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = supple("progress", "--chart", str(tmp_path / "p.svg"))
    assert svg.code == 0 and "<svg" in (tmp_path / "p.svg").read_text()
    one_line_error(supple("progress", "--chart", str(tmp_path / "p.gif")))
    assert not (tmp_path / "p.gif").exists()


def test_progress_on_a_new_database(supple: Supple) -> None:
    result = supple("progress")
    assert result.code == 0 and "No pain scores yet" in result.out
    assert "of 7 planned days" in result.out


def test_days_per_week_is_remembered(supple: Supple) -> None:
    assert "of 4 planned days" in supple("progress", "--days-per-week", "4").out
    assert "of 4 planned days" in supple("progress").out
    one_line_error(supple("progress", "--days-per-week", "8"))
    assert "of 4 planned days" in supple("progress").out


def test_history(supple: Supple, database_url: str) -> None:
    assert "Nothing recorded yet" in supple("history").out
    fill(database_url)
    result = supple("history", "--limit", "5")
    assert result.code == 0
    assert "finished" in result.out and "in progress" in result.out
    assert "stiff" in result.out


def _comparable(url: str) -> dict[str, Any]:
    with person_records(url) as store:
        data = store.export_all().model_dump(mode="json")
    data.pop("exported_at")
    return data


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_import_round_trip_loses_nothing(
    supple: Supple, database_url: str, fmt: str, tmp_path: Path
) -> None:
    fill(database_url)
    out = tmp_path / f"export.{fmt}"
    assert supple("export", "--format", fmt, "--output", str(out)).code == 0
    target = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = supple("import", str(out), "--database-url", target)
    assert result.code == 0, result.err
    assert "Imported" in result.out
    original = _comparable(database_url)
    assert _comparable(target) == original
    assert len(original["sessions"]) == 3 and len(original["event_keys"]) == 11


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_import_into_each_backend_keeps_everything(
    supple: Supple, database_url: str, tmp_path: Path, fmt: str
) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    fill(source)
    out = tmp_path / f"e.{fmt}"
    assert supple("export", "--format", fmt, "-o", str(out), "--database-url", source).code == 0
    assert supple("import", str(out)).code == 0  # into database_url (the environment)
    assert _comparable(database_url) == _comparable(source)
    # ids continue after the imported ones
    with person_records(database_url) as store:
        assert store.log_pain(2) > 3


def _bad_files(tmp_path: Path, good: dict[str, Any]) -> list[tuple[str, str]]:
    def variant(change: Callable[[dict[str, Any]], object]) -> str:
        data = json.loads(json.dumps(good))
        change(data)
        return json.dumps(data)

    return [
        ("not json", "{ this is not json"),
        ("other json", json.dumps({"hello": 1})),
        ("score 12", variant(lambda d: d["pain"][0].update(score=12))),
        ("unknown exercise", variant(lambda d: d["items"][0].update(exercise="toe_touchy"))),
        ("missing session", variant(lambda d: d["items"][0].update(session_id=99))),
        ("bad profile", variant(lambda d: d["profiles"][0]["answers"].update(pain_now=40))),
        ("bad csv", "record,name\nfoo,bar\n"),
        ("naive time", variant(lambda d: d["pain"][0].update(at="2026-03-02T07:45:00"))),
    ]


def test_malformed_imports_write_nothing(supple: Supple, database_url: str, tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    fill(source)
    with person_records(source) as store:
        good = store.export_all().model_dump(mode="json")
    for name, text in _bad_files(tmp_path, good):
        path = tmp_path / "bad.json"
        path.write_text(text)
        result = supple("import", str(path))
        one_line_error(result)
        with person_records(database_url) as store:
            assert sum(store.database.counts().values()) == 1, name  # only the person
    one_line_error(supple("import", str(tmp_path / "missing.json")))


def test_import_refuses_a_database_with_records(
    supple: Supple, database_url: str, tmp_path: Path
) -> None:
    fill(database_url)
    out = tmp_path / "e.json"
    supple("export", "-o", str(out))
    result = supple("import", str(out))
    one_line_error(result)
    assert "already holds records" in result.err


def test_export_format_is_checked(supple: Supple) -> None:
    one_line_error(supple("export", "--format", "xml"))


def test_backup(supple: Supple, database_url: str, tmp_path: Path) -> None:
    fill(database_url)
    out = tmp_path / "copy.bak"
    result = supple("backup", "--output", str(out))
    assert result.code == 0 and str(out) in result.out
    if database_url.startswith("sqlite"):
        with sqlite3.connect(out) as conn:
            assert conn.execute("SELECT count(*) FROM session").fetchone() == (3,)
        with person_records(str(out)) as copy, person_records(database_url) as live:
            assert copy.database.counts() == live.database.counts()
        dated = supple("backup")  # default: a dated file in backups/ next to the database
        folder = Path(database_url.removeprefix("sqlite:///")).parent / "backups"
        assert dated.code == 0 and len(list(folder.glob("supple-*.db"))) == 1
    else:
        assert json.loads(out.read_text())["format"] == "supple-export"
    before = out.read_bytes()
    one_line_error(supple("backup", "--output", str(out)))  # never overwrites
    assert out.read_bytes() == before


def test_locked_database_says_what_to_do(
    supple: Supple, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPLE_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("SUPPLE_DB_TIMEOUT", "0.2")
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = supple("log", "pain", "3")
        one_line_error(result)
        assert "locked by another program" in result.err and "try again" in result.err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert supple("log", "pain", "3").code == 0


def test_corrupt_file_is_never_reset(
    supple: Supple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "garbage.db"
    junk = bytes(range(256)) * 40
    path.write_bytes(junk)
    monkeypatch.setenv("SUPPLE_DATABASE_URL", str(path))
    for args in (["log", "pain", "3"], ["progress"], ["history"]):
        result = supple(*args)
        one_line_error(result)
        assert "damaged or is not a Supple database" in result.err
    assert path.read_bytes() == junk
