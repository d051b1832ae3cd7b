"""The message threads each side may reach, scoped when made (like a person's records): a
patient their own threads (open or closed), a clinician the open threads of the patients linked
to them in their clinic. No query of either reaches another thread."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Select, func, select, update
from sqlalchemy.orm import Session, aliased

from supple.app.identity import Account
from supple.app.message_records import Message, Page, Side, Thread
from supple.store import engine as eng
from supple.store.account_tables import AccountRow, CareLinkRow, Clinic
from supple.store.base import StoreBase
from supple.store.errors import StoreError
from supple.store.message_tables import MessageRow
from supple.store.schema import Person

_patient = aliased(AccountRow, name="patient_account")
_clinician = aliased(AccountRow, name="clinician_account")


def _name(person: str | None, email: str) -> str:
    return email if person in (None, "", "me") else person


class _Threads(StoreBase):
    """What both sides share; ``side`` is whose view this is, ``_scope`` which links it holds."""

    side: Side

    def __init__(self, database: StoreBase, account: Account) -> None:
        super().__init__(database._engine, database.url, None)
        self.account = account

    def _scope(self) -> list[ColumnElement[bool]]:
        raise NotImplementedError

    def _other(self) -> Side:
        return "clinician" if self.side == "patient" else "patient"

    def _unread(self, *where: ColumnElement[bool]) -> Select[int, int]:
        # Scoped like the threads, so it counts this side's threads only (by the index on
        # link_id), not every unread message of the database.
        return (
            select(MessageRow.link_id, func.count().label("n"))
            .join(CareLinkRow, CareLinkRow.id == MessageRow.link_id)
            .join(_patient, _patient.id == CareLinkRow.patient_id)
            .where(*self._scope(), *where)
            .where(MessageRow.author == self._other(), MessageRow.read_at.is_(None))
            .group_by(MessageRow.link_id)
        )

    def _threads(
        self, db: Session, *where: ColumnElement[bool], waiting: bool = False
    ) -> list[Thread]:
        unread = self._unread(*where).subquery()
        rows = db.execute(
            select(
                CareLinkRow.id,
                CareLinkRow.patient_id,
                CareLinkRow.clinician_id,
                CareLinkRow.ended_at,
                Person.name.label("person"),
                _patient.email.label("patient_email"),
                _clinician.email.label("clinician_email"),
                Clinic.name.label("clinic"),
                func.coalesce(unread.c.n, 0).label("unread"),
            )
            .join(_patient, _patient.id == CareLinkRow.patient_id)
            .join(_clinician, _clinician.id == CareLinkRow.clinician_id)
            .join(Person, Person.id == _patient.person_id, isouter=True)
            .join(Clinic, Clinic.id == CareLinkRow.clinic_id, isouter=True)
            .join(unread, unread.c.link_id == CareLinkRow.id, isouter=not waiting)
            .where(*self._scope(), *where)
            .order_by(CareLinkRow.ended_at.is_not(None), CareLinkRow.created_at, CareLinkRow.id)
        ).all()
        return [
            Thread(
                link_id=r.id,
                patient_id=r.patient_id,
                patient_name=_name(r.person, r.patient_email),
                patient_email=r.patient_email,
                clinician_id=r.clinician_id,
                clinician_email=r.clinician_email,
                clinic=r.clinic,
                closed_at=r.ended_at,
                unread=int(r.unread),
            )
            for r in rows
        ]

    @eng.guarded
    def threads(self) -> list[Thread]:
        """Every thread this side holds, open ones first, with this side's unread counts."""
        with self._read() as db:
            return self._threads(db)

    @eng.guarded
    def waiting(self) -> list[Thread]:
        """The threads where messages of the other side wait unread (a clinician's home)."""
        with self._read() as db:
            return self._threads(db, waiting=True)

    def _with(self, other_id: int) -> ColumnElement[bool]:
        raise NotImplementedError

    @eng.guarded
    def thread_with(self, other_id: int) -> Thread | None:
        """The thread with account ``other_id`` (the patient's clinician, or the clinician's
        patient), when this side holds it."""
        with self._read() as db:
            found = self._threads(db, self._with(other_id))
        return found[0] if found else None

    @eng.guarded
    def unread(self) -> int:
        """How many of the other side's messages this side has not read, in all its threads."""
        with self._read() as db:
            count = db.scalar(
                select(func.count())
                .select_from(MessageRow)
                .join(CareLinkRow, CareLinkRow.id == MessageRow.link_id)
                .join(_patient, _patient.id == CareLinkRow.patient_id)
                .where(*self._scope())
                .where(MessageRow.author == self._other(), MessageRow.read_at.is_(None))
            )
        return int(count or 0)

    @eng.guarded
    def page(self, link_id: int, *, before: int | None = None, limit: int = 50) -> Page | None:
        """The newest ``limit`` messages of the thread (before message ``before``), oldest
        first; None when this side does not hold the thread."""
        with self._read() as db:
            found = self._threads(db, CareLinkRow.id == link_id)
            if not found:
                return None
            query = select(MessageRow).where(MessageRow.link_id == link_id)
            if before is not None:
                query = query.where(MessageRow.id < before)
            rows = list(db.scalars(query.order_by(MessageRow.id.desc()).limit(limit + 1)))
        more = len(rows) > limit
        rows = rows[:limit]
        messages = [
            Message(
                id=r.id,
                author=r.author,  # type: ignore[arg-type]  # the check constraint holds it
                text=r.text,
                created_at=r.created_at,
                read_at=r.read_at,
            )
            for r in reversed(rows)
        ]
        return Page(found[0], messages, rows[-1].id if more else None)

    @eng.guarded
    def post(self, link_id: int, text: str, *, at: datetime) -> Message:
        """Add a message by this side to an open thread it holds (StoreError otherwise)."""
        with self._write() as db:
            held = db.scalar(
                select(CareLinkRow.id)
                .join(_patient, _patient.id == CareLinkRow.patient_id)
                .where(*self._scope(), CareLinkRow.id == link_id, CareLinkRow.ended_at.is_(None))
            )
            if held is None:
                raise StoreError("that thread is closed or not yours")
            row = MessageRow(
                link_id=link_id,
                author=self.side,
                author_id=self.account.id,
                text=text,
                created_at=at,
                read_at=None,
            )
            db.add(row)
            db.flush()
            return Message(row.id, self.side, row.text, row.created_at, None)

    @eng.guarded
    def mark_read(self, link_id: int, *, at: datetime) -> int:
        """Mark the other side's messages in the thread read; return how many were unread."""
        with self._write() as db:
            held = db.scalar(
                select(CareLinkRow.id)
                .join(_patient, _patient.id == CareLinkRow.patient_id)
                .where(*self._scope(), CareLinkRow.id == link_id)
            )
            if held is None:
                return 0
            done = db.execute(
                update(MessageRow)
                .where(MessageRow.link_id == link_id, MessageRow.author == self._other())
                .where(MessageRow.read_at.is_(None))
                .values(read_at=at)
            )
            return int(getattr(done, "rowcount", 0) or 0)


