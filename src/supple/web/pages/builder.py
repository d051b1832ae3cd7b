"""The programme builder's pages: a patient's draft (dose, lock, note, reorder, remove, add
from the library, ban; overrides with a reason), saved as a new version; the version history
with what changed; the clinic's templates, kept and applied to several patients at once.

Every change is a plain form post that sends the whole draft back (it works without
JavaScript); builder.js only moves rows in place and filters the library as one types.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from supple.app import care, prescriptions
from supple.app.errors import AppError, NoProfile
from supple.app.identity import Principal
from supple.library.model import Exercise
from supple.library.vocab import KINDS, POSITIONS
from supple.planner.prescription import (
    NOTE_MAX,
    Dose,
    Exclusion,
    Move,
    Override,
    Prescription,
    reorder,
)
from supple.web.access import ClinicianDep, address
from supple.web.deps import PatientView, PatientViewDep, Web
from supple.web.library_view import filter_exercises
from supple.web.pages.render import form_lists, page, whole_number

router = APIRouter()
Form = Mapping[str, list[str]]
#: The most library moves one search shows.
FOUND_MAX = 100


def _one(form: Form, name: str, default: str = "") -> str:
    return (form.get(name) or [default])[-1]


def _number(
    form: Form, name: str, low: int, high: int, problems: list[str], label: str
) -> int | None:
    raw = _one(form, name).strip()
    if not raw:
        return None
    value = whole_number(raw, low, high)
    if value is None:
        problems.append(f"{label} must be a whole number from {low} to {high}.")
    return value


def _move(
    form: Form,
    ident: str,
    exercise: Exercise,
    excluded: Mapping[str, Exclusion],
    problems: list[str],
) -> Move:
    key = f"m.{ident}."
    name = exercise.name
    held = exercise.dose.hold_s is not None
    seconds = (
        _number(form, key + "hold_s", 1, 300, problems, f"{name}: the hold")
        if held
        else _number(form, key + "duration_s", 5, 1800, problems, f"{name}: the time")
    )
    fallback = exercise.dose.hold_s if held else exercise.dose.duration_s
    seconds = seconds or fallback or 30
    sides = _one(form, key + "sides", "both")
    dose = Dose(
        hold_s=seconds if held else None,
        duration_s=None if held else seconds,
        reps=_number(form, key + "reps", 1, 50, problems, f"{name}: the repetitions") or 1,
        sets=_number(form, key + "sets", 1, 10, problems, f"{name}: the sets") or 1,
        rest_s=_number(form, key + "rest_s", 0, 300, problems, f"{name}: the rest") or 0,
        effort=_number(form, key + "effort", 0, 10, problems, f"{name}: the effort"),
        sides=sides if sides in ("left", "right") and exercise.sided else "both",
    )
    reason = " ".join(_one(form, key + "reason").split())[:NOTE_MAX]
    out_by = excluded.get(ident)
    override = Override(rule=out_by.rule, reason=reason) if out_by and reason else None
    return Move(
        exercise=ident,
        dose=dose,
        locked=bool(_one(form, key + "locked")),
        note=_one(form, key + "note").strip()[:NOTE_MAX],
        override=override,
    )


def draft_of(
    form: Form, library: Mapping[str, Exercise], excluded: Mapping[str, Exclusion]
) -> tuple[Prescription, list[str]]:
    """The draft a builder form sends, and what in it could not be read (reported, the rest
    kept)."""
    problems: list[str] = []
    banned = list(dict.fromkeys(b for b in form.get("banned", [])[:200] if b in library))
    moves: list[Move] = []
    for ident in list(dict.fromkeys(form.get("move", [])))[:40]:
        if ident in library and ident not in banned:
            moves.append(_move(form, ident, library[ident], excluded, problems))
    days = _number(form, "days_per_week", 1, 7, problems, "Days a week") or 5
    weeks = _number(form, "weeks", 1, 52, problems, "Weeks") or 6
    progression = bool(_one(form, "progression"))
    made = Prescription(
        moves=moves, banned=banned, days_per_week=days, weeks=weeks, progression=progression
    )
    return made, problems


def _act(draft: Prescription, action: str, view: PatientView) -> tuple[Prescription, str | None]:
    """``draft`` after one builder button (up, down, remove, ban, add, unban)."""
    verb, _, arg = action.partition(":")
    ids = [m.exercise for m in draft.moves]
    library = view.context.library
    if verb in ("up", "down", "remove", "ban") and arg in ids:
        at = ids.index(arg)
        if verb in ("up", "down"):
            return reorder(draft, at, -1 if verb == "up" else 1), None
        moves = [m for m in draft.moves if m.exercise != arg]
        banned = [*draft.banned, arg] if verb == "ban" else draft.banned
        said = f"{library[arg].name} {'banned' if verb == 'ban' else 'removed'}."
        return draft.model_copy(update={"moves": moves, "banned": banned}), said
    if verb == "add" and arg in library and arg not in ids:
        if arg in draft.banned:
            return draft, f"{library[arg].name} is banned: take the ban off first."
        move = prescriptions.move_for(store=view.context.store, library=library, exercise_id=arg)
        return draft.model_copy(update={"moves": [*draft.moves, move]}), (
            f"{library[arg].name} added at the end."
        )
    if verb == "unban" and arg in draft.banned:
        banned = [b for b in draft.banned if b != arg]
        return draft.model_copy(update={"banned": banned}), f"{library[arg].name} no longer banned."
    return draft, None


def _builder(
    request: Request,
    view: PatientView,
    draft: Prescription,
    *,
    status_code: int = 200,
    form: Form | None = None,
    **context: Any,
) -> HTMLResponse:
    ctx = view.context
    web: Web = ctx.web
    try:
        excluded = prescriptions.patient_exclusions(ctx.store, ctx.library)
    except NoProfile:
        excluded = {}
    values = form or {}
    q = _one(values, "q")[:100]
    kind = _one(values, "kind")
    position = _one(values, "position")
    found = filter_exercises(
        ctx.library,
        q=q or None,
        kind=kind if kind in KINDS else None,
        position=position if position in POSITIONS else None,
    )
    in_draft = {m.exercise for m in draft.moves}
    found = [e for e in found if e.id not in in_draft and e.id not in draft.banned][:FOUND_MAX]
    try:
        shelf = prescriptions.templates(db=web.database, principal=view.principal)
    except AppError:
        shelf = []
    return page(
        request,
        "builder.html",
        status_code=status_code,
        nav="",
        principal=view.principal,
        patient=view.link.patient,
        patient_name=_patient_name(view),
        draft=draft,
        latest=ctx.store.latest_version(),
        excluded=excluded,
        library=ctx.library,
        found=found,
        q=q,
        kind=kind,
        position=position,
        kinds=KINDS,
        positions=POSITIONS,
        templates=shelf,
        drawn=_drawn(),
        **context,
    )


def _drawn() -> frozenset[str]:
    from supple.figures import figure_ids

    return frozenset(figure_ids())


def _patient_name(view: PatientView) -> str:
    name = view.context.store.person_name()
    return view.link.patient.email if name in ("", "me") else name


@router.get("/clinician/patients/{patient_id}/programme", response_class=HTMLResponse)
def builder(
    request: Request,
    patient_id: int,
    view: PatientViewDep,
    start: str = "latest",
    template: int = 0,
) -> HTMLResponse:
    ctx = view.context
    chosen = None
    if start == "template":
        chosen = prescriptions.template(
            db=ctx.web.database, principal=view.principal, template_id=template
        )
    began = start if start in ("suggestion", "latest", "template") else "latest"
    try:
        draft = prescriptions.draft(
            store=ctx.store,
            library=ctx.library,
            today=ctx.today(),
            start=began,  # type: ignore[arg-type]
            template=chosen,
        )
    except AppError as exc:
        return _builder(request, view, Prescription(), status_code=409, error=str(exc))
    said = f"Started from the template “{chosen.name}”." if chosen else None
    return _builder(request, view, draft, done=said)


@router.post("/clinician/patients/{patient_id}/programme", response_class=HTMLResponse)
async def builder_post(request: Request, patient_id: int, view: PatientViewDep) -> Response:
    ctx = view.context
    form = await form_lists(request)
    try:
        excluded = prescriptions.patient_exclusions(ctx.store, ctx.library)
    except NoProfile:
        excluded = {}
    try:
        draft, problems = draft_of(form, ctx.library, excluded)
    except ValidationError as exc:
        first = exc.errors()[0].get("msg", "the draft is not valid")
        return _builder(request, view, Prescription(), status_code=422, error=str(first), form=form)
    action = _one(form, "do", "refresh")
    if action != "save" or problems:
        draft, said = _act(draft, action, view)
        return _builder(
            request,
            view,
            draft,
            status_code=422 if problems else 200,
            problems=problems,
            done=said,
            form=form,
        )
    assert view.principal.account is not None
    try:
        version = prescriptions.save(
            store=ctx.store,
            library=ctx.library,
            prescription=draft,
            author=view.principal.account,
            now=ctx.clock(),
            trail=ctx.web.database.audit_log(),
            address=address(request),
            about=view.link.patient,
        )
    except prescriptions.Refusal as exc:
        words = [p.words[:1].upper() + p.words[1:] + "." for p in exc.problems]
        return _builder(request, view, draft, status_code=422, problems=words, form=form)
    except AppError as exc:
        return _builder(request, view, draft, status_code=409, error=str(exc), form=form)
    return RedirectResponse(
        f"/clinician/patients/{patient_id}/programme/versions?saved={version.number}",
        status_code=303,
    )


@router.get("/clinician/patients/{patient_id}/programme/versions", response_class=HTMLResponse)
def versions(
    request: Request, patient_id: int, view: PatientViewDep, saved: int = 0
) -> HTMLResponse:
    ctx = view.context
    found = prescriptions.history(store=ctx.store, library=ctx.library)
    return page(
        request,
        "builder_versions.html",
        nav="",
        principal=view.principal,
        patient=view.link.patient,
        patient_name=_patient_name(view),
        history=found,
        library=ctx.library,
        saved=saved,
    )


def _templates(request: Request, principal: Principal, **context: Any) -> HTMLResponse:
    web: Web = request.app.state.web
    return page(
        request,
        "templates.html",
        nav="",
        principal=principal,
        templates=prescriptions.templates(db=web.database, principal=principal),
        patients=care.patients(db=web.database, principal=principal),
        library=web.library,
        **context,
    )


@router.get("/clinician/templates", response_class=HTMLResponse)
def templates(request: Request, principal: ClinicianDep, saved: str = "") -> HTMLResponse:
    return _templates(
        request, principal, done=f"Saved the template “{saved[:100]}”." if saved else None
    )


@router.post("/clinician/templates", response_class=HTMLResponse)
async def save_template(request: Request, principal: ClinicianDep) -> Response:
    """Keep the builder's draft (sent whole) as the clinic's template."""
    web: Web = request.app.state.web
    form = await form_lists(request)
    try:
        draft, problems = draft_of(form, web.library, {})
    except ValidationError:
        problems, draft = ["The draft is not valid."], Prescription()
    if problems:
        return _templates(request, principal, status_code=422, error=" ".join(problems))
    try:
        made = prescriptions.save_template(
            db=web.database,
            principal=principal,
            name=_one(form, "template_name"),
            prescription=draft,
            library=web.library,
            now=web.clock(),
        )
    except AppError as exc:
        return _templates(request, principal, error=str(exc).capitalize() + ".")
    from urllib.parse import quote

    return RedirectResponse(f"/clinician/templates?saved={quote(made.name)}", status_code=303)


@router.post("/clinician/templates/{template_id}/apply", response_class=HTMLResponse)
async def apply_template(request: Request, template_id: int, principal: ClinicianDep) -> Response:
    web: Web = request.app.state.web
    form = await form_lists(request)
    chosen = [whole_number(p, 1, 2**31 - 1) for p in form.get("patient", [])[:200]]
    try:
        made = prescriptions.apply_template(
            db=web.database,
            clinic=web.database,
            principal=principal,
            template_id=template_id,
            patient_ids=[p for p in chosen if p is not None],
            library=web.library,
            now=web.clock(),
            address=address(request),
        )
    except prescriptions.Refusal as exc:
        return _templates(request, principal, status_code=422, error=f"Nothing was saved: {exc}.")
    count = len(made)
    said = (
        f"The template is now the programme of {count} {'patient' if count == 1 else 'patients'}."
    )
    return _templates(request, principal, done=said)
