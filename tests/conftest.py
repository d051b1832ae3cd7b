"""Shared fixtures: real databases for everyone.

Database fixtures (names are stable; other areas use them):

``pg_server``
    Session-wide private PostgreSQL server (:mod:`pgserver`) on a free loopback port, started
    on first use and always stopped. If the server programs are missing the tests that need it
    fail with a message saying how to install them, unless ``SUPPLE_SKIP_POSTGRES=1`` is set
    (then they are skipped).
``database_url``
    A URL of a fresh database with Supple's current schema and no records, parametrised over
    ``sqlite`` (a temporary file) and ``postgresql`` (a new database copied from a migrated
    template on ``pg_server``): a test that takes it runs on both.
``sqlite_url`` / ``postgres_url``
    The same, for one backend only.
``store``
    The records (a :class:`supple.store.PersonStore`) of the only person of a database opened on
    ``database_url``, closed after the test.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.pgserver import PgServer, PostgresMissing

if TYPE_CHECKING:
    from supple.store import PersonStore

TEMPLATE_DB = "supple_template"
_counter = itertools.count()


@pytest.fixture(scope="session", autouse=True)
def _data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The server's own files (its push key) in a temporary folder, never the real data folder
    (an app on PostgreSQL would keep them there)."""
    name = "SUPPLE_DATA_DIR"
    before = os.environ.get(name)
    os.environ[name] = str(tmp_path_factory.mktemp("data"))
    yield
    if before is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = before


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if os.environ.get("SUPPLE_SKIP_POSTGRES") == "1":
        pytest.skip("SUPPLE_SKIP_POSTGRES=1: PostgreSQL tests skipped")
    try:
        server = PgServer()
    except PostgresMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    server.start()
    try:
        from supple.store import Store

        server.create_database(TEMPLATE_DB)
        Store.open(server.url(TEMPLATE_DB)).close()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from supple.store import Store

    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    Store.open(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def sqlite_url(_sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "supple.db"
    shutil.copyfile(_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def postgres_url(pg_server: PgServer) -> Iterator[str]:
    name = f"t_{os.getpid()}_{next(_counter)}"
    url = pg_server.create_database(name, template=TEMPLATE_DB)
    try:
        yield url
    finally:
        pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def store(database_url: str) -> Iterator[PersonStore]:
    from tests.records import person_records

    with person_records(database_url) as records:
        yield records
