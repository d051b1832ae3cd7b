"""Every failure becomes a 4xx with a readable message (JSON under /api, a page elsewhere), and a
temporary store failure a 503 with ``Retry-After``, so a client keeps what it sent and tries
again."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from supple.app.errors import Conflict, NotAllowed, NotFound, Refused, SignInNeeded, Throttled
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


#: FastAPI's detail for a body it could not decode (JSON that is not UTF-8).
BODY_UNREADABLE = "There was an error parsing the body"
#: Seconds a client waits before trying again after a temporary store failure.
RETRY_AFTER_S = 2


def _respond(
    request: Request,
    status: int,
    detail: str,
    errors: Any = (),
    headers: Mapping[str, str] | None = None,
) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse(
            {"detail": detail, "errors": list(errors)}, status_code=status, headers=headers
        )
    templates = request.app.state.templates
    page: Response = templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "detail": detail},
        status_code=status,
        headers=headers,
    )
    return page


#: The methods a route may answer (probed one by one for ``Allow``).
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed(request: Request) -> str:
    """Every method some route of the app answers on this request's path."""
    routes = request.app.router.routes
    allowed = [
        method
        for method in METHODS
        if any(r.matches({**request.scope, "method": method})[0] == Match.FULL for r in routes)
    ]
    return ", ".join(allowed)


def _sign_in(request: Request, exc: Exception) -> Response:
    """An API client is told how to authenticate; a browser is sent to sign in, and back."""
    if request.url.path.startswith("/api/v1/"):
        return _respond(request, 401, str(exc), headers={"WWW-Authenticate": "Bearer"})
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    from supple.store import KeyConflict, StoreBusy, StoreError
    from supple.store.errors import NoSuchRecord, StateConflict

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
        status = exc.status_code
        if status == 400 and detail == BODY_UNREADABLE and request.url.path.startswith("/api/"):
            # FastAPI turns a body that is not UTF-8 into this 400; the API documents a body
            # that is not valid JSON as 422, whatever the reason.
            status, detail = 422, "the body is not valid JSON (JSON is UTF-8 text)"
        headers = exc.headers
        if exc.status_code == 405:
            # Starlette names the methods of the first route of this path only.
            headers = {**(headers or {}), "Allow": _allowed(request)}
            if detail == "Method Not Allowed":
                detail = f"{request.method} is not allowed on {request.url.path}"
        return _respond(request, status, detail, headers=headers)

    @app.exception_handler(StoreBusy)
    async def _busy(request: Request, exc: Exception) -> Response:
        # Nothing was written: the same request later can succeed, so say when to try again.
        log.warning("temporary store failure on %s: %s", request.url.path, exc)
        headers = {"Retry-After": str(RETRY_AFTER_S)}
        return _respond(request, 503, str(exc), headers=headers)

    # Domain and service errors carry a message a person can act on; only the status differs.
    async def _not_signed_in(request: Request, exc: Exception) -> Response:
        return _sign_in(request, exc)

    app.add_exception_handler(SignInNeeded, _not_signed_in)

    async def _throttled(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Throttled)
        headers = {"Retry-After": str(exc.retry_after)}
        return _respond(request, 429, str(exc), headers=headers)

    app.add_exception_handler(Throttled, _throttled)

    statuses: dict[type[Exception], int] = {
        NotAllowed: 403,
        UnknownExercise: 404,
        UnknownLesson: 404,
        NotFound: 404,
        Conflict: 409,
        KeyConflict: 409,
        StateConflict: 409,
        NoSuchRecord: 404,
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
