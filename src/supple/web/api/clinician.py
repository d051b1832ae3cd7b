"""A clinician's JSON view: their linked patients, one patient's progress (every read is in the
audit log), and invitations for new patients. Issue 14's workspace builds on these."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from supple.app import care, invitations
from supple.app.keys import shown_code
from supple.web import progress_view
from supple.web.access import ClinicianDep, address
from supple.web.account_schemas import InvitationOut, PatientOut
from supple.web.deps import PatientViewDep, Web
from supple.web.links import public_link
from supple.web.schemas import ErrorOut, ProgressOut

router = APIRouter(
    prefix="/clinician",
    tags=["clinician"],
    responses={403: {"model": ErrorOut, "description": "not a clinician"}},
)
PatientId = Annotated[int, Path(ge=1, lt=2**31, description="the patient's account id")]


@router.get("/patients", response_model=list[PatientOut])
def patients(request: Request, principal: ClinicianDep) -> list[PatientOut]:
    """The patients linked to you in your clinic, longest linked first."""
    web: Web = request.app.state.web
    return [PatientOut.of(link) for link in care.patients(db=web.database, principal=principal)]


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
