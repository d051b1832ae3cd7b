"""Times are stored in UTC; SQLite keeps them naive, PostgreSQL as ``timestamptz``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC; a naive value is taken to be local time (what a person typed)."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC)


def at_or_now(at: datetime | None) -> datetime:
    """``at`` in UTC, or the current time when it is not given."""
    return as_utc(at) if at else now()


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime that round-trips in UTC on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        utc = as_utc(value)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]
