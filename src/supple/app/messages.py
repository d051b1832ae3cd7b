"""Messages between a patient and their clinician: one plain-text thread per care link.

Each side reaches only its own threads (the store scopes them): a patient every thread they
ever had, a clinician the threads of the patients linked to them in their clinic, while the
link lasts. When a patient leaves their clinic the link ends: the clinician loses the thread at
once, the patient keeps it, closed. With a mail server set (``SUPPLE_SMTP_URL``), the web
adapter tells the other side by e-mail that a message waits (``supple.web.mail``).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Protocol

from supple.app import audit
from supple.app.access_ports import AuditTrail
from supple.app.errors import Conflict, NotAllowed, NotFound, Refused
from supple.app.identity import Account, Principal
from supple.app.message_records import Message, Page, Posted, Side, Thread

#: The longest message, in characters (the store's column holds as many).
MAX_LENGTH = 2000
#: How many messages a page of a thread holds at most.
MAX_PAGE = 200
#: Control characters (but the line break and the tab), and the invisible marks that turn text
#: around (a message could otherwise show words in another order than they were written).
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class Threads(Protocol):
    """One side's threads (``supple.store.messages`` scopes them)."""

    def threads(self) -> list[Thread]: ...

    def waiting(self) -> list[Thread]: ...

    def thread_with(self, other_id: int) -> Thread | None: ...

    def unread(self) -> int: ...

    def page(self, link_id: int, *, before: int | None = None, limit: int = 50) -> Page | None: ...

    def post(self, link_id: int, text: str, *, at: datetime) -> Message: ...

    def mark_read(self, link_id: int, *, at: datetime) -> int: ...


class PatientThreads(Threads, Protocol):
    def leave_clinic(self, *, at: datetime) -> list[int]: ...


class MessagesDatabase(Protocol):
    """The database as the message use cases open it."""

    def patient_threads(self, patient: Account) -> PatientThreads: ...

    def clinician_threads(self, clinician: Account) -> Threads: ...

    def audit_log(self) -> AuditTrail: ...


def clean(text: str) -> str:
    """The message as kept: control characters taken out, line breaks as ``\\n``, trimmed
    (Refused when nothing is left or it is too long)."""
    kept = _UNWANTED.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    kept = kept.strip()
    if not kept:
        raise Refused("write a message first: it is empty")
    if len(kept) > MAX_LENGTH:
        raise Refused(f"a message is at most {MAX_LENGTH:,} characters; this one has {len(kept):,}")
    return kept


def _patient(principal: Principal) -> Account | None:
    """The patient's account (None in single-person mode, which has no clinician)."""
    if principal.role != "patient":
        raise NotAllowed("this is a patient's own thread: sign in as a patient")
    return principal.account


def _side(db: MessagesDatabase, principal: Principal) -> tuple[Side, Threads | None]:
    if principal.role == "clinician":
        account = principal.account
        if account is None or account.clinic_id is None:
            raise NotAllowed("only a clinician of a clinic messages patients")
        return "clinician", db.clinician_threads(account)
    patient = _patient(principal)
    return "patient", None if patient is None else db.patient_threads(patient)


def threads(*, db: MessagesDatabase, principal: Principal) -> list[Thread]:
    """Every thread of the signed-in person, open ones first, each with its unread count."""
    _, mine = _side(db, principal)
    return [] if mine is None else mine.threads()


def waiting(*, db: MessagesDatabase, principal: Principal) -> list[Thread]:
    """The threads where the other side's messages wait unread, with how many."""
    _, mine = _side(db, principal)
    return [] if mine is None else mine.waiting()


def unread(*, db: MessagesDatabase, principal: Principal) -> int:
    """How many messages from the other side the signed-in person has not read."""
    _, mine = _side(db, principal)
    return 0 if mine is None else mine.unread()


def thread(*, db: MessagesDatabase, principal: Principal, other_id: int | None = None) -> Thread:
    """The thread with ``other_id``: a clinician's patient (required), or a patient's clinician
    (by default their open thread, the first when they have several)."""
    side, mine = _side(db, principal)
    found: Thread | None = None
    if mine is not None and other_id is not None and 0 < other_id < 2**31:
        found = mine.thread_with(other_id)
    elif mine is not None and other_id is None and side == "patient":
        every = mine.threads()
        found = every[0] if every else None
    if found is None:
        if side == "clinician":
            raise NotFound(f"no patient {other_id} among yours")
        raise NotFound("you have no thread with a physio: one starts when a clinician invites you")
    return found


def read(
    *,
    db: MessagesDatabase,
    principal: Principal,
    other_id: int | None = None,
    before: int | None = None,
    limit: int = 50,
) -> Page:
    """A page of the thread, oldest first: the newest ``limit`` messages before ``before``."""
    found = thread(db=db, principal=principal, other_id=other_id)
    _, mine = _side(db, principal)
    assert mine is not None
    page = mine.page(found.link_id, before=before, limit=max(1, min(limit, MAX_PAGE)))
    if page is None:  # the link ended between the two reads
        raise NotFound("that thread is no longer yours")
    return page


def post(
    *,
    db: MessagesDatabase,
    principal: Principal,
    text: str,
    now: datetime,
    other_id: int | None = None,
) -> Posted:
    """Add a message to the thread (Conflict when it is closed: the patient left the clinic)."""
    kept = clean(text)
    found = thread(db=db, principal=principal, other_id=other_id)
    if not found.open:
        raise Conflict(
            "this thread is closed: you left the clinic, so it can be read, not answered"
        )
    _, mine = _side(db, principal)
    assert mine is not None
    return Posted(found, mine.post(found.link_id, kept, at=now))


def mark_read(
    *, db: MessagesDatabase, principal: Principal, now: datetime, other_id: int | None = None
) -> int:
    """Mark the other side's messages in the thread read; return how many were unread."""
    found = thread(db=db, principal=principal, other_id=other_id)
    _, mine = _side(db, principal)
    assert mine is not None
    return mine.mark_read(found.link_id, at=now)


def leave_clinic(
    *, db: MessagesDatabase, principal: Principal, address: str, now: datetime
) -> list[int]:
    """End the patient's care links and take them out of their clinic: their clinicians lose
    access at once; the records stay the patient's, the threads stay theirs, closed. They may be
    invited again. Return the clinicians whose links ended (Conflict when there were none)."""
    patient = _patient(principal)
    if patient is None:
        raise Conflict("this Supple has no accounts, so there is no clinic to leave")
    mine = db.patient_threads(patient)
    if patient.clinic_id is None and not any(t.open for t in mine.threads()):
        raise Conflict("you are not with a clinic: there is nothing to leave")
    ended = mine.leave_clinic(at=now)
    audit.record(
        db.audit_log(),
        at=now,
        action="clinic_left",
        by=principal,
        address=address,
        about=patient,
        detail="clinicians " + ", ".join(str(c) for c in ended),
    )
    return ended


__all__ = [
    "MAX_LENGTH",
    "MAX_PAGE",
    "MessagesDatabase",
    "clean",
    "leave_clinic",
    "mark_read",
    "post",
    "read",
    "thread",
    "threads",
    "unread",
    "waiting",
]
