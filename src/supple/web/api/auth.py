"""Signing in and out from an API client (a session cookie), and who the request is from."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from supple.app import signin
from supple.app.errors import Conflict
from supple.web.access import PublicDep, SignedInDep, address
from supple.web.account_schemas import AccountOut, LoginIn, OkOut, SignedInOut, WhoOut
from supple.web.cookies import clear_session, set_session
from supple.web.deps import Web
from supple.web.schemas import ErrorOut

router = APIRouter(tags=["accounts"])


@router.post(
    "/auth/login",
    response_model=SignedInOut,
    responses={
        401: {"model": ErrorOut, "description": "wrong email or password (the same for both)"},
        409: {"model": ErrorOut, "description": "single-person mode: there are no accounts"},
        429: {"model": ErrorOut, "description": "too many failed attempts; see Retry-After"},
    },
)
def login(body: LoginIn, request: Request, response: Response, _: PublicDep) -> SignedInOut:
    """Sign in with an email and a password; the answer sets the session cookie."""
    web: Web = request.app.state.web
    if not web.accounts_mode():
        raise Conflict("this install has no accounts (single-person mode): nothing to sign in to")
    signed = signin.sign_in(
        db=web.database,
        passwords=web.passwords,
        email=body.email,
        password=body.password,
        address=address(request),
        now=web.clock(),
    )
    set_session(response, request, signed)
    return SignedInOut(account=AccountOut.of(signed.account))


@router.post("/auth/logout", response_model=OkOut)
def logout(request: Request, response: Response, principal: SignedInDep) -> OkOut:
    """End this session (the cookie is dropped, and the browser's cached data of the site)."""
    web: Web = request.app.state.web
    signin.sign_out(db=web.database, principal=principal, address=address(request), now=web.clock())
    clear_session(response, request)
    return OkOut()


@router.get("/auth/me", response_model=WhoOut)
def me(request: Request, principal: SignedInDep) -> WhoOut:
    """Who this request is from: the install's one person, or an account."""
    web: Web = request.app.state.web
    account = None if principal.account is None else AccountOut.of(principal.account)
    mode = "accounts" if web.accounts_mode() else "single"
    return WhoOut(mode=mode, via=principal.via, account=account)


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: Request, _: SignedInDep) -> dict[str, Any]:
    """The OpenAPI schema of this API."""
    schema: dict[str, Any] = request.app.openapi()
    return schema
