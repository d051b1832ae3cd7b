"""The clinician's page of one patient and ``GET /api/v1/clinician/patients/{patient_id}``:
the use case's record of that patient, read once for either."""

from __future__ import annotations

from collections.abc import Callable

from supple.app import plans
from supple.app.patient_record import PER_PAGE, PatientRecord, patient_record
from supple.app.plans import PlanRequest
from supple.planner.model import Plan
from supple.web.clinician_schemas import today_of
from supple.web.deps import Context, PatientView


def plan_maker(ctx: Context) -> Callable[[PlanRequest], Plan]:
    """Make a plan of a request through the patient's memo, under the key Today keeps it by:
    the planner's search runs once for Today, the clinician's page and the printed handout."""

    def make(req: PlanRequest) -> Plan:
        plan: Plan = ctx.memo.get(("plan_for", req.key()), lambda: plans.make(req, ctx.library))
        return plan

    return make


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
        make=plan_maker(view.context),
    )
