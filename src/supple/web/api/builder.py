"""The programme builder's JSON: a patient's programme (the latest version, or the draft from
Supple's suggestion), saving a new version, the version history with diffs, and the clinic's
templates (kept, listed, applied to several patients at once)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from supple.app import prescriptions
from supple.planner.prescription import Prescription
from supple.web.access import ClinicianDep, address
from supple.web.builder_schemas import (
    AppliedOut,
    ApplyIn,
    ProgrammeOut,
    TemplateIn,
    TemplateOut,
    VersionOut,
    exclusions_out,
)
from supple.web.deps import PatientView, PatientViewDep, Web
from supple.web.schemas import ErrorOut

router = APIRouter(
    prefix="/clinician",
    tags=["clinician"],
    responses={403: {"model": ErrorOut, "description": "not a clinician"}},
)
PatientId = Annotated[int, Path(ge=1, lt=2**31, description="the patient's account id")]
TemplateId = Annotated[int, Path(ge=1, lt=2**31, description="the template's id")]
NOT_YOURS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "not one of your patients"}
}
REFUSED: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorOut, "description": "the patient has no answers yet, or must get checked"},
    422: {"model": ErrorOut, "description": "a move the answers exclude has no override reason"},
}


def programme_out(view: PatientView) -> ProgrammeOut:
    ctx = view.context
    latest = ctx.store.latest_version()
    draft = (
        latest.prescription
        if latest is not None
        else prescriptions.suggestion(store=ctx.store, library=ctx.library, today=ctx.today())
    )
    return ProgrammeOut(
        patient_id=view.link.patient.id,
        latest=None if latest is None else VersionOut.of(latest),
        draft=draft,
        excluded=exclusions_out(prescriptions.patient_exclusions(ctx.store, ctx.library)),
    )


@router.get(
    "/patients/{patient_id}/programme",
    response_model=ProgrammeOut,
    responses={**NOT_YOURS, 409: REFUSED[409]},
)
def programme(patient_id: PatientId, view: PatientViewDep) -> ProgrammeOut:
    """The patient's current programme version and the draft to edit from (the latest version,
    else Supple's suggestion for their answers), with the moves their answers leave out."""
    return programme_out(view)


@router.post(
    "/patients/{patient_id}/programme",
    response_model=VersionOut,
    status_code=201,
    responses={**NOT_YOURS, **REFUSED},
)
def save(
    request: Request, patient_id: PatientId, body: Prescription, view: PatientViewDep
) -> VersionOut:
    """Save the programme as the patient's next version: it is their programme from now on
    (Today, the player, exports). A move their answers exclude needs an override naming the
    rule, with a reason; the change goes in the audit log."""
    ctx = view.context
    assert view.principal.account is not None
    version = prescriptions.save(
        store=ctx.store,
        library=ctx.library,
        prescription=body,
        author=view.principal.account,
        now=ctx.clock(),
        trail=ctx.web.database.audit_log(),
        address=address(request),
        about=view.link.patient,
    )
    return VersionOut.of(version)


@router.get(
    "/patients/{patient_id}/programme/versions",
    response_model=list[VersionOut],
    responses=NOT_YOURS,
)
def versions(patient_id: PatientId, view: PatientViewDep) -> list[VersionOut]:
    """Every version of the patient's programme, newest first, each with what changed."""
    found = prescriptions.history(store=view.context.store, library=view.context.library)
    return [VersionOut.from_history(v) for v in found]


@router.get("/templates", response_model=list[TemplateOut])
def templates(request: Request, principal: ClinicianDep) -> list[TemplateOut]:
    """Your clinic's programme templates, by name."""
    web: Web = request.app.state.web
    return [
        TemplateOut.of(t) for t in prescriptions.templates(db=web.database, principal=principal)
    ]


@router.post(
    "/templates",
    response_model=TemplateOut,
    status_code=201,
    responses={422: {"model": ErrorOut, "description": "no name, or moves not in the library"}},
)
def save_template(request: Request, body: TemplateIn, principal: ClinicianDep) -> TemplateOut:
    """Keep a programme as your clinic's template (overrides are not kept: they were for one
    patient's answers); a template of the same name is replaced."""
    web: Web = request.app.state.web
    made = prescriptions.save_template(
        db=web.database,
        principal=principal,
        name=body.name,
        prescription=body.prescription,
        library=web.library,
        now=web.clock(),
    )
    return TemplateOut.of(made)


@router.post(
    "/templates/{template_id}/apply",
    response_model=list[AppliedOut],
    responses={
        404: {"model": ErrorOut, "description": "not your clinic's template, or not your patient"},
        **REFUSED,
    },
)
def apply_template(
    request: Request, template_id: TemplateId, body: ApplyIn, principal: ClinicianDep
) -> list[AppliedOut]:
    """Give the template to each patient as a new version, all or none: each must be yours and
    pass their own safety check."""
    web: Web = request.app.state.web
    made = prescriptions.apply_template(
        db=web.database,
        clinic=web.database,
        principal=principal,
        template_id=template_id,
        patient_ids=body.patient_ids,
        library=web.library,
        now=web.clock(),
        address=address(request),
    )
    return [AppliedOut(patient_id=p, version=v.number) for p, v in made.items()]
