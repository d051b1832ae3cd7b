"""The app's own route table, read from its router (included routers flattened), and the
refusals every route may answer with, added to each one's OpenAPI responses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from supple.web.access import rules_of
from supple.web.protect import SAFE_METHODS


@dataclass(frozen=True)
class Entry:
    """One route: its method, its full path, and the route object (rules on its dependant)."""

    method: str
    path: str
    route: BaseRoute

    @property
    def rules(self) -> set[str]:
        return rules_of(getattr(self.route, "dependant", None))


def _flat(app: FastAPI) -> Iterator[tuple[BaseRoute, str | None, set[str] | None]]:
    try:  # FastAPI 0.165 keeps included routers as they are; older ones flatten them
        from fastapi.routing import iter_route_contexts
    except ImportError:  # pragma: no cover
        for route in app.routes:
            yield route, getattr(route, "path", None), getattr(route, "methods", None)
        return
    for found in iter_route_contexts(app.routes):
        yield found.original_route, found.path, found.methods


def table(app: FastAPI) -> list[Entry]:
    """Every (method, path) the app answers, mounts as ``MOUNT /static``."""
    out = []
    for route, path, methods in _flat(app):
        if path is None:
            continue
        for method in sorted(methods or {"MOUNT"}):
            if method != "HEAD":
                out.append(Entry(method, path, route))
    return out


def _error(description: str) -> dict[str, Any]:
    from supple.web.schemas import ErrorOut

    return {"model": ErrorOut, "description": description}


def document_refusals(app: FastAPI) -> None:
    """Add the protections' answers to every API route's documented responses."""
    for entry in table(app):
        route = entry.route
        if not isinstance(route, APIRoute) or not entry.path.startswith("/api/"):
            continue
        extra: dict[int | str, dict[str, Any]] = {}
        if entry.rules - {"public"}:
            extra[401] = _error("not signed in, or the token or session is no longer valid")
            extra[403] = _error("signed in, but this role may not do this")
        if entry.method not in SAFE_METHODS:
            extra[403] = _error("a cross-origin write, or a role that may not do this")
            extra[413] = _error("the body is larger than 64 KB")
            extra[415] = _error("the body is not application/json")
        for status, spec in extra.items():
            route.responses.setdefault(status, spec)
