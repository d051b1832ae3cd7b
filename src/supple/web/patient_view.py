"""The clinician's page of one patient and ``GET /api/v1/clinician/patients/{patient_id}``:
the use case's record of that patient, read once for either."""

from __future__ import annotations

from supple.app import plans
from supple.app.patient_record import PER_PAGE, PatientRecord, patient_record
from supple.app.plans import PlanRequest
from supple.planner.model import Plan
from supple.web.clinician_schemas import today_of
from supple.web.deps import PatientView


def build(view: PatientView, *, page: int = 1, per_page: int = PER_PAGE) -> PatientRecord:
    """The record of the patient ``view`` is on, with the ``page``-th page of sessions."""
    ctx = view.context
    web = ctx.web

    def make(req: PlanRequest) -> Plan:
        # The key Today keeps the patient's plan under: the planner's search runs once for both.
        plan: Plan = ctx.memo.get(("plan_for", req.key()), lambda: plans.make(req, web.library))
        return plan

    return patient_record(
        store=view.context.store,
        library=web.library,
        link=view.link,
        today=today_of(web),
        page=page,
        per_page=per_page,
        make=make,
    )
