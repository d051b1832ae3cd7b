"""The store: SQLite by default, PostgreSQL for larger installs (an adapter; the domain never
imports it)."""

from supple.store.errors import StoreError
from supple.store.records import History, PainEntry, SessionState, SessionSummary
from supple.store.store import Store

__all__ = ["History", "PainEntry", "SessionState", "SessionSummary", "Store", "StoreError"]
