"""What every route needs, as typed FastAPI dependencies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from supple.library import Library

if TYPE_CHECKING:
    from supple.store import Store


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Context:
    """The app's collaborators, made once by ``create_app`` (nothing global at import)."""

    store: Store
    library: Library
    clock: Callable[[], datetime] = utc_now

    def today(self) -> date:
        """The person's local day (the store and tracking count days in local time too)."""
        return self.clock().astimezone().date()


def get_context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


ContextDep = Annotated[Context, Depends(get_context)]


def templates(request: Request) -> Any:
    return request.app.state.templates
