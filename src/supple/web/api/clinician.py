"""A clinician's JSON view: their linked patients, one patient's progress (every read is in the
audit log), and invitations for new patients. Issue 14's workspace builds on these."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from supple.app import caseload, invitations
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
    principal: ClinicianDep,
    q: Annotated[str, Query(max_length=100, description="part of a name or e-mail")] = "",
    flag: Annotated[FlagFilter | None, Query(description="only with this unseen flag")] = None,
    sort: Annotated[SortKey, Query(description="most pressing flag first by default")] = "flags",
) -> list[PatientRowOut]:
    """The patients linked to you in your clinic, with their adherence, pain, activities and
    unseen triage flags (each with its reason)."""
    web: Web = request.app.state.web
    rows = caseload.patient_list(
        db=web.database, principal=principal, today=today_of(web), search=q, flagged=flag, sort=sort
    )
    names = exercise_names(web.library)
    return [PatientRowOut.of(row, names) for row in rows]


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
