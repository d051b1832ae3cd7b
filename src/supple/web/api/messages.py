"""Messages as JSON: the patient's thread with their physio (``/messages``), a clinician's
thread with one linked patient (``/clinician/patients/{id}/messages``, in the audit log like
every read of a patient's records), the clinician's unread counts, and leaving a clinic.

Reading a thread (GET) does not mark it read: a GET changes nothing, so an app may fetch or
refresh in the background without telling the other side that a person saw the messages. A
client marks them read with ``POST .../messages/read`` once they are on screen (the web pages
do that when they show the thread).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Path, Query, Request

from supple.app import messages
from supple.app.identity import Principal
from supple.web.access import ClinicianDep, SignedInDep, address, patient_person
from supple.web.deps import PatientViewDep, Web
from supple.web.mail import tell
from supple.web.message_schemas import (
    LeftOut,
    MessageIn,
    MessageOut,
    MessagesOut,
    ReadOut,
    ThreadOut,
    UnreadOut,
)
from supple.web.schemas import ErrorOut

router = APIRouter()
PatientId = Annotated[int, Path(ge=1, lt=2**31, description="the patient's account id")]
Before = Annotated[
    int | None, Query(ge=1, lt=2**31, description="only messages older than this id")
]
Limit = Annotated[int, Query(ge=1, le=messages.MAX_PAGE, description="how many at most")]
ClinicianId = Annotated[
    int | None,
    Query(ge=1, lt=2**31, description="which clinician's thread (default: the open one)"),
]
NOT_YOURS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "not one of your patients"}
}


def _patient(principal: SignedInDep, _person: Annotated[int, Depends(patient_person)]) -> Principal:
    return principal


PatientDep = Annotated[Principal, Depends(_patient)]


def _web(request: Request) -> Web:
    web: Web = request.app.state.web
    return web


@router.get(
    "/messages",
    response_model=MessagesOut,
    tags=["messages"],
    responses={404: {"model": ErrorOut, "description": "no thread with that clinician"}},
)
def patient_messages(
    request: Request,
    principal: PatientDep,
    clinician_id: ClinicianId = None,
    before: Before = None,
    limit: Limit = 50,
) -> MessagesOut:
    """Your thread with your physio, oldest first (the newest ``limit``); ``thread`` is null
    while you have none. Reading does not mark it read: ``POST /messages/read`` does."""
    web = _web(request)
    if clinician_id is None and not messages.threads(db=web.database, principal=principal):
        return MessagesOut.of(None)
    page = messages.read(
        db=web.database, principal=principal, other_id=clinician_id, before=before, limit=limit
    )
    return MessagesOut.of(page)


@router.post(
    "/messages",
    response_model=MessageOut,
    status_code=201,
    tags=["messages"],
    responses={
        404: {"model": ErrorOut, "description": "you have no physio to message"},
        409: {"model": ErrorOut, "description": "the thread is closed (you left the clinic)"},
    },
)
def post_patient_message(
    request: Request, body: MessageIn, principal: PatientDep, tasks: BackgroundTasks
) -> MessageOut:
    """Send your physio a message (plain text, up to 2,000 characters)."""
    web = _web(request)
    made = messages.post(
        db=web.database,
        principal=principal,
        text=body.text,
        now=web.clock(),
        other_id=body.clinician_id,
    )
    tell(request, tasks, made)
    return MessageOut.of(made.message)


@router.post(
    "/messages/read",
    response_model=ReadOut,
    tags=["messages"],
    responses={404: {"model": ErrorOut, "description": "you have no physio to message"}},
)
def read_patient_messages(
    request: Request, principal: PatientDep, clinician_id: ClinicianId = None
) -> ReadOut:
    """Mark your physio's messages read."""
    web = _web(request)
    marked = messages.mark_read(
        db=web.database, principal=principal, now=web.clock(), other_id=clinician_id
    )
    return ReadOut(marked=marked)


@router.post(
    "/clinic/leave",
    response_model=LeftOut,
    tags=["messages"],
    responses={409: {"model": ErrorOut, "description": "you are not with a clinic"}},
)
def leave_clinic(request: Request, principal: PatientDep) -> LeftOut:
    """Leave your clinic: your clinicians lose access to your records and your thread at once.
    Your records stay yours, untouched; your thread stays, closed. You can be invited again."""
    web = _web(request)
    ended = messages.leave_clinic(
        db=web.database, principal=principal, address=address(request), now=web.clock()
    )
    return LeftOut(clinicians=ended)


@router.get(
    "/clinician/patients/{patient_id}/messages",
    response_model=MessagesOut,
    tags=["clinician"],
    responses=NOT_YOURS,
)
def clinician_messages(
    patient_id: PatientId, view: PatientViewDep, before: Before = None, limit: Limit = 50
) -> MessagesOut:
    """Your thread with one of your patients, oldest first (the newest ``limit``). Reading
    does not mark it read: ``POST .../messages/read`` does."""
    page = messages.read(
        db=view.context.web.database,
        principal=view.principal,
        other_id=patient_id,
        before=before,
        limit=limit,
    )
    return MessagesOut.of(page)


@router.post(
    "/clinician/patients/{patient_id}/messages",
    response_model=MessageOut,
    status_code=201,
    tags=["clinician"],
    responses=NOT_YOURS,
)
def post_clinician_message(
    request: Request,
    patient_id: PatientId,
    body: MessageIn,
    view: PatientViewDep,
    tasks: BackgroundTasks,
) -> MessageOut:
    """Send one of your patients a message (plain text, up to 2,000 characters)."""
    web = view.context.web
    made = messages.post(
        db=web.database,
        principal=view.principal,
        text=body.text,
        now=web.clock(),
        other_id=patient_id,
    )
    tell(request, tasks, made)
    return MessageOut.of(made.message)


@router.post(
    "/clinician/patients/{patient_id}/messages/read",
    response_model=ReadOut,
    tags=["clinician"],
    responses=NOT_YOURS,
)
def read_clinician_messages(patient_id: PatientId, view: PatientViewDep) -> ReadOut:
    """Mark a patient's messages read."""
    web = view.context.web
    marked = messages.mark_read(
        db=web.database, principal=view.principal, now=web.clock(), other_id=patient_id
    )
    return ReadOut(marked=marked)


@router.get("/clinician/messages/unread", response_model=UnreadOut, tags=["clinician"])
def clinician_unread(request: Request, principal: ClinicianDep) -> UnreadOut:
    """How many of your patients' messages you have not read: in all, and per patient."""
    found = messages.waiting(db=_web(request).database, principal=principal)
    return UnreadOut(total=sum(t.unread for t in found), patients=[ThreadOut.of(t) for t in found])
