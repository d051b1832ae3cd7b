"""Every failure becomes a 4xx with a readable message: JSON under /api, a page elsewhere."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from supple.app.errors import Conflict, NotFound, Refused
from supple.library import LibraryError, UnknownExercise, UnknownLesson
from supple.planner.substitute import SwapRefused

log = logging.getLogger("supple.web")


def _clean(errors: list[Any]) -> list[dict[str, Any]]:
    out = []
    for err in errors[:20]:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body",)]
        out.append({"loc": loc, "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))})
    return out


def _summary(errors: list[dict[str, Any]]) -> str:
    if not errors:
        return "invalid request"
    parts = [f"{'.'.join(e['loc']) or 'request'}: {e['msg']}" for e in errors[:3]]
    more = len(errors) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def _respond(request: Request, status: int, detail: str, errors: Any = ()) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": detail, "errors": list(errors)}, status_code=status)
    templates = request.app.state.templates
    page: Response = templates.TemplateResponse(
        request, "error.html", {"status": status, "detail": detail}, status_code=status
    )
    return page


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    from supple.store import KeyConflict, StoreError

    async def _invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError | ValidationError)
        errors = _clean(list(exc.errors()))
        return _respond(request, 422, _summary(errors), errors)

    for invalid in (RequestValidationError, ValidationError):
        app.add_exception_handler(invalid, _invalid)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        return _respond(request, exc.status_code, detail)

    # Domain and service errors carry a message a person can act on; only the status differs.
    statuses: dict[type[Exception], int] = {
        UnknownExercise: 404,
        UnknownLesson: 404,
        NotFound: 404,
        Conflict: 409,
        KeyConflict: 409,
        LibraryError: 422,
        StoreError: 422,
        SwapRefused: 422,
        Refused: 422,
    }

    async def _known(request: Request, exc: Exception) -> Response:
        status = next(code for kind, code in statuses.items() if isinstance(exc, kind))
        return _respond(request, status, str(exc))

    for kind in statuses:
        app.add_exception_handler(kind, _known)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        # A bug, not bad input: logged in full; the person gets a calm page.
        log.exception("unhandled error on %s", request.url.path)
        return _respond(request, 500, "something went wrong on our side; please try again")
