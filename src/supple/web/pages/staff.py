"""The pages of the people who look after others: a clinician's patients and invitations (the
workspace grows in issue 14), an admin's accounts and the audit log."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from supple.app import accounts, audit, caseload, credentials, invitations
from supple.app.caseload import SortKey
from supple.app.errors import Refused
from supple.app.identity import Principal
from supple.app.keys import shown_code
from supple.presentation.triage import TITLES, flag_reason
from supple.web.access import AdminDep, ClinicianDep, address
from supple.web.clinician_schemas import exercise_names, today_of
from supple.web.deps import PatientViewDep, Web
from supple.web.links import public_link
from supple.web.pages.render import form_lists, page

#: How the list can be sorted, in words.
SORT_WORDS = {
    "flags": "Most pressing first",
    "name": "Name",
    "last_session": "Longest without a session",
    "adherence": "Lowest adherence",
    "pain": "Largest pain rise",
}

router = APIRouter()


def _clinician(
    request: Request,
    principal: Principal,
    q: str = "",
    flag: str = "",
    sort: str = "flags",
    number: int = 1,
    **context: Any,
) -> HTMLResponse:
    web: Web = request.app.state.web
    wanted = flag if flag in TITLES or flag == "any" else None
    order: SortKey = sort if sort in caseload.SORTS else "flags"
    found = caseload.patient_page(
        db=web.database,
        principal=principal,
        today=today_of(web),
        search=q[:100],
        flagged=wanted,
        sort=order,
        page=max(1, min(number, 10**6)),
    )
    kept = {"q": q[:100], "flag": wanted or "", "sort": order}
    return page(
        request,
        "clinician.html",
        nav="",
        principal=principal,
        rows=found.rows,
        found=found,
        pages=_pages(kept, found),
        total=found.every,
        unseen=found.unseen,
        names=exercise_names(web.library),
        titles=TITLES,
        reason=flag_reason,
        sorts=SORT_WORDS,
        q=q[:100],
        back=f"?{request.url.query}" if request.method == "GET" and request.url.query else "",
        flag=wanted or "",
        sort=order,
        **context,
    )


def _pages(kept: dict[str, str], found: caseload.Page) -> dict[str, str]:
    """The links to the previous and the next page, keeping the search, filter and sort."""

    def link(number: int) -> str:
        return "?" + urlencode({**{k: v for k, v in kept.items() if v}, "page": number})

    links = {}
    if found.page > 1:
        links["previous"] = link(min(found.page - 1, found.pages))
    if found.page < found.pages:
        links["next"] = link(found.page + 1)
    return links


@router.get("/clinician", response_class=HTMLResponse)
def clinician(
    request: Request,
    principal: ClinicianDep,
    q: str = "",
    flag: str = "",
    sort: str = "flags",
    page: int = 1,
) -> HTMLResponse:
    return _clinician(request, principal, q, flag, sort, page)


@router.post("/clinician/patients/{patient_id}/seen")
async def flag_seen(request: Request, patient_id: int, view: PatientViewDep) -> Response:
    web = view.context.web
    form = await form_lists(request)
    key = (form.get("key") or [""])[0]
    back = (form.get("back") or [""])[0]
    try:
        caseload.mark_seen(
            db=web.database,
            principal=view.principal,
            patient_id=patient_id,
            key=key,
            now=web.clock(),
        )
    except Refused as exc:
        return _clinician(request, view.principal, error=str(exc).capitalize() + ".")
    query = back if back.startswith("?") else ""
    return RedirectResponse(f"/clinician{query}#patient-{patient_id}", status_code=303)


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
