"""A clinician's JSON view: their linked patients, one patient's progress (every read is in the
audit log), and invitations for new patients. Issue 14's workspace builds on these."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from supple.app import caseload, invitations, outcomes
from supple.app.caseload import SortKey
from supple.app.keys import shown_code
from supple.web import progress_view
from supple.web.access import ClinicianDep, address
from supple.web.account_schemas import InvitationOut, OkOut
from supple.web.clinician_schemas import (
    FlagFilter,
    PatientRowOut,
    SeenIn,
    exercise_names,
    today_of,
)
from supple.web.deps import PatientViewDep, Web
from supple.web.links import public_link
from supple.web.schemas import ErrorOut, ProgressOut

router = APIRouter(
    prefix="/clinician",
    tags=["clinician"],
    responses={403: {"model": ErrorOut, "description": "not a clinician"}},
)
PatientId = Annotated[int, Path(ge=1, lt=2**31, description="the patient's account id")]


@router.get("/patients", response_model=list[PatientRowOut])
def patients(
    request: Request,
    response: Response,
    principal: ClinicianDep,
    q: Annotated[str, Query(max_length=100, description="part of a name or e-mail")] = "",
    flag: Annotated[FlagFilter | None, Query(description="only with this unseen flag")] = None,
    sort: Annotated[SortKey, Query(description="most pressing flag first by default")] = "flags",
    page: Annotated[int, Query(ge=1, le=10**6, description="the page, from 1")] = 1,
    limit: Annotated[
        int, Query(ge=1, le=caseload.MAX_PER_PAGE, description="patients per page")
    ] = caseload.PER_PAGE,
) -> list[PatientRowOut]:
    """The patients linked to you in your clinic, with their adherence, pain, activities and
    unseen triage flags (each with its reason), a page at a time: the ``X-Total-Count`` header
    says how many match, ``Link`` gives the next and previous pages."""
    web: Web = request.app.state.web
    found = caseload.patient_page(
        db=web.database,
        principal=principal,
        today=today_of(web),
        search=q,
        flagged=flag,
        sort=sort,
        page=page,
        per_page=limit,
    )
    response.headers["X-Total-Count"] = str(found.total)
    links = paging_links(request, found)
    if links:
        response.headers["Link"] = links
    names = exercise_names(web.library)
    return [PatientRowOut.of(row, names) for row in found.rows]


def paging_links(request: Request, found: caseload.Page) -> str:
    """An RFC 8288 ``Link`` header: first, previous, next and last pages (as there are)."""
    url = request.url

    def one(number: int, rel: str) -> str:
        return f'<{url.include_query_params(page=number, limit=found.per_page)}>; rel="{rel}"'

    parts = [one(1, "first")]
    if found.page > 1:
        parts.append(one(min(found.page - 1, found.pages), "prev"))
    if found.page < found.pages:
        parts.append(one(found.page + 1, "next"))
    parts.append(one(found.pages, "last"))
    return ", ".join(parts)


@router.post(
    "/patients/{patient_id}/flags/seen",
    response_model=OkOut,
    responses={404: {"model": ErrorOut, "description": "not one of your patients"}},
)
def flag_seen(patient_id: PatientId, body: SeenIn, view: PatientViewDep) -> OkOut:
    """Mark one of a patient's flags seen (by its key): it leaves the list until it happens
    again."""
    web = view.context.web
    caseload.mark_seen(
        db=web.database,
        principal=view.principal,
        patient_id=patient_id,
        key=body.key,
        now=web.clock(),
    )
    return OkOut()


@router.get(
    "/patients/{patient_id}/progress",
    response_model=ProgressOut,
    responses={404: {"model": ErrorOut, "description": "not one of your patients"}},
)
def patient_progress(patient_id: PatientId, view: PatientViewDep, limit: int = 20) -> ProgressOut:
    """One of your patients' progress, as they see it on their progress page."""
    return progress_view.build(view.context, limit=max(1, min(limit, 200)))


def _csv(rows: list[list[outcomes.Cell]], name: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:  # a cell that starts like a formula is quoted as text for spreadsheets
        writer.writerow(["" if c is None else _safe(c) for c in row])
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _safe(cell: str | int | float) -> str | int | float:
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "one row per patient, with a header"}
}


@router.get("/outcomes.csv", response_class=Response, responses=CSV)
def clinic_outcomes(request: Request, principal: ClinicianDep) -> Response:
    """Outcomes of every patient linked to you, for audits (CSV): start and latest pain
    (NPRS), activities (PSFS) and support group, and adherence over four weeks."""
    web: Web = request.app.state.web
    found = outcomes.outcomes(db=web.database, principal=principal, today=today_of(web))
    return _csv(outcomes.table(found), "outcomes.csv")


@router.get(
    "/patients/{patient_id}/outcomes.csv",
    response_class=Response,
    responses={**CSV, 404: {"model": ErrorOut, "description": "not one of your patients"}},
)
def patient_outcomes(patient_id: PatientId, view: PatientViewDep) -> Response:
    """One of your patients' outcomes (CSV, the columns of ``/clinician/outcomes.csv``)."""
    web = view.context.web
    found = outcomes.outcomes(
        db=web.database, principal=view.principal, today=today_of(web), patient_id=patient_id
    )
    return _csv(outcomes.table(found), f"outcomes-{patient_id}.csv")


@router.post("/invitations", response_model=InvitationOut, status_code=201)
def invite(request: Request, principal: ClinicianDep) -> InvitationOut:
    """A one-time invitation for a new patient: a link, or a code to type; valid 7 days."""
    web: Web = request.app.state.web
    assert principal.account is not None
    made = invitations.invite(
        db=web.database, clinician=principal.account, address=address(request), now=web.clock()
    )
    return InvitationOut(
        code=shown_code(made.code),
        link=public_link(request, f"/invite/{made.code}"),
        expires_at=made.expires_at,
    )
