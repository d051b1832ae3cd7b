"""The signed-in person's account: change the password, personal access tokens, download all
their records, and delete the account (their rights over their data)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from supple.app import accounts, audit, backups, credentials
from supple.app.errors import Refused
from supple.app.identity import Principal
from supple.web.access import SignedInDep, address
from supple.web.cookies import clear_session, set_session
from supple.web.deps import ContextDep, Web
from supple.web.pages.render import form_lists, page

router = APIRouter()


def _field(form: dict[str, list[str]], name: str) -> str:
    return (form.get(name) or [""])[-1][:200]


def _render(
    request: Request, principal: Principal, status_code: int = 200, **context: Any
) -> HTMLResponse:
    web: Web = request.app.state.web
    return page(
        request,
        "account.html",
        status_code=status_code,
        nav="settings",
        principal=principal,
        tokens=credentials.tokens(db=web.database, principal=principal),
        **context,
    )


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, principal: SignedInDep, done: str | None = None) -> HTMLResponse:
    return _render(request, principal, done=done)


@router.post("/account/password", response_class=HTMLResponse)
async def change_password(request: Request, principal: SignedInDep) -> Response:
    web: Web = request.app.state.web
    form = await form_lists(request)
    try:
        if _field(form, "new") != _field(form, "new_again"):
            raise Refused("the two new passwords are not the same")
        signed = credentials.change_password(
            db=web.database,
            passwords=web.passwords,
            principal=principal,
            current=_field(form, "current"),
            new=_field(form, "new"),
            address=address(request),
            now=web.clock(),
        )
    except Refused as exc:
        return _render(request, principal, 400, password_error=str(exc).capitalize() + ".")
    response = RedirectResponse("/account?done=password", status_code=303)
    set_session(response, request, signed)
    return response


@router.post("/account/tokens", response_class=HTMLResponse)
async def create_token(request: Request, principal: SignedInDep) -> HTMLResponse:
    web: Web = request.app.state.web
    form = await form_lists(request)
    try:
        made = credentials.create_token(
            db=web.database,
            principal=principal,
            name=_field(form, "name"),
            address=address(request),
            now=web.clock(),
        )
    except Refused as exc:
        return _render(request, principal, 400, token_error=str(exc).capitalize() + ".")
    return _render(request, principal, 201, new_token=made)


@router.post("/account/tokens/{token_id}/revoke", response_class=HTMLResponse)
def revoke_token(request: Request, token_id: int, principal: SignedInDep) -> Response:
    web: Web = request.app.state.web
    credentials.revoke_token(
        db=web.database,
        principal=principal,
        token_id=token_id,
        address=address(request),
        now=web.clock(),
    )
    return RedirectResponse("/account?done=revoked", status_code=303)


@router.get("/account/export")
def export(request: Request, ctx: ContextDep, format: Literal["json", "csv"] = "json") -> Response:
    """Every record of the person, as the export file (the same as ``supple export``)."""
    text = backups.export_records(store=ctx.store, fmt=format)
    principal: Principal = request.state.principal
    if principal.account is not None:
        web: Web = request.app.state.web
        audit.record(
            web.database.audit_log(),
            at=web.clock(),
            action="records_exported",
            by=principal,
            address=address(request),
            detail=format,
        )
    kind = "application/json" if format == "json" else "text/csv"
    name = f"supple-records.{format}"
    return Response(
        text,
        media_type=f"{kind}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/account/delete", response_class=HTMLResponse)
def delete_page(request: Request, principal: SignedInDep) -> HTMLResponse:
    return page(request, "delete.html", nav="settings", principal=principal)


@router.post("/account/delete", response_class=HTMLResponse)
async def delete(request: Request, principal: SignedInDep) -> Response:
    web: Web = request.app.state.web
    form = await form_lists(request)
    try:
        accounts.erase_own(
            db=web.database,
            passwords=web.passwords,
            principal=principal,
            password=_field(form, "password"),
            address=address(request),
            now=web.clock(),
        )
    except Refused as exc:
        return page(
            request,
            "delete.html",
            status_code=400,
            nav="settings",
            principal=principal,
            error=str(exc).capitalize() + ".",
        )
    response = RedirectResponse("/login?deleted=1", status_code=303)
    clear_session(response, request)
    return response
