"""Faults on real databases: concurrent writers, kill -9 mid-write, damaged, locked, newer."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from supple.store import Store, StoreError, migrate
from tests.records import person_records

WRITER = Path(__file__).with_name("store_writer.py")


def writer(url: str, mode: str, count: int, tag: str = "") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, mode, str(count), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_writing_at_once_both_land(database_url: str) -> None:
    logs = writer(database_url, "pain", 40, "a")
    sessions = writer(database_url, "sessions", 5, "b")
    for proc in (logs, sessions):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.split() == ["ready", "done"]
    with person_records(database_url) as store:
        counts = store.database.counts()
    assert counts["session"] == 5 and counts["session_item"] == 30
    assert counts["pain"] == 40 + 5 * 2


def _consistent(url: str) -> dict[str, int]:
    """Every stored event key has its effect, and nothing has an effect without its key."""
    engine = create_engine(url)
    with engine.connect() as conn:

        def one(sql: str) -> int:
            return int(conn.execute(text(sql)).scalar_one())

        items = one("SELECT count(*) FROM event_key WHERE type = 'item'")
        assert items == one("SELECT count(*) FROM session_item WHERE status IS NOT NULL")
        feedback = one("SELECT count(*) FROM event_key WHERE type = 'feedback'")
        assert feedback == one("SELECT count(*) FROM session_item WHERE feedback IS NOT NULL")
        pain = one("SELECT count(*) FROM event_key WHERE type = 'pain'")
        assert pain == one("SELECT count(*) FROM pain WHERE session_id IS NOT NULL")
        ends = one("SELECT count(*) FROM event_key WHERE type = 'end'")
        assert ends == one("SELECT count(*) FROM session WHERE status <> 'in_progress'")
        sessions = one("SELECT count(*) FROM session")
    engine.dispose()
    return {"sessions": sessions, "items": items, "ends": ends}


def _write_then_kill(url: str, after: float) -> int:
    """Run a never-ending session writer, SIGKILL it ``after`` seconds in; its return code."""
    proc = writer(url, "sessions", 0)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    try:
        proc.wait(timeout=after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
    code = proc.wait()
    proc.stdout.close()
    assert proc.stderr is not None
    proc.stderr.close()
    return code


@pytest.mark.slow
def test_kill_9_mid_write_leaves_a_consistent_database(sqlite_url: str) -> None:
    rng = random.Random(4)
    killed = 0
    for _ in range(20):
        killed += _write_then_kill(sqlite_url, rng.uniform(0.02, 0.4)) == -signal.SIGKILL
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert killed == 20  # the writer never stops on its own: every run was cut short
    counts = _consistent(sqlite_url)
    assert counts["sessions"] > 0 and counts["items"] > 0
    # and it still opens and takes writes
    with person_records(sqlite_url) as store:
        store.log_pain(1)
        assert store.unfinished_session() is not None or counts["ends"] == counts["sessions"]


@pytest.mark.slow
def test_kill_9_on_postgres_leaves_a_consistent_database(postgres_url: str) -> None:
    rng = random.Random(5)
    for _ in range(5):
        _write_then_kill(postgres_url, rng.uniform(0.05, 0.4))
    assert _consistent(postgres_url)["sessions"] > 0


def test_garbage_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    junk = b"this is a shopping list, not a database\n" * 200
    path.write_bytes(junk)
    with pytest.raises(
        StoreError, match=r"damaged or is not a Supple database.*nothing was changed"
    ):
        Store.open(str(path))
    assert path.read_bytes() == junk
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_truncated_database_is_refused(sqlite_url: str) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with person_records(sqlite_url) as store:
        for n in range(200):
            store.log_pain(n % 11, note="x" * 200)
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\x00garbage" * 512 + data[8192:])
    with pytest.raises(StoreError, match="damaged"), person_records(sqlite_url) as store:
        store.history(limit=500)
        store.database.counts()


def test_locked_file_gives_a_clear_message(sqlite_url: str) -> None:
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (
            person_records(sqlite_url, timeout=0.2) as store,
            pytest.raises(StoreError, match=r"locked by another program.*try again"),
        ):
            store.log_pain(3)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_newer_schema_is_refused(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"newer Supple.*upgrade supple"):
        Store.open(database_url)


def test_someone_elses_tables_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="not Supple's"):
        Store.open(str(path))


def test_unreachable_server_says_so() -> None:
    from tests.pgserver import free_port

    with pytest.raises(StoreError, match="cannot reach"):
        Store.open(f"postgresql://supple@127.0.0.1:{free_port()}/nothing", timeout=1)


def test_a_new_file_is_created_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "new.db"
    path.parent.mkdir()
    with person_records(str(path)) as store:
        assert store.database.migration_backup is None
        assert store.database.counts()["person"] == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_migration_backs_up_the_file_first(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with person_records(sqlite_url) as store:
        store.log_pain(6)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    # Pretend this Supple knows a newer revision, so the file at HEAD needs a migration.
    from supple.store.revision import HEAD, KNOWN

    newer = f"{int(HEAD) + 1:04d}"
    monkeypatch.setattr(migrate, "HEAD", newer)
    monkeypatch.setattr(migrate, "KNOWN", (*KNOWN, newer))
    seen: list[list[str]] = []

    def upgrade(engine: object) -> None:
        seen.append(sorted(p.name for p in path.parent.glob("*.bak")))

    monkeypatch.setattr(migrate, "_upgrade", upgrade)
    database = Store.open(sqlite_url)
    database.close()
    assert database.migration_backup is not None
    backup = Path(database.migration_backup)
    assert seen == [[backup.name]]  # the copy existed before the upgrade ran
    assert backup.name.startswith(f"supple.db.before-{newer}-")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT score FROM pain").fetchall() == [(6,)]


def test_head_matches_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from supple.store.revision import HEAD, KNOWN

    config = Config()
    config.set_main_option("script_location", "supple.store:migrations")
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == HEAD
    assert [s.revision for s in reversed(list(scripts.walk_revisions()))] == list(KNOWN)


def test_light_read_equals_the_store_read(database_url: str) -> None:
    from supple.store.fastread import tracking_input

    with person_records(database_url) as store:
        store.log_pain(5)
        store.save_psfs({"stairs": 4})
        expected = store.tracking_input()
    assert tracking_input(database_url, today=expected.today) == expected


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("new_york")
def test_days_are_the_persons_local_days(database_url: str) -> None:
    from datetime import UTC, date, datetime

    from supple.store.fastread import tracking_input

    late_evening = datetime(2026, 3, 3, 2, 30, tzinfo=UTC)  # 21:30 on 2 March in New York
    with person_records(database_url) as store:
        store.log_pain(4, at=late_evening)
        sid = store.begin_session(None, key="k" * 12, at=late_evening)
        data = store.tracking_input(today=date(2026, 3, 10))
    assert [p.day for p in data.pain] == [date(2026, 3, 2)]
    assert [s.day for s in data.sessions] == [date(2026, 3, 2)] and sid
    assert tracking_input(database_url, today=date(2026, 3, 10)) == data
