"""Render a template with what every page shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``name`` with ``context``; ``nav`` marks the current section."""
    templates = request.app.state.templates
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
