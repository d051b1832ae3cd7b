"""One of a clinician's patients as JSON: answers and safety, programme, sessions a page at a
time with every move's feedback, the charts' data, notes and flags (every read is in the audit
log, as for every clinician's view of a patient)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from supple.app.patient_record import PER_PAGE
from supple.web import patient_view
from supple.web.clinician_schemas import exercise_names
from supple.web.deps import PatientViewDep
from supple.web.patient_schemas import PatientOut
from supple.web.schemas import ErrorOut

router = APIRouter(
    prefix="/clinician",
    tags=["clinician"],
    responses={403: {"model": ErrorOut, "description": "not a clinician"}},
)
PatientId = Annotated[int, Path(ge=1, lt=2**31, description="the patient's account id")]


@router.get(
    "/patients/{patient_id}",
    response_model=PatientOut,
    responses={404: {"model": ErrorOut, "description": "not one of your patients"}},
)
def patient(
    patient_id: PatientId,
    view: PatientViewDep,
    page: Annotated[int, Query(ge=1, le=100_000, description="the page of sessions")] = 1,
    per_page: Annotated[int, Query(ge=1, le=100, description="sessions a page")] = PER_PAGE,
) -> PatientOut:
    """One of your patients: their screening answers, the safety rules those fired and what
    they leave out (with sources), the current programme, their sessions newest first with
    each move's feedback and pain before and after, pain and PSFS scores of the last year,
    notes, and every triage flag (seen or not)."""
    record = patient_view.build(view, page=page, per_page=per_page)
    return PatientOut.of(record, exercise_names(view.context.web.library))
