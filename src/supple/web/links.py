"""Links that leave the app in a message (an invitation, a password reset): they start with
``SUPPLE_PUBLIC_URL`` when it is set, else with the address the request came to (whose Host
the Host check already allowed)."""

from __future__ import annotations

from fastapi import Request

from supple.web.deps import Web


def public_link(request: Request, path: str) -> str:
    web: Web = request.app.state.web
    base = web.settings.public_url or str(request.base_url).rstrip("/")
    return base.rstrip("/") + path
