"""The table of today's kept answers (see :mod:`supple.store.today_cache`), and the one
statement every write of a person's records runs to forget theirs."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, update
from sqlalchemy.orm import Mapped, mapped_column

from supple.store.schema import Base

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class TodayCacheRow(Base):
    """A person's answer to today's routine for one day and variant, and its generation.

    Not exported with the records: it is made again from them on the next request."""

    __tablename__ = "today_cache"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    #: raised by every write of the person's records (which also clears ``body``)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    day: Mapped[date | None] = mapped_column(Date)
    #: what else the answer depends on: the minutes asked for, the zone, the code and library
    variant: Mapped[str | None] = mapped_column(String(200))
    #: the response's JSON (None: nothing kept since the last write)
    body: Mapped[str | None] = mapped_column(Text)


def invalidate(db: Session, person_id: int) -> None:
    """Forget the person's kept answer, in the transaction of the write that changes it."""
    db.execute(
        update(TodayCacheRow)
        .where(TodayCacheRow.person_id == person_id)
        .values(generation=TodayCacheRow.generation + 1, body=None)
    )


__all__ = ["TodayCacheRow", "invalidate"]
