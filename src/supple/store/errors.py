"""The errors the store raises: a message that says what happened and what to do, and whether
trying again later can help (:class:`StoreBusy`) or not."""

from __future__ import annotations


class StoreError(Exception):
    """A database problem a person can act on (locked, damaged, newer schema, bad input)."""


class StoreBusy(StoreError):
    """A temporary problem: the database is locked by another writer, the server cannot be
    reached or dropped the connection, or a transaction lost a race. Nothing was written;
    the same request later can succeed (the web answers 503 with ``Retry-After``)."""


class KeyConflict(StoreError):
    """A key that is already someone else's: a session key bound to another plan, or a key
    another person's session holds (the message never says whose)."""


class StateConflict(StoreError):
    """Not possible with the records as they are: a name the person already gave to another
    entry, a scale that holds five activities already."""


class NameTaken(StateConflict):
    """A name the person already gave to another of their entries (an activity)."""


class NoSuchRecord(StoreError):
    """The person has no record with that id (a plan, a session)."""


class BadExport(StoreError):
    """A file that is not a valid export; the message names the first problem."""


#: PostgreSQL error classes (SQLSTATE prefixes) and codes that pass: connection lost (08),
#: resources exhausted such as too many connections (53), operator intervention such as a
#: server shutting down or starting up (57), serialisation failures and deadlocks (40001,
#: 40P01), and a lock not granted in time (55P03).
TEMPORARY_SQLSTATES = ("08", "53", "57", "40001", "40P01", "55P03")
#: Words of driver messages that mean the same, for drivers that give no SQLSTATE (SQLite) or
#: for failures before a connection exists.
TEMPORARY_WORDS = (
    "is locked",  # SQLite: the database, a table or the schema
    "connection refused",
    "could not connect",
    "timeout expired",
    "connection failed",
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection not open",
    "consuming input failed",
    "no connection to the server",
    "the database system is",
    "could not serialize",
    "deadlock detected",
    "too many connections",
)
CONNECT_WORDS = ("connection refused", "could not connect", "timeout expired", "connection failed")


def sqlstate(exc: BaseException) -> str:
    """The SQLSTATE of a driver error (psycopg's ``sqlstate``), or "" when it has none."""
    orig = getattr(exc, "orig", None) or exc
    return str(getattr(orig, "sqlstate", None) or "")


def is_temporary(exc: BaseException) -> bool:
    """Whether ``exc`` (a driver or SQLAlchemy error) may pass if the request is tried again."""
    state = sqlstate(exc)
    if state and any(state.startswith(prefix) for prefix in TEMPORARY_SQLSTATES):
        return True
    if getattr(exc, "connection_invalidated", False):  # SQLAlchemy saw the connection drop
        return True
    low = str(getattr(exc, "orig", None) or exc).lower()
    return any(word in low for word in TEMPORARY_WORDS)


def explain(exc: BaseException, where: str) -> StoreError:
    """Turn a driver error into a message that says what to do (a StoreBusy when it is
    temporary)."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    low = text.lower()
    if "not a database" in low or "malformed" in low or "disk image" in low:
        return StoreError(
            f"{where} is damaged or is not a Supple database; nothing was changed: restore a "
            "backup (supple backup makes them) or move the file aside to start a new one"
        )
    if "unable to open database" in low:
        return StoreError(f"cannot open {where}: check that the folder exists and is writable")
    if "does not exist" in low and "database" in low:
        return StoreError(f"the {where} does not exist: create it first (createdb)")
    if "password authentication failed" in low or "authentication" in low:
        return StoreError(f"the {where} refused the login: check the user and password")
    if not is_temporary(exc):
        return StoreError(f"database error on {where}: {first}")
    if "locked" in low:
        return StoreBusy(
            f"the database {where} is locked by another program (another supple?); "
            "close it and try again"
        )
    if any(part in low for part in CONNECT_WORDS):
        return StoreBusy(
            f"cannot reach the {where}: check that the server is running and the URL is right"
        )
    return StoreBusy(f"the {where} is busy or the connection dropped ({first}); try again")
