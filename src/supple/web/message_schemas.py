"""Request and response models of the messages (``/api/v1/messages`` for the patient,
``/api/v1/clinician/.../messages`` for the clinician) and of leaving a clinic."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from supple.app.message_records import Message, Page, Side, Thread


class MessageIn(BaseModel):
    """A new message: plain text (control characters are taken out, the rest kept as typed).

    ``clinician_id`` picks the thread of a patient who has several clinicians (by default their
    open thread); the clinician's route ignores it."""

    model_config = ConfigDict(extra="forbid", strict=True)
    text: str = Field(
        min_length=1, max_length=4000, description="at most 2,000 characters once cleaned"
    )
    clinician_id: int | None = Field(default=None, ge=1, lt=2**31)


class MessageOut(BaseModel):
    id: int
    author: Side = Field(description="which side wrote it")
    text: str = Field(description="plain text: escape it before showing it as HTML")
    created_at: datetime
    read_at: datetime | None = Field(description="when the other side read it (null: unread)")

    @classmethod
    def of(cls, message: Message) -> MessageOut:
        return cls(
            id=message.id,
            author=message.author,
            text=message.text,
            created_at=message.created_at,
            read_at=message.read_at,
        )


class ThreadOut(BaseModel):
    """The thread of one care link."""

    patient_id: int = Field(description="the patient's account id")
    patient_name: str
    clinician_id: int = Field(description="the clinician's account id")
    clinician_email: str
    clinic: str | None
    open: bool = Field(description="false once the patient left the clinic: read only")
    unread: int = Field(description="the other side's messages you have not read")

    @classmethod
    def of(cls, thread: Thread) -> ThreadOut:
        return cls(
            patient_id=thread.patient_id,
            patient_name=thread.patient_name,
            clinician_id=thread.clinician_id,
            clinician_email=thread.clinician_email,
            clinic=thread.clinic,
            open=thread.open,
            unread=thread.unread,
        )


class MessagesOut(BaseModel):
    """A page of a thread, oldest first; ``older`` is the ``before`` of the page before it."""

    thread: ThreadOut | None = Field(description="null: the patient has no thread yet")
    messages: list[MessageOut]
    older: int | None = Field(description="pass as ?before= for older messages (null: none)")

    @classmethod
    def of(cls, page: Page | None) -> MessagesOut:
        if page is None:
            return cls(thread=None, messages=[], older=None)
        return cls(
            thread=ThreadOut.of(page.thread),
            messages=[MessageOut.of(m) for m in page.messages],
            older=page.older,
        )


class ReadOut(BaseModel):
    marked: int = Field(description="how many messages were unread and are now read")


class UnreadOut(BaseModel):
    """A clinician's unread messages: the total and, per patient with any, how many."""

    total: int
    patients: list[ThreadOut] = Field(description="threads with unread messages, by patient")


class LeftOut(BaseModel):
    """The clinic was left: these clinicians no longer see your records or your thread."""

    clinicians: list[int]
