"""The calendar feed of one person (``supple.app.feeds``), and whose feed a token opens."""

from __future__ import annotations

from datetime import time

from sqlalchemy import delete, select

from supple.app.feeds import CalendarFeed
from supple.store import engine as eng
from supple.store.base import PersonBase, StoreBase
from supple.store.feed_tables import CalendarFeedRow


def _feed(row: CalendarFeedRow) -> CalendarFeed:
    days = tuple(row.days.split(",")) if row.days else None
    return CalendarFeed(
        details=row.details, days=days, at=time.fromisoformat(row.at), created_at=row.created_at
    )


class FeedsMixin(PersonBase):
    """The person's one calendar feed: made, rotated (a new token hash) and dropped."""

    @eng.guarded
    def calendar_feed(self) -> CalendarFeed | None:
        """The person's feed as kept (None: they have none)."""
        with self._read() as db:
            row = db.get(CalendarFeedRow, self.person_id)
            return None if row is None else _feed(row)

    @eng.guarded
    def set_calendar_feed(self, *, token_hash: str, feed: CalendarFeed) -> None:
        """Keep the person's feed under ``token_hash``, replacing the one they had."""
        with self._write() as db:
            row = db.get(CalendarFeedRow, self.person_id, with_for_update=True)
            if row is None:
                row = CalendarFeedRow(person_id=self.person_id)
                db.add(row)
            row.token_hash = token_hash
            row.details = feed.details
            row.days = ",".join(feed.days) if feed.days else None
            row.at = feed.at.strftime("%H:%M")
            row.created_at = feed.created_at

    @eng.guarded
    def drop_calendar_feed(self) -> bool:
        """Forget the person's feed; False when they had none."""
        with self._write() as db:
            gone = db.execute(
                delete(CalendarFeedRow).where(CalendarFeedRow.person_id == self.person_id)
            )
            return bool(gone.rowcount)  # type: ignore[attr-defined]


class FeedOwnersMixin(StoreBase):
    """Whose feed a token hash opens (the one lookup that crosses people, by a secret)."""

    @eng.guarded
    def calendar_feed_owner(self, token_hash: str) -> int | None:
        """The person whose feed is kept under ``token_hash`` (None: nobody's)."""
        with self._read() as db:
            found: int | None = db.scalar(
                select(CalendarFeedRow.person_id).where(CalendarFeedRow.token_hash == token_hash)
            )
            return found


__all__ = ["FeedOwnersMixin", "FeedsMixin"]
