"""An admin's JSON view: the accounts they manage (their clinic's, or all for an admin of none),
disabling and reset links, and the audit log. Never a patient's health records."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from supple.app import accounts, audit, credentials
from supple.web.access import AdminDep, address
from supple.web.account_schemas import AccountOut, AuditOut, ResetOut
from supple.web.deps import Web
from supple.web.links import public_link
from supple.web.schemas import ErrorOut

router = APIRouter(
    prefix="/admin",
    tags=["admin"],
    responses={403: {"model": ErrorOut, "description": "not an admin"}},
)
AccountId = Annotated[int, Path(ge=1, lt=2**31, description="the account's id")]
_missing: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "not an account you manage"}
}


@router.get("/accounts", response_model=list[AccountOut])
def list_accounts(request: Request, principal: AdminDep) -> list[AccountOut]:
    """The accounts you manage, oldest first."""
    web: Web = request.app.state.web
    assert principal.account is not None
    found = web.database.clinic_accounts(principal.account.clinic_id).accounts()
    return [AccountOut.of(a) for a in found]


def _set_disabled(request: Request, principal: AdminDep, account_id: int, off: bool) -> AccountOut:
    web: Web = request.app.state.web
    account = accounts.managed(db=web.database, admin=principal, account_id=account_id)
    changed = accounts.set_disabled(
        db=web.database,
        account=account,
        disabled=off,
        by=principal,
        address=address(request),
        now=web.clock(),
    )
    return AccountOut.of(changed)


@router.post("/accounts/{account_id}/disable", response_model=AccountOut, responses=_missing)
def disable(account_id: AccountId, request: Request, principal: AdminDep) -> AccountOut:
    """Disable an account: it is signed out everywhere and cannot sign in."""
    return _set_disabled(request, principal, account_id, True)


@router.post("/accounts/{account_id}/enable", response_model=AccountOut, responses=_missing)
def enable(account_id: AccountId, request: Request, principal: AdminDep) -> AccountOut:
    """Let a disabled account sign in again."""
    return _set_disabled(request, principal, account_id, False)


@router.post("/accounts/{account_id}/reset", response_model=ResetOut, responses=_missing)
def reset(account_id: AccountId, request: Request, principal: AdminDep) -> ResetOut:
    """A one-time link that sets a new password for the account (give it to its owner)."""
    web: Web = request.app.state.web
    account = accounts.managed(db=web.database, admin=principal, account_id=account_id)
    made = credentials.make_reset(
        db=web.database, account=account, by=principal, address=address(request), now=web.clock()
    )
    return ResetOut(link=public_link(request, f"/reset/{made.code}"), expires_at=made.expires_at)


@router.get("/audit", response_model=list[AuditOut])
def audit_log(
    request: Request,
    principal: AdminDep,
    since: date | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> list[AuditOut]:
    """The audit log, newest first (yours: your clinic's entries; an admin of no clinic: all)."""
    web: Web = request.app.state.web
    assert principal.account is not None
    start = None if since is None else datetime.combine(since, time.min).astimezone()
    found = audit.entries(
        web.database.audit_log(), since=start, clinic_id=principal.account.clinic_id, limit=limit
    )
    return [AuditOut.of(e) for e in found]
