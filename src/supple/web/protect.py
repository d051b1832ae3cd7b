"""The protections every request passes, outermost first: security headers on every response,
the Host check (Starlette's TrustedHostMiddleware: 400 for a name not allowed, which closes DNS
rebinding), the origin check of writes (403 for a cross-origin write, 415 for a JSON API write
that is not JSON, 413 for a body over 64 KB), and Starlette's body limit for bodies sent without
a length. Form tokens are checked by :func:`supple.web.access.guard`.
"""

from __future__ import annotations

import json
import secrets
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from supple.settings import Settings

#: The largest request body any route reads (JSON or form).
MAX_BODY = 64 * 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: The cookie that carries the form token of a browser that is not signed in yet.
FORM_COOKIE = "supple_form"
#: Only what the player uses: the screen wake lock and sound; everything else is off.
PERMISSIONS = (
    "screen-wake-lock=(self), autoplay=(self), camera=(), microphone=(), geolocation=(), "
    "payment=(), usb=(), serial=(), bluetooth=(), accelerometer=(), gyroscope=(), "
    "magnetometer=(), display-capture=(), browsing-topics=()"
)
#: An SVG opened on its own may style itself, and nothing else.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"


def content_policy(nonce: str) -> str:
    """The Content-Security-Policy of a page: nothing inline but the styles Supple marks with
    this response's nonce (an illustration's own stylesheet), nothing from elsewhere."""
    return (
        "default-src 'self'; script-src 'self'; "
        f"style-src 'self' 'nonce-{nonce}'; img-src 'self'; font-src 'self'; "
        "connect-src 'self'; media-src 'self'; worker-src 'self'; manifest-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


class SecurityHeaders:
    """Add the security headers to every response, errors and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        https = scope.get("scheme") == "https"
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                svg = headers.get("content-type", "").startswith("image/svg+xml")
                headers.setdefault(
                    "Content-Security-Policy", SVG_POLICY if svg else content_policy(nonce)
                )
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "same-origin"
                headers["Permissions-Policy"] = PERMISSIONS
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
                headers["Cross-Origin-Resource-Policy"] = "same-origin"
                if not static:  # a person's pages stay out of shared and back-button caches
                    headers.setdefault("Cache-Control", "no-store")
                if https:
                    headers["Strict-Transport-Security"] = "max-age=31536000"
                form_cookie = scope["state"].get("form_cookie")
                if form_cookie:  # a page made a form token for a browser not signed in yet
                    headers.append("Set-Cookie", form_cookie_header(form_cookie, https=https))
            await send(message)

        await self.app(scope, receive, send_with_headers)


def form_cookie_header(token: str, *, https: bool) -> str:
    """The cookie that holds the form token of a browser that is not signed in."""
    secure = "; Secure" if https else ""
    return f"{FORM_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=86400{secure}"


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return _plain(parts.scheme.lower(), parts.netloc.lower())


def _plain(scheme: str, netloc: str) -> str:
    for default in (("http", ":80"), ("https", ":443")):
        if scheme == default[0] and netloc.endswith(default[1]):
            netloc = netloc[: -len(default[1])]
    return f"{scheme}://{netloc}"


class SameOrigin:
    """Refuse a write that another site's page could have made: it must carry a bearer token,
    or an ``Origin`` (else a ``Referer``) of this very site; a JSON API write must be JSON, and
    no body may be larger than :data:`MAX_BODY`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        problem = self._problem(scope, headers)
        if problem is None:
            await self.app(scope, receive, send)
            return
        status, detail = problem
        await refusal(scope, send, status, detail)

    @staticmethod
    def _problem(scope: Scope, headers: Headers) -> tuple[int, str] | None:
        length = headers.get("content-length", "")
        if length.isdecimal() and int(length) > MAX_BODY:  # FastAPI's own limit counts the rest
            return 413, f"a request body is at most {MAX_BODY // 1024} KB"
        if scope["path"].startswith("/api/"):
            kind = headers.get("content-type", "").split(";")[0].strip().lower()
            has_body = headers.get("content-length", "0") not in ("", "0") or (
                "transfer-encoding" in headers
            )
            if (kind or has_body) and kind != "application/json":
                return 415, "the JSON API takes Content-Type: application/json"
        if headers.get("authorization", "").lower().startswith("bearer "):
            return None  # a token is not sent by the browser on its own: no forgery possible
        expected = _plain(str(scope.get("scheme", "http")), headers.get("host", "").lower())
        given = headers.get("origin")
        if given is None and headers.get("referer"):
            given = _origin(headers["referer"])
        if given is None:
            return 403, "a write needs a same-origin Origin or Referer header, or a bearer token"
        if given.lower() != expected:
            return 403, "this request came from another site, so it was refused"
        return None


async def refusal(scope: Scope, send: Send, status: int, detail: str) -> None:
    """Answer with ``status`` before the app sees the request: JSON under /api, else a page."""
    if scope["path"].startswith("/api/"):
        body = json.dumps({"detail": detail, "errors": []}).encode()
        kind = b"application/json"
    else:
        page = (
            "<!doctype html><html lang=en><meta charset=utf-8><title>Refused · Supple</title>"
            f"<h1>Refused</h1><p>{detail}.</p><p><a href=/>Back to Supple</a></p></html>"
        )
        body, kind = page.encode(), b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def install(app: FastAPI, settings: Settings) -> None:
    """Add the protections to ``app`` (each ``add_middleware`` wraps the ones before it)."""
    app.add_middleware(RequestBodyLimitMiddleware, max_body_size=MAX_BODY)  # chunked bodies too
    app.add_middleware(SameOrigin)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    app.add_middleware(SecurityHeaders)


__all__ = ["MAX_BODY", "SameOrigin", "SecurityHeaders", "content_policy", "install", "refusal"]
