"""A database made by release 0.1.0 keeps working unchanged, for its one person.

``data/release-0.1.0.db`` was written by that release (commit 37ef5a7) through its own store
API, and ``data/release-0.1.0.json`` is that release's ``supple export`` of it. Opening it
migrates it (0001 → … → 0005: accounts mode's tables, the programme's tables, then
the summary tables, filled at once) after a backup copy; every record must read as before.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from supple.store import Store
from supple.tracking.digest import digest_of
from tests.cli.kit import Supple, in_process
from tests.web.client import Client

DATA = Path(__file__).with_name("data")
RELEASE_DB = DATA / "release-0.1.0.db"
RELEASE_EXPORT = DATA / "release-0.1.0.json"


#: Sections of the export added after the release (empty in a file it wrote).
NEWER_SECTIONS = ("walk_plans", "walks", "lessons_read", "direction_findings", "questionnaires")


def _records(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    data.pop("exported_at")
    for section in NEWER_SECTIONS:
        assert data.pop(section, []) == []
    return data


@pytest.fixture
def copy(tmp_path: Path) -> str:
    path = tmp_path / "supple.db"
    shutil.copyfile(RELEASE_DB, path)
    return str(path)


@pytest.fixture
def supple(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], copy: str
) -> Supple:
    monkeypatch.delenv("SUPPLE_PERSON", raising=False)
    return in_process(monkeypatch, capsys, SUPPLE_DATABASE_URL=copy, COLUMNS="200")


def test_the_store_reads_what_the_release_wrote(copy: str) -> None:
    with Store.open(copy) as database:
        backup = database.migration_backup  # the file as the release left it, copied first
        assert backup is not None
        with sqlite3.connect(backup) as before:
            assert before.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert not database.directory().accounts_mode()  # still single-person until told
        [person] = database.person_ids()
        assert database.person() == person
        records = database.for_person(person)
        exported = _records(records.export_all().model_dump_json())
        assert exported == _records(RELEASE_EXPORT.read_text(encoding="utf-8"))
        state = records.unfinished_session()
        assert state is not None and state.key == "release-session-open" and state.plan
        assert records.tracking_digest() == digest_of(records.tracking_input())
    assert len(list(Path(copy).parent.glob("*.bak"))) == 1
    with Store.open(copy) as again:
        assert again.migration_backup is None  # migrated once


def test_the_commands_work_on_it_unchanged(supple: Supple, tmp_path: Path) -> None:
    history = supple("history")
    assert history.code == 0 and "after gardening" in history.out
    progress = supple("progress")
    assert progress.code == 0 and "3 sessions finished in all" in progress.out
    plan = supple("plan", "--json", "--seed", "1")
    assert plan.code == 0 and json.loads(plan.out)["items"]
    exported = supple("export", "--format", "json")
    assert _records(exported.out) == _records(RELEASE_EXPORT.read_text(encoding="utf-8"))
    assert supple("log", "pain", "2").code == 0
    backup = supple("backup", "-o", str(tmp_path / "copy.db"))
    assert backup.code == 0 and (tmp_path / "copy.db").stat().st_size > 0


def test_the_web_app_serves_its_person(copy: str) -> None:
    from supple.web import create_app

    with Store.open(copy) as database:
        client = Client(create_app(store=database))
        try:
            assert client.get("/api/v1/profile").json()["age"] == 70
            progress = client.get("/api/v1/progress").json()
            assert len(progress["history"]) == 4 and progress["activities"]
            plan = client.post("/api/v1/plans", json={}).json()
            assert client.get(f"/api/v1/plans/{plan['id']}/timeline").status_code == 200
        finally:
            client.close()


def test_its_export_imports_into_each_backend(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    supple = in_process(monkeypatch, capsys, SUPPLE_DATABASE_URL=database_url)
    done = supple("import", str(RELEASE_EXPORT))
    assert done.code == 0, done.err
    again = supple("export", "--format", "json")
    assert _records(again.out) == _records(RELEASE_EXPORT.read_text(encoding="utf-8"))
    assert "3 sessions finished in all" in supple("progress").out
