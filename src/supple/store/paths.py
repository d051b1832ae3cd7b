"""Where the default database lives (kept light: no SQLAlchemy import)."""

from __future__ import annotations

from pathlib import Path


def default_path() -> Path:
    """The SQLite file in the person's data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("supple", appauthor=False)) / "supple.db"
