"""The one reminder sender among the app's processes, chosen by a lock the database gives.

On PostgreSQL the sender holds a session advisory lock (``pg_try_advisory_lock``) on a
connection of its own, kept open while it sends; the server frees it when that connection or
its process dies, and the next worker to try takes it. On SQLite it holds an exclusive
``flock`` on a lock file next to the database file, freed by the kernel when the process ends.
Every worker tries on every tick, so one that was not chosen takes over within a tick.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from supple.store import engine as eng

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from supple.store.base import StoreBase

#: The advisory lock's key (any fixed number no other lock of Supple uses).
SENDER_KEY = 774413
#: The lock file's name ends with this, next to the SQLite file.
LOCK_SUFFIX = ".reminders.lock"


class SenderLock:
    """Whether this process is the reminder sender; ``hold`` tries to be (or stay) it."""

    def __init__(self, database: StoreBase) -> None:
        self._engine = database._engine
        self._url = database.url
        self._conn: Connection | None = None
        self._fd: int | None = None
        self._memory = False

    @property
    def held(self) -> bool:
        return self._conn is not None or self._fd is not None or self._memory

    def hold(self) -> bool:
        """True when this process is the sender now: it held the lock and still does, or it
        took it just now. Never raises: a database that cannot be reached is "not now"."""
        if self._engine.dialect.name == "postgresql":
            return self._hold_postgres()
        return self._hold_file()

    def _hold_postgres(self) -> bool:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT 1"))
                return True
            except SQLAlchemyError:
                self._drop_connection()  # the server went away: the lock went with it
        try:
            conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except SQLAlchemyError:
            return False
        try:
            got = bool(
                conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": SENDER_KEY}).scalar()
            )
        except SQLAlchemyError:
            got = False
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def _hold_file(self) -> bool:
        if self._fd is not None or self._memory:
            return True
        file = eng.sqlite_path(self._url)
        if file is None:  # an in-memory database lives in this process only
            self._memory = True
            return True
        path = file.with_name(file.name + LOCK_SUFFIX)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def _drop_connection(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(SQLAlchemyError):
                self._conn.invalidate()
            with contextlib.suppress(SQLAlchemyError):
                self._conn.close()
            self._conn = None

    def release(self) -> None:
        """Stop being the sender (another process may take over on its next tick)."""
        if self._conn is not None:
            with contextlib.suppress(SQLAlchemyError):
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SENDER_KEY})
            with contextlib.suppress(SQLAlchemyError):
                self._conn.close()
            self._conn = None
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
        self._memory = False


__all__ = ["LOCK_SUFFIX", "SENDER_KEY", "SenderLock"]
