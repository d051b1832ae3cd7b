"""The message pages: the patient's thread with their physio (``/messages``), a clinician's
thread with one patient, the unread counts the menu and the clinician's home show, and the
account page's "leave the clinic" form.

Showing a thread on a page marks the other side's messages read: the person has them on
screen (the JSON API leaves that to an explicit ``POST .../read``, see ``web.api.messages``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, pass_context

from supple.app import credentials, messages
from supple.app.errors import AppError, Conflict, NotFound
from supple.app.identity import Principal
from supple.app.message_records import Page, Thread
from supple.web.access import address
from supple.web.deps import ContextDep, PatientViewDep, Web
from supple.web.mail import tell
from supple.web.pages.render import form_lists, page, whole_number

router = APIRouter()


def _principal(request: Request) -> Principal:
    principal: Principal = request.state.principal
    return principal


def _error(exc: AppError) -> str:
    return str(exc)[:1].upper() + str(exc)[1:] + "."


def _cursor(before: int | None) -> int | None:
    """``?before=`` when it can be a message id (else the newest page)."""
    return before if before is not None and 0 < before < 2**31 else None


def _status(exc: AppError) -> int:
    return 409 if isinstance(exc, Conflict) else 404 if isinstance(exc, NotFound) else 422


def _patient_page(
    request: Request,
    ctx: ContextDep,
    chosen: int | None,
    before: int | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    web, principal = ctx.web, _principal(request)
    before = _cursor(before)
    every = messages.threads(db=web.database, principal=principal)
    shown: Page | None = None
    if every:
        try:
            shown = messages.read(
                db=web.database, principal=principal, other_id=chosen, before=before
            )
        except NotFound:
            chosen = None
            shown = messages.read(db=web.database, principal=principal, before=before)
        if shown.thread.unread and before is None:
            messages.mark_read(
                db=web.database,
                principal=principal,
                now=web.clock(),
                other_id=shown.thread.clinician_id,
            )
    return page(
        request,
        "messages.html",
        status_code,
        ctx=ctx,
        nav="messages",
        side="patient",
        threads=every,
        shown=shown,
        action="/messages",
        limit=messages.MAX_LENGTH,
        **context,
    )


@router.get("/messages", response_class=HTMLResponse)
def patient_messages(
    request: Request, ctx: ContextDep, clinician: int | None = None, before: int | None = None
) -> HTMLResponse:
    return _patient_page(request, ctx, clinician, before)


@router.post("/messages", response_class=HTMLResponse)
async def post_patient_message(
    request: Request, ctx: ContextDep, tasks: BackgroundTasks
) -> Response:
    form = await form_lists(request)
    text = (form.get("text") or [""])[-1][: messages.MAX_LENGTH * 2]
    chosen = whole_number((form.get("clinician_id") or [""])[-1], 1, 2**31 - 1)
    try:
        made = messages.post(
            db=ctx.web.database,
            principal=_principal(request),
            text=text,
            now=ctx.web.clock(),
            other_id=chosen,
        )
    except AppError as exc:
        return _patient_page(request, ctx, chosen, None, _status(exc), error=_error(exc), text=text)
    tell(request, tasks, made)
    query = f"?clinician={chosen}" if chosen else ""
    return RedirectResponse(f"/messages{query}#message-{made.message.id}", status_code=303)


def _clinician_page(
    request: Request,
    view: PatientViewDep,
    patient_id: int,
    before: int | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    web, before = view.context.web, _cursor(before)
    shown = messages.read(
        db=web.database, principal=view.principal, other_id=patient_id, before=before
    )
    if shown.thread.unread and before is None:
        messages.mark_read(
            db=web.database, principal=view.principal, now=web.clock(), other_id=patient_id
        )
    return page(
        request,
        "messages.html",
        status_code,
        nav="",
        side="clinician",
        principal=view.principal,
        threads=[shown.thread],
        shown=shown,
        action=f"/clinician/patients/{patient_id}/messages",
        limit=messages.MAX_LENGTH,
        **context,
    )


@router.get("/clinician/patients/{patient_id}/messages", response_class=HTMLResponse)
def clinician_messages(
    request: Request, patient_id: int, view: PatientViewDep, before: int | None = None
) -> HTMLResponse:
    return _clinician_page(request, view, patient_id, before)


@router.post("/clinician/patients/{patient_id}/messages", response_class=HTMLResponse)
async def post_clinician_message(
    request: Request, patient_id: int, view: PatientViewDep, tasks: BackgroundTasks
) -> Response:
    web = view.context.web
    form = await form_lists(request)
    text = (form.get("text") or [""])[-1][: messages.MAX_LENGTH * 2]
    try:
        made = messages.post(
            db=web.database,
            principal=view.principal,
            text=text,
            now=web.clock(),
            other_id=patient_id,
        )
    except AppError as exc:
        return _clinician_page(
            request, view, patient_id, None, _status(exc), error=_error(exc), text=text
        )
    tell(request, tasks, made)
    where = f"/clinician/patients/{patient_id}/messages#message-{made.message.id}"
    return RedirectResponse(where, status_code=303)


@router.post("/account/clinic/leave", response_class=HTMLResponse)
def leave_clinic(request: Request, ctx: ContextDep) -> Response:
    web, principal = ctx.web, _principal(request)
    try:
        messages.leave_clinic(
            db=web.database, principal=principal, address=address(request), now=web.clock()
        )
    except Conflict as exc:
        return page(
            request,
            "account.html",
            409,
            nav="settings",
            principal=principal,
            tokens=credentials.tokens(db=web.database, principal=principal),
            leave_error=_error(exc),
        )
    return RedirectResponse("/account?done=left", status_code=303)


# -- the counts every page's menu and the clinician's home show ----------------------------


@dataclass(frozen=True)
class Waiting:
    """The signed-in person's threads (a clinician's: those with unread messages) and how many
    of their messages wait unread."""

    threads: list[Thread] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(t.unread for t in self.threads)

    @property
    def unread(self) -> list[Thread]:
        return [t for t in self.threads if t.unread]


@pass_context
def _waiting(context: Any) -> Waiting:
    request: Request = context["request"]
    found: Waiting | None = getattr(request.state, "messages_waiting", None)
    if found is not None:
        return found
    principal: Principal | None = getattr(request.state, "principal", None)
    found = Waiting()
    if principal is not None and principal.account is not None and principal.role != "admin":
        web: Web = request.app.state.web
        read = messages.waiting if principal.role == "clinician" else messages.threads
        found = Waiting(read(db=web.database, principal=principal))
    request.state.messages_waiting = found
    return found


def install(env: Environment) -> None:
    """Register ``messages_waiting()`` for the menu and the clinician's home."""
    env.globals.update(messages_waiting=_waiting)


__all__ = ["install", "router"]
