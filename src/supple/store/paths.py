"""Where the database is when no URL names a server (kept light: no SQLAlchemy import)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_URL = "SUPPLE_DATABASE_URL"


def default_path() -> Path:
    """The SQLite file in the person's data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("supple", appauthor=False)) / "supple.db"


def requested(url: str | None) -> str:
    """The URL asked for: the argument, else ``SUPPLE_DATABASE_URL``, else '' (the default)."""
    return url or os.environ.get(ENV_URL) or ""


def plain_file(text: str) -> Path | None:
    """The SQLite file when ``text`` is empty (the default file) or a plain path, else None."""
    if not text:
        return default_path()
    if "://" not in text:
        return Path(text).expanduser()
    return None
