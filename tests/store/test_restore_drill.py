"""The restore drill of docs/scale.md on a small database: ``pg_dump`` in the custom format,
``pg_restore`` into a new database, and the restored store holds every record and goes on
taking writes (its id sequences were restored too)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from supple.session.events import PainEvent
from supple.store import Store
from tests.people import T0, fill, key
from tests.pgserver import USER, PgServer

pytestmark = pytest.mark.postgres


def _tool(server: PgServer, name: str, *args: str) -> None:
    subprocess.run(
        [str(server.bindir / name), "-h", "127.0.0.1", "-p", str(server.port), "-U", USER, *args],
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_a_pg_dump_restores_into_a_new_database(
    pg_server: PgServer, postgres_url: str, tmp_path: Path
) -> None:
    with Store.open(postgres_url) as database:
        filled = fill(database.for_person(database.person()), "drill", minutes=10)
        before = database.for_person(filled.person).export_all().model_dump(exclude={"exported_at"})
        pains = database.for_person(filled.person).counts()["pain"]
    dump = tmp_path / "supple.dump"
    name = postgres_url.rsplit("/", 1)[1]
    _tool(pg_server, "pg_dump", "--format=custom", f"--file={dump}", name)
    restored_url = pg_server.create_database(f"{name}_restored")
    try:
        _tool(pg_server, "pg_restore", "--no-owner", f"--dbname={name}_restored", str(dump))
        with Store.open(restored_url) as restored:
            records = restored.for_person(restored.person())
            assert records.export_all().model_dump(exclude={"exported_at"}) == before
            assert filled.note in str(before)
            # New rows take ids after the restored ones (the sequences came back too).
            assert records.record(
                filled.session_id, PainEvent(key=key(), at=T0, when="after", score=2)
            )
            records.log_pain(3, at=T0)
            assert records.counts()["pain"] == pains + 2
    finally:
        pg_server.drop_database(f"{name}_restored")
