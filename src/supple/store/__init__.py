"""The store: SQLite by default, PostgreSQL for larger installs (an adapter; the domain never
imports it). ``Store`` loads SQLAlchemy on first use, so light readers stay fast."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from supple.app.records import History, PainEntry, SessionState, SessionSummary
from supple.store.errors import StoreError

if TYPE_CHECKING:
    from supple.store.store import Store


def __getattr__(name: str) -> Any:
    if name == "Store":
        from supple.store.store import Store

        return Store
    raise AttributeError(f"module 'supple.store' has no attribute {name!r}")


__all__ = ["History", "PainEntry", "SessionState", "SessionSummary", "Store", "StoreError"]
