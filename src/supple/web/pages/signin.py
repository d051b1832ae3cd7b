"""Signing in and out in the browser, signing up through an invitation, and resetting a
password through a one-time link."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from supple.app import credentials, invitations, signin
from supple.app.errors import Refused, SignInNeeded, Throttled
from supple.app.identity import Principal
from supple.web.access import PublicDep, address
from supple.web.cookies import clear_session, set_session
from supple.web.deps import Web
from supple.web.pages.render import form_lists, page

router = APIRouter()
#: Where each role lands after signing in.
HOME = {"patient": "/", "clinician": "/clinician", "admin": "/admin"}


def _next(raw: str | None, principal: Principal) -> str:
    """A place on this site to go back to (anything else goes home: no open redirect)."""
    if raw and raw.startswith("/") and not raw.startswith("//") and "\\" not in raw:
        return raw[:500]
    return HOME[principal.role]


def _signed_in(request: Request, signed: signin.SignedIn, target: str) -> Response:
    response = RedirectResponse(target, status_code=303)
    set_session(response, request, signed)
    return response


def _field(form: dict[str, list[str]], name: str, limit: int = 254) -> str:
    return (form.get(name) or [""])[-1][:limit]


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, principal: PublicDep, next: str | None = None) -> Response:
    web: Web = request.app.state.web
    if not web.accounts_mode():
        return RedirectResponse("/", status_code=303)  # single-person mode: nobody signs in
    if principal is not None:
        return RedirectResponse(_next(next, principal), status_code=303)
    return page(request, "login.html", nav="", next=next or "", email="")


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request, _: PublicDep) -> Response:
    web: Web = request.app.state.web
    form = await form_lists(request)
    email, target = _field(form, "email"), _field(form, "next", 500)
    try:
        signed = signin.sign_in(
            db=web.database,
            passwords=web.passwords,
            email=email,
            password=_field(form, "password", 200),
            address=address(request),
            now=web.clock(),
        )
    except (SignInNeeded, Throttled) as exc:
        throttled = isinstance(exc, Throttled)
        answer = page(
            request,
            "login.html",
            status_code=429 if throttled else 401,
            nav="",
            next=target,
            email=email,
            error=str(exc).capitalize() + ".",
        )
        if isinstance(exc, Throttled):
            answer.headers["Retry-After"] = str(exc.retry_after)
        return answer
    return _signed_in(request, signed, _next(target, signed.principal))


def _sign_out(request: Request, principal: Principal | None) -> Response:
    web: Web = request.app.state.web
    if principal is not None:
        signin.sign_out(
            db=web.database, principal=principal, address=address(request), now=web.clock()
        )
    response = RedirectResponse("/login?signed_out=1", status_code=303)
    clear_session(response, request)
    return response


@router.get("/logout", response_class=HTMLResponse)
def logout_page(request: Request, principal: PublicDep) -> Response:
    """Sign out at once when the link is followed on this site; another site's link only gets
    a button (a page elsewhere must not sign people out)."""
    if request.headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none"):
        return _sign_out(request, principal)
    return page(request, "logout.html", nav="")


@router.post("/logout", response_class=HTMLResponse)
def logout(request: Request, principal: PublicDep) -> Response:
    return _sign_out(request, principal)


@router.get("/invite/{code}", response_class=HTMLResponse)
def invitation(request: Request, code: str, principal: PublicDep) -> Response:
    web: Web = request.app.state.web
    found = invitations.look_up(
        db=web.database, code=code, address=address(request), now=web.clock()
    )
    return page(
        request,
        "invite.html",
        nav="",
        code=code,
        clinician=found.account,
        principal=principal,
        email="",
    )


@router.post("/invite/{code}", response_class=HTMLResponse)
async def accept_invitation(request: Request, code: str, principal: PublicDep) -> Response:
    web: Web = request.app.state.web
    form = await form_lists(request)
    where, now = address(request), web.clock()
    if _field(form, "action") == "join" and principal is not None:
        invitations.accept(db=web.database, code=code, principal=principal, address=where, now=now)
        return RedirectResponse("/?joined=1", status_code=303)
    email, password = _field(form, "email"), _field(form, "password", 200)
    try:
        if password != _field(form, "password_again", 200):
            raise Refused("the two passwords are not the same")
        signed = invitations.sign_up(
            db=web.database,
            passwords=web.passwords,
            code=code,
            email=email,
            password=password,
            address=where,
            now=now,
            name=_field(form, "name", 200),
        )
    except Refused as exc:
        found = invitations.look_up(db=web.database, code=code, address=where, now=now)
        return page(
            request,
            "invite.html",
            status_code=400,
            nav="",
            code=code,
            clinician=found.account,
            principal=principal,
            email=email,
            given_name=_field(form, "name", 200),
            error=str(exc).capitalize() + ".",
        )
    return _signed_in(request, signed, "/check")


@router.get("/reset/{code}", response_class=HTMLResponse)
def reset_page(request: Request, code: str, _: PublicDep) -> Response:
    web: Web = request.app.state.web
    account = credentials.reset_account(
        db=web.database, code=code, address=address(request), now=web.clock()
    )
    return page(request, "reset.html", nav="", code=code, account=account)


@router.post("/reset/{code}", response_class=HTMLResponse)
async def reset(request: Request, code: str, _: PublicDep) -> Response:
    web: Web = request.app.state.web
    form = await form_lists(request)
    password = _field(form, "password", 200)
    try:
        if password != _field(form, "password_again", 200):
            raise Refused("the two passwords are not the same")
        signed = credentials.redeem_reset(
            db=web.database,
            passwords=web.passwords,
            code=code,
            new=password,
            address=address(request),
            now=web.clock(),
        )
    except Refused as exc:
        account = credentials.reset_account(
            db=web.database, code=code, address=address(request), now=web.clock()
        )
        return page(
            request,
            "reset.html",
            status_code=400,
            nav="",
            code=code,
            account=account,
            error=str(exc).capitalize() + ".",
        )
    return _signed_in(request, signed, HOME[signed.principal.role])


__all__ = ["HOME", "router"]
