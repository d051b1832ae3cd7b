"""Today's answer per person, kept in the store so a repeated ``GET /api/v1/plan/today`` is one
query instead of some twenty-five.

One row per person: the answer (the response's JSON) for one local day and one variant (the
minutes asked for, the time zone, the code and library that made it), and a generation that
every write of the person's records raises in its own transaction (:func:`invalidate`, called by
:meth:`PersonBase._write`), clearing the answer. An answer computed on a miss is kept only if
the generation is still the one read before computing (:meth:`TodayCacheMixin.keep_today`), so
a write that lands while it is computed is never hidden by an answer made before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from supple.store import engine as eng
from supple.store.base import PersonBase
from supple.store.today_tables import TodayCacheRow

if TYPE_CHECKING:
    from sqlalchemy.engine import CursorResult


@dataclass(frozen=True)
class Cached:
    """What the store holds for today: the answer (None on a miss) and the generation it was
    read at (None: no row yet)."""

    body: str | None
    generation: int | None


class TodayCacheMixin(PersonBase):
    """The person's kept answer to today's routine (read in one query, kept if still true)."""

    @eng.guarded
    def today_cached(self, day: date, variant: str) -> Cached:
        """The answer kept for ``day`` and ``variant`` (one query), or a miss with the
        generation to hand to :meth:`keep_today`."""
        row = TodayCacheRow
        query = select(row.generation, row.day, row.variant, row.body).where(
            row.person_id == self.person_id
        )
        with self._glance() as db:
            found = db.execute(query).one_or_none()
        if found is None:
            return Cached(None, None)
        generation, kept_day, kept_variant, body = found
        if body is not None and kept_day == day and kept_variant == variant:
            return Cached(body, generation)
        return Cached(None, generation)

    @eng.guarded
    def start_today(self) -> int:
        """Make the person's row (generation 0) before a first answer is computed, so the
        writes from then on raise its generation; return the generation to compute at."""
        try:
            with self._write_plain() as db:
                db.add(TodayCacheRow(person_id=self.person_id, generation=0))
        except IntegrityError:
            return -1  # made by another request meanwhile: this answer is not kept
        return 0

    @eng.guarded
    def keep_today(self, generation: int, day: date, variant: str, body: str) -> bool:
        """Keep ``body`` as the answer for ``day`` and ``variant`` if no write came since
        ``generation`` was read; return whether it was kept."""
        row = TodayCacheRow
        change = (
            update(row)
            .where(row.person_id == self.person_id, row.generation == generation)
            .values(day=day, variant=variant, body=body)
        )
        # One statement, atomic on its own: on PostgreSQL it needs no transaction around it.
        with self._glance() if self.dialect == "postgresql" else self._write_plain() as db:
            result = cast("CursorResult[Any]", db.execute(change))
            return bool(result.rowcount == 1)


__all__ = ["Cached", "TodayCacheMixin"]
