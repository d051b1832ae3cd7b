"""What every route needs, as typed FastAPI dependencies."""

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
    from supple.store import Store


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


@dataclass
class Context:
    """The app's collaborators, made once by ``create_app`` (nothing global at import)."""

    store: Store
    library: Library
    settings: Settings
    clock: Callable[[], datetime] = utc_now
    memo: Memo = field(default_factory=Memo)
    _write_lock: threading.Lock = field(default_factory=threading.Lock)

    def writing(self) -> AbstractContextManager[Any]:
        """Hold this while writing session events.

        SQLite lets one writer in at a time and makes the others back off with growing sleeps;
        queueing this process's writers on a lock instead keeps the wait short and fair.
        PostgreSQL locks rows, so writers there go in parallel.
        """
        return self._write_lock if self.store.dialect == "sqlite" else nullcontext()

    def today(self) -> date:
        """The person's local day (the store and tracking count days in local time too)."""
        return self.clock().astimezone().date()


def get_context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


ContextDep = Annotated[Context, Depends(get_context)]
