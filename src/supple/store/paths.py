"""Where the database is when no URL names a server, and how long to wait for it (kept light:
no SQLAlchemy import)."""

from __future__ import annotations

from pathlib import Path

#: Seconds a write waits for another writer (or a connection for the server) before giving up.
DEFAULT_TIMEOUT = 10.0


def default_path() -> Path:
    """The SQLite file in the person's data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("supple", appauthor=False)) / "supple.db"


def plain_file(text: str) -> Path | None:
    """The SQLite file when ``text`` is empty (the default file) or a plain path, else None."""
    if not text:
        return default_path()
    if "://" not in text:
        return Path(text).expanduser()
    return None
