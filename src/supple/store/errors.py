"""The one error the store raises: a message that says what happened and what to do."""

from __future__ import annotations


class StoreError(Exception):
    """A database problem a person can act on (locked, damaged, newer schema, bad input)."""