class PatientThreads(_Threads):
    """A patient's threads: one per care link they ever had (closed when the link ended)."""

    side: Side = "patient"

    def _scope(self) -> list[ColumnElement[bool]]:
        return [CareLinkRow.patient_id == self.account.id]

    def _with(self, other_id: int) -> ColumnElement[bool]:
        return CareLinkRow.clinician_id == other_id

    @eng.guarded
    def leave_clinic(self, *, at: datetime) -> list[int]:
        """End every open care link of the patient and take them out of their clinic; return
        the clinicians whose links ended (their threads stay, closed)."""
        with self._write() as db:
            links = list(
                db.scalars(
                    select(CareLinkRow)
                    .where(CareLinkRow.patient_id == self.account.id)
                    .where(CareLinkRow.ended_at.is_(None))
                )
            )
            for link in links:
                link.ended_at = at
            db.execute(
                update(AccountRow).where(AccountRow.id == self.account.id).values(clinic_id=None)
            )
            return [link.clinician_id for link in links]


class ClinicianThreads(_Threads):
    """A clinician's threads: those of the patients linked to them in their clinic, while the
    link lasts."""

    side: Side = "clinician"

    def __init__(self, database: StoreBase, account: Account) -> None:
        if account.role != "clinician" or account.clinic_id is None:
            raise StoreError("only a clinician of a clinic has patients to message")
        super().__init__(database, account)

    def _scope(self) -> list[ColumnElement[bool]]:
        return [
            CareLinkRow.clinician_id == self.account.id,
            CareLinkRow.clinic_id == self.account.clinic_id,
            CareLinkRow.ended_at.is_(None),
            _patient.deleted_at.is_(None),
        ]

    def _with(self, other_id: int) -> ColumnElement[bool]:
        return CareLinkRow.patient_id == other_id


class MessageOwnersMixin(StoreBase):
    """Where the database opens each side's threads."""

    def patient_threads(self, patient: Account) -> PatientThreads:
        """The threads of ``patient`` (an account with records), and nobody else's."""
        return PatientThreads(self, patient)

    def clinician_threads(self, clinician: Account) -> ClinicianThreads:
        """The threads of the patients linked to ``clinician`` in their clinic."""
        return ClinicianThreads(self, clinician)


__all__ = ["ClinicianThreads", "MessageOwnersMixin", "PatientThreads"]
