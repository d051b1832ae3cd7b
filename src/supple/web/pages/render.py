"""Render a template with what every page shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse

if TYPE_CHECKING:
    from supple.web.deps import Context, Viewer


def page(
    request: Request,
    name: str,
    status_code: int = 200,
    *,
    ctx: Context | Viewer | None = None,
    **context: Any,
) -> HTMLResponse:
    """Render ``name`` with ``context``; ``nav`` marks the current section.

    With a patient's ``ctx`` the page knows whether they have answered the questions yet (the
    footer says "Answer the questions" until they have, "again" after); a clinician or an admin
    reading the library has no answers of their own.
    """
    templates = request.app.state.templates
    store = getattr(ctx, "store", None)
    principal = getattr(ctx, "principal", None)
    person = principal.person_id if principal is not None and principal.role == "patient" else None
    if store is None and person is not None:
        # A patient on a page open to every role (the library): their own answers.
        store = ctx.web.database.for_person(person)  # type: ignore[union-attr]
    if store is not None and "answered" not in context:
        context["answered"] = store.latest_profile() is not None
    response: HTMLResponse = templates.TemplateResponse(
        request, name, context, status_code=status_code
    )
    return response


def _lists(pairs: Iterable[tuple[str, object]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        if isinstance(value, str):
            out.setdefault(key, []).append(value)
    return out


async def form_lists(request: Request) -> dict[str, list[str]]:
    """The submitted form with every field as a list of strings (files ignored)."""
    return _lists((await request.form()).multi_items())


def query_lists(request: Request) -> dict[str, list[str]]:
    """The query string with every parameter as a list of strings."""
    return _lists(request.query_params.multi_items())


def whole_number(raw: str, low: int, high: int) -> int | None:
    """``raw`` as a whole number from ``low`` to ``high``, or None if it is not one."""
    raw = raw.strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses; and int() refuses more than
    # 4300 digits, so a long string is turned away before it gets there.
    if not (raw.isdecimal() and len(raw) <= 10):
        return None
    value = int(raw)
    return value if low <= value <= high else None
