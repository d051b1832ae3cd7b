"""What the pages' templates need for the protections: the form token every form posts, the
nonce an inline illustration's stylesheet carries, and who is signed in (for the menu)."""

from __future__ import annotations

import secrets
from typing import Any

from jinja2 import Environment, pass_context
from markupsafe import Markup, escape
from starlette.requests import Request

from supple.app.identity import Principal
from supple.web.access import FORM_COOKIE


def form_token(request: Request) -> str | None:
    """The token this request's forms carry: the session's once signed in; before that, a
    random one kept in a cookie (set with the response); none in single-person mode."""
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is not None:
        return principal.csrf_token
    token = request.cookies.get(FORM_COOKIE) or getattr(request.state, "form_cookie", None)
    if not token:
        token = request.state.form_cookie = secrets.token_urlsafe(32)
    return str(token)


def nonced(svg: str | None, request: Request) -> str | None:
    """An inline SVG whose stylesheet the page's Content-Security-Policy lets through."""
    if svg is None:
        return None
    nonce = escape(request.scope.get("state", {}).get("csp_nonce", ""))
    return svg.replace("<style>", f'<style nonce="{nonce}">')


@pass_context
def _csrf_field(context: Any) -> Markup:
    token = form_token(context["request"])
    if token is None:
        return Markup("")
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(token)


@pass_context
def _signed_in(context: Any) -> Principal | None:
    principal: Principal | None = getattr(context["request"].state, "principal", None)
    return principal if principal is not None and principal.account is not None else None


def install(env: Environment) -> None:
    """Register ``csrf_field()`` and ``signed_in()`` for the templates."""
    env.globals.update(csrf_field=_csrf_field, signed_in=_signed_in)


__all__ = ["form_token", "install", "nonced"]
