"""The session cookie: an opaque random token (the server keeps only its hash), HttpOnly,
SameSite=Lax, Secure when served over HTTPS, for 30 days (the server slides it on)."""

from __future__ import annotations

from fastapi import Request, Response

from supple.app.signin import SESSION_LIFETIME, SignedIn
from supple.web.access import SESSION_COOKIE

#: Sent with a sign-out: the browser drops this site's caches and storage (the service
#: worker's cached pages, the outbox, the player's settings), so the next person finds nothing.
CLEAR_SITE_DATA = '"cache", "storage"'


def set_session(response: Response, request: Request, signed: SignedIn) -> None:
    """Give the browser its session cookie."""
    response.set_cookie(
        SESSION_COOKIE,
        signed.token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def clear_session(response: Response, request: Request) -> None:
    """Drop the session cookie and everything this site keeps in the browser."""
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
