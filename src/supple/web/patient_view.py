"""The clinician's page of one patient and ``GET /api/v1/clinician/patients/{patient_id}``:
the use case's record of that patient, read once for either."""

from __future__ import annotations

from supple.app.patient_record import PER_PAGE, PatientRecord, patient_record
from supple.web.clinician_schemas import today_of
from supple.web.deps import PatientView


def build(view: PatientView, *, page: int = 1, per_page: int = PER_PAGE) -> PatientRecord:
    """The record of the patient ``view`` is on, with the ``page``-th page of sessions."""
    web = view.context.web
    return patient_record(
        store=view.context.store,
        library=web.library,
        link=view.link,
        today=today_of(web),
        page=page,
        per_page=per_page,
    )
