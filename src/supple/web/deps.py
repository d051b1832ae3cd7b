"""What every route needs, as typed FastAPI dependencies: the person whose request it is, and
their records."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from supple.library import Library

if TYPE_CHECKING:
    from supple.settings import Settings
    from supple.store import PersonStore, Store


def utc_now() -> datetime:
    return datetime.now(UTC)


class Memo:
    """A small least-recently-used memo for things that never change once made (saved plans
    and their timelines), so a busy player does not rebuild them on every request."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def forget(self, key: Hashable) -> None:
        with self._lock:
            self._items.pop(key, None)

    def forget_person(self, person_id: int) -> None:
        """Drop everything kept for one person (their records were deleted: ids come again)."""
        with self._lock:
            for key in [k for k in self._items if isinstance(k, tuple) and k[:1] == (person_id,)]:
                del self._items[key]


@dataclass(frozen=True)
class PersonMemo:
    """The memo as one person's requests see it: every key is theirs alone."""

    memo: Memo
    person_id: int

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        return self.memo.get((self.person_id, key), make)

    def forget(self, key: Hashable) -> None:
        self.memo.forget((self.person_id, key))


@dataclass
class Web:
    """The app's collaborators, made once by ``create_app`` (nothing global at import)."""

    database: Store
    library: Library
    settings: Settings
    #: whom the app serves while it has no login: the settings' person or the only one
    person_id: int
    clock: Callable[[], datetime] = utc_now
    memo: Memo = field(default_factory=Memo)
    _write_lock: threading.Lock = field(default_factory=threading.Lock)
    _records: dict[int, PersonStore] = field(default_factory=dict)

    def records(self, person_id: int) -> PersonStore:
        """The records of ``person_id`` (looked up once)."""
        found = self._records.get(person_id)
        if found is None:
            found = self._records[person_id] = self.database.for_person(person_id)
        return found


@dataclass(frozen=True)
class Context:
    """What one request works with: the records of the person whose request it is."""

    web: Web
    store: PersonStore
    memo: PersonMemo

    @property
    def library(self) -> Library:
        return self.web.library

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.web.clock

    def writing(self) -> AbstractContextManager[Any]:
        """Hold this while writing session events.

        SQLite lets one writer in at a time and makes the others back off with growing sleeps;
        queueing this process's writers on a lock instead keeps the wait short and fair.
        PostgreSQL locks rows, so writers there go in parallel.
        """
        return self.web._write_lock if self.store.dialect == "sqlite" else nullcontext()

    def today(self) -> date:
        """The person's local day (the store and tracking count days in local time too)."""
        return self.clock().astimezone().date()


def current_person(request: Request) -> int:
    """Whose request this is. One person for now; a login will decide it (override this)."""
    web: Web = request.app.state.web
    return web.person_id


def get_context(request: Request, person_id: Annotated[int, Depends(current_person)]) -> Context:
    web: Web = request.app.state.web
    return Context(web=web, store=web.records(person_id), memo=PersonMemo(web.memo, person_id))


ContextDep = Annotated[Context, Depends(get_context)]
