"""The app's own route table, read from its router (included routers flattened), and the
refusals every route may answer with, added to each one's OpenAPI responses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
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


ERROR_OUT = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}


def _refusals(entry: Entry) -> dict[str, str]:
    """The protections' answers ``entry`` may give, by status code."""
    # The app answers a request that does not validate with its own shape (ErrorOut), not
    # FastAPI's default one, so every route documents that.
    out = {"422": "the request is not valid (a one-line detail, then the field-level errors)"}
    if entry.rules - {"public"}:
        out["401"] = "not signed in, or the token or session is no longer valid"
        out["403"] = "signed in, but this role may not do this"
    if entry.method not in SAFE_METHODS:
        out["400"] = "the body is not valid JSON"
        out["403"] = "a cross-origin write, or a role that may not do this"
        out["413"] = "the body is larger than 64 KB"
        out["415"] = "the body is not application/json"
    return out


def document_refusals(app: FastAPI) -> None:
    """Add the protections' answers to every API route's documented responses."""
    # FastAPI builds the schema from the routes as they were included, so the answers are
    # added to the schema it makes rather than to the routes afterwards.
    make = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = make()
        for entry in table(app):
            operation = schema.get("paths", {}).get(entry.path, {}).get(entry.method.lower())
            if operation is None or not entry.path.startswith("/api/"):
                continue
            answers = operation.setdefault("responses", {})
            for status, description in _refusals(entry).items():
                if status == "422" or status not in answers:
                    answers[status] = {"description": description, "content": ERROR_OUT}
        for unused in ("HTTPValidationError", "ValidationError"):
            schema.get("components", {}).get("schemas", {}).pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
