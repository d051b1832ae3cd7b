"""The store: SQLite by default, PostgreSQL for larger installs (an adapter; the domain never
imports it). A ``Store`` is a database of people's records; ``Store.for_person(id)`` gives the
``PersonStore`` of one person, whose every query filters by that person. Both load SQLAlchemy on
first use, so light readers stay fast."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from supple.app.records import History, PainEntry, SessionState, SessionSummary
from supple.store.errors import BadExport, KeyConflict, StoreBusy, StoreError

if TYPE_CHECKING:
    from supple.store.store import PersonStore, Store


def __getattr__(name: str) -> Any:
    if name in ("PersonStore", "Store"):
        from supple.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'supple.store' has no attribute {name!r}")


__all__ = [
    "BadExport",
    "History",
    "KeyConflict",
    "PainEntry",
    "PersonStore",
    "SessionState",
    "SessionSummary",
    "Store",
    "StoreBusy",
    "StoreError",
]
