"""The person's subscribable calendar: a link with a long random secret, kept only as a hash,
that a phone's calendar polls; made again to rotate it, dropped to revoke it.

The link is the only key: whoever has it reads the feed, and a wrong or revoked one finds
nothing, exactly as a link that never existed (no hint of whose it was).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, time
from typing import Protocol

from supple.app import keys

#: The longest token a feed link carries (``secrets.token_urlsafe(32)`` gives 43 characters);
#: anything longer is not looked up.
TOKEN_MAX = 64


@dataclass(frozen=True)
class CalendarFeed:
    """A person's feed as kept: what it shows and when it was made (never the token)."""

    details: bool
    days: tuple[str, ...] | None
    at: time
    created_at: datetime


@dataclass(frozen=True)
class NewFeed:
    """A feed just made: its token is shown this once."""

    token: str
    feed: CalendarFeed


class FeedRecords(Protocol):
    """What the feed needs of one person's records."""

    def calendar_feed(self) -> CalendarFeed | None: ...

    def set_calendar_feed(self, *, token_hash: str, feed: CalendarFeed) -> None: ...

    def drop_calendar_feed(self) -> bool: ...


class FeedOwners(Protocol):
    """What the feed needs of the whole database: whose feed a token hash opens."""

    def calendar_feed_owner(self, token_hash: str) -> int | None: ...


def make_feed(
    *,
    store: FeedRecords,
    details: bool,
    days: tuple[str, ...] | None,
    at: time,
    now: datetime,
) -> NewFeed:
    """Make the person's feed, or rotate it: a new token, so the old link stops at once
    (``days`` as the calendar parses them; None: the programme's days spread over the week)."""
    token = secrets.token_urlsafe(32)
    at = at.replace(second=0, microsecond=0)
    feed = CalendarFeed(details=details, days=days, at=at, created_at=now)
    store.set_calendar_feed(token_hash=keys.digest(token), feed=feed)
    return NewFeed(token=token, feed=feed)


def revoke_feed(*, store: FeedRecords) -> bool:
    """Stop the person's feed link; False when there was none."""
    return store.drop_calendar_feed()


def feed_owner(*, db: FeedOwners, token: str) -> int | None:
    """The person whose feed ``token`` opens (None: no such feed, or a revoked one)."""
    if not 20 <= len(token) <= TOKEN_MAX:
        return None
    return db.calendar_feed_owner(keys.digest(token))


__all__ = [
    "CalendarFeed",
    "FeedOwners",
    "FeedRecords",
    "NewFeed",
    "feed_owner",
    "make_feed",
    "revoke_feed",
]
