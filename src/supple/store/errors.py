"""The one error the store raises: a message that says what happened and what to do."""

from __future__ import annotations


class StoreError(Exception):
    """A database problem a person can act on (locked, damaged, newer schema, bad input)."""


class KeyConflict(StoreError):
    """A key that is already someone else's: a session key bound to another plan, or a key
    another person's session holds (the message never says whose)."""


class BadExport(StoreError):
    """A file that is not a valid export; the message names the first problem."""


def explain(exc: BaseException, where: str) -> StoreError:
    """Turn a driver error into a message that says what to do."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    low = text.lower()
    if "locked" in low:
        return StoreError(
            f"the database {where} is locked by another program (another supple?); "
            "close it and try again"
        )
    if "not a database" in low or "malformed" in low or "disk image" in low:
        return StoreError(
            f"{where} is damaged or is not a Supple database; nothing was changed: restore a "
            "backup (supple backup makes them) or move the file aside to start a new one"
        )
    if "unable to open database" in low:
        return StoreError(f"cannot open {where}: check that the folder exists and is writable")
    if any(
        part in low
        for part in (
            "connection refused",
            "could not connect",
            "timeout expired",
            "connection failed",
        )
    ):
        return StoreError(
            f"cannot reach the {where}: check that the server is running and the URL is right"
        )
    if "does not exist" in low and "database" in low:
        return StoreError(f"the {where} does not exist: create it first (createdb)")
    if "password authentication failed" in low or "authentication" in low:
        return StoreError(f"the {where} refused the login: check the user and password")
    return StoreError(f"database error on {where}: {first}")
