"""The pages of the people who look after others: a clinician's patients and invitations (the
workspace grows in issue 14), an admin's accounts and the audit log."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from supple.app import accounts, audit, care, credentials, invitations
from supple.app.identity import Principal
from supple.app.keys import shown_code
from supple.web.access import AdminDep, ClinicianDep, address
from supple.web.deps import Web
from supple.web.links import public_link
from supple.web.pages.render import page

router = APIRouter()


def _clinician(request: Request, principal: Principal, **context: Any) -> HTMLResponse:
    web: Web = request.app.state.web
    links = care.patients(db=web.database, principal=principal)
    return page(request, "clinician.html", nav="", principal=principal, links=links, **context)


@router.get("/clinician", response_class=HTMLResponse)
def clinician(request: Request, principal: ClinicianDep) -> HTMLResponse:
    return _clinician(request, principal)


@router.post("/clinician/invite", response_class=HTMLResponse)
def invite(request: Request, principal: ClinicianDep) -> HTMLResponse:
    web: Web = request.app.state.web
    assert principal.account is not None
    made = invitations.invite(
        db=web.database, clinician=principal.account, address=address(request), now=web.clock()
    )
    link = public_link(request, f"/invite/{made.code}")
    shown = {"code": shown_code(made.code), "link": link, "expires_at": made.expires_at}
    return _clinician(request, principal, invitation=shown)


def _admin(
    request: Request, principal: Principal, since: date | None = None, **context: Any
) -> HTMLResponse:
    web: Web = request.app.state.web
    assert principal.account is not None
    clinic = principal.account.clinic_id
    start = None if since is None else datetime.combine(since, time.min).astimezone()
    return page(
        request,
        "admin.html",
        nav="",
        principal=principal,
        accounts=web.database.clinic_accounts(clinic).accounts(),
        entries=audit.entries(web.database.audit_log(), since=start, clinic_id=clinic, limit=200),
        actions=audit.ACTIONS,
        since=since,
        **context,
    )


@router.get("/admin", response_class=HTMLResponse)
def admin(request: Request, principal: AdminDep, since: date | None = None) -> HTMLResponse:
    return _admin(request, principal, since)


@router.post("/admin/accounts/{account_id}/{change}", response_class=HTMLResponse)
def change_account(request: Request, account_id: int, change: str, principal: AdminDep) -> Response:
    web: Web = request.app.state.web
    found = accounts.managed(db=web.database, admin=principal, account_id=account_id)
    where, now = address(request), web.clock()
    if change == "reset":
        made = credentials.make_reset(
            db=web.database, account=found, by=principal, address=where, now=now
        )
        link = {"email": found.email, "link": public_link(request, f"/reset/{made.code}")}
        return _admin(request, principal, reset=link)
    if change not in ("disable", "enable"):
        return _admin(request, principal, error=f"'{change[:20]}' is not a change this page makes.")
    accounts.set_disabled(
        db=web.database,
        account=found,
        disabled=change == "disable",
        by=principal,
        address=where,
        now=now,
    )
    return _admin(request, principal, done=f"{found.email}: {change}d.")
