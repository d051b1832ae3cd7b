"""Bring a database to the current schema; back up a SQLite file before changing it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from supple.store.errors import StoreError
from supple.store.revision import HEAD, KNOWN


def current_revision(conn: Connection) -> str | None:
    """The schema revision stored in the database, or None for a database without one."""
    if conn.dialect.name == "sqlite":
        found = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
    else:
        found = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
    if not found:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _foreign_tables(conn: Connection) -> list[str]:
    if conn.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    return [r[0] for r in conn.execute(text(sql))]


def backup_sqlite(path: Path, dest: Path) -> None:
    """Copy a live SQLite file consistently (the backup API also copies the WAL's content)."""
    src = sqlite3.connect(path)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()


def ensure_schema(engine: Engine, where: str, sqlite_file: Path | None) -> str | None:
    """Migrate to HEAD if needed; return the path of the backup made first, if any."""
    with engine.connect() as conn:
        revision = current_revision(conn)
        if revision == HEAD:
            return None
        if revision is None and _foreign_tables(conn):
            raise StoreError(
                f"{where} holds tables that are not Supple's; nothing was changed: "
                "choose another file or database"
            )
    if revision is not None and revision not in KNOWN:
        raise StoreError(
            f"{where} was written by a newer Supple (schema {revision}); "
            "upgrade supple to open it (nothing was changed)"
        )
    backup = None
    if revision is not None and sqlite_file is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        dest = sqlite_file.with_name(f"{sqlite_file.name}.before-{HEAD}-{stamp}.bak")
        backup_sqlite(sqlite_file, dest)
        backup = str(dest)
    _upgrade(engine)
    return backup


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "supple.store:migrations")
    with engine.execution_options(supple_write=True).begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two processes starting at once on an empty database: one migrates, one waits.
            conn.execute(text("SELECT pg_advisory_xact_lock(774411)"))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
