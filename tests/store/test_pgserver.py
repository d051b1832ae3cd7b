"""The private PostgreSQL server helper: a missing install is a loud, helpful failure."""

from __future__ import annotations

import glob
import shutil

import pytest

from tests import pgserver


def test_missing_postgres_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glob, "glob", lambda pattern: [])
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pgserver.PostgresMissing, match=r"make test.*SUPPLE_SKIP_POSTGRES=1"):
        pgserver.find_bindir()


def test_the_server_answers_on_loopback(pg_server: pgserver.PgServer) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=pg_server.port, user="supple", dbname="postgres"
    ) as conn:
        assert conn.execute("SELECT current_setting('fsync')").fetchone() == ("off",)
        assert conn.execute("SELECT inet_server_addr()::text").fetchone() == ("127.0.0.1/32",)
