"""Who a database serves (kept light: the light progress read needs it, without SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Sequence

from supple.store.errors import StoreError


def choose(ids: Sequence[int], wanted: int | None, where: str) -> int | None:
    """The person to serve among ``ids`` (every person of the database, by id).

    ``wanted`` when given (StoreError when there is no such person); otherwise the database's
    only person, or None when it has none yet. A database of several people is never served
    to whoever comes first: without ``wanted`` that is a StoreError saying how to choose.
    """
    if wanted is not None:
        if wanted not in ids:
            raise StoreError(f"there is no person {wanted} in {where}")
        return wanted
    if len(ids) > 1:
        raise StoreError(
            f"{where} holds the records of {len(ids)} people; choose one with SUPPLE_PERSON "
            f"(one of {', '.join(map(str, ids))})"
        )
    return ids[0] if ids else None
