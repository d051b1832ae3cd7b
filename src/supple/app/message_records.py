"""The plain records of messages, as the store fills them and the use cases hand them on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

#: Which side of a thread wrote a message.
Side = Literal["patient", "clinician"]


@dataclass(frozen=True)
class Message:
    """One message of a thread; ``read_at`` is when the other side read it."""

    id: int
    author: Side
    text: str
    created_at: datetime
    read_at: datetime | None


@dataclass(frozen=True)
class Thread:
    """The thread of one care link: who is on each side, and whether it is still open."""

    link_id: int
    patient_id: int
    patient_name: str
    patient_email: str
    clinician_id: int
    clinician_email: str
    clinic: str | None
    #: when the link ended (the patient left the clinic): the thread is closed
    closed_at: datetime | None
    #: messages of the other side that this side has not read
    unread: int

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Posted:
    """A message just added, and its thread (whose other side may be told by e-mail)."""

    thread: Thread
    message: Message

    @property
    def recipient(self) -> str:
        """The e-mail of the other side of the thread."""
        mine = self.message.author
        return self.thread.clinician_email if mine == "patient" else self.thread.patient_email


@dataclass(frozen=True)
class Page:
    """Some messages of a thread, oldest first; ``older`` is the cursor to the ones before."""

    thread: Thread
    messages: list[Message]
    older: int | None


__all__ = ["Message", "Page", "Posted", "Side", "Thread"]
