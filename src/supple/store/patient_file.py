"""One patient's page for their clinician in a fixed number of queries: one page of sessions
(their moves and pain read for the whole page at once, never per session), the chart window,
the latest notes, and the facts triage needs besides the summaries."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supple.app.patient_file_rows import ItemEntry, PatientFileRows, SessionEntry
from supple.app.records import NoteEntry, PainEntry
from supple.store import engine as eng
from supple.store.account_tables import FlagSeenRow
from supple.store.base import PersonBase
from supple.store.fastread import local_day
from supple.store.queries import PAIN_ENTRY
from supple.store.schema import (
    DirectionRow,
    ItemRow,
    NoteRow,
    PainRow,
    Person,
    ProfileRow,
    PsfsActivity,
    PsfsScore,
    SessionRow,
    TrackingDay,
)
from supple.tracking.model import PsfsRecord, SpreadRecord

#: Spread reports this recent count for triage (as on the patient list).
SPREAD_DAYS = 28


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


def _pain_of(moment: str) -> Any:
    """The session's latest pain score of ``moment`` (an index lookup per listed session)."""
    return (
        select(PainRow.score)
        .where(PainRow.session_id == SessionRow.id, PainRow.moment == moment)
        .order_by(PainRow.at.desc(), PainRow.id.desc())
        .limit(1)
        .correlate(SessionRow)
        .scalar_subquery()
    )


def _sessions(db: Session, person_id: int, offset: int, limit: int) -> list[SessionEntry]:
    """One page of sessions, newest first, with their pain and their moves (two queries)."""
    rows = db.execute(
        select(
            SessionRow.id,
            SessionRow.started_at,
            SessionRow.ended_at,
            SessionRow.status,
            _pain_of("before"),
            _pain_of("after"),
        )
        .where(SessionRow.person_id == person_id)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    ids = [r.id for r in rows]
    if not ids:
        return []
    items: dict[int, list[ItemEntry]] = {i: [] for i in ids}
    for sid, idx, exercise, status, feedback, held, planned in db.execute(
        select(
            ItemRow.session_id,
            ItemRow.idx,
            ItemRow.exercise,
            ItemRow.status,
            ItemRow.feedback,
            ItemRow.held_seconds,
            ItemRow.planned_seconds,
        )
        .where(ItemRow.session_id.in_(ids))
        .order_by(ItemRow.session_id, ItemRow.idx)
    ):
        items[sid].append(ItemEntry(idx, exercise, status, feedback, held, planned))
    return [
        SessionEntry(
            id=r.id,
            started_at=r.started_at,
            ended_at=r.ended_at,
            status=r.status,
            items=tuple(items[r.id]),
            pain_before=r[4],
            pain_after=r[5],
        )
        for r in rows
    ]


def _charts(db: Session, person_id: int, since: date) -> tuple[list[PainEntry], list[PsfsRecord]]:
    start = _local_midnight(since)
    pain = [
        PainEntry(*row)
        for row in db.execute(
            select(*PAIN_ENTRY)
            .where(PainRow.person_id == person_id, PainRow.at >= start)
            .order_by(PainRow.at, PainRow.id)
        )
    ]
    psfs = [
        PsfsRecord(local_day(at), name, score)
        for name, at, score in db.execute(
            select(PsfsActivity.name, PsfsScore.at, PsfsScore.score)
            .join(PsfsScore, PsfsScore.activity_id == PsfsActivity.id)
            .where(PsfsActivity.person_id == person_id, PsfsScore.at >= start)
            .order_by(PsfsScore.at, PsfsScore.id)
        )
    ]
    return pain, psfs


class PatientFileMixin(PersonBase):
    """The clinician's page of this person."""

    @eng.guarded
    def patient_file(
        self,
        *,
        clinician_id: int,
        patient_id: int,
        today: date,
        offset: int = 0,
        limit: int = 20,
        since: date | None = None,
        notes: int = 50,
    ) -> PatientFileRows:
        """The rows of this person's page for clinician ``clinician_id`` (``patient_id``: this
        person's account): ``limit`` sessions from the ``offset``-th newest, the pain and PSFS
        scores from ``since`` (default: every one), the latest ``notes`` notes."""
        person = self.person_id
        with self._read() as db:
            count = select(func.count()).where(SessionRow.person_id == person).scalar_subquery()
            last = (
                select(func.max(TrackingDay.day))
                .where(TrackingDay.person_id == person, TrackingDay.finished > 0)
                .scalar_subquery()
            )
            head = db.execute(select(Person.name, count, last).where(Person.id == person)).one()
            sessions = _sessions(db, person, offset, limit)
            pain, psfs = _charts(db, person, since or date.min + timedelta(days=1))
            noted = [
                NoteEntry(*row)
                for row in db.execute(
                    select(NoteRow.id, NoteRow.at, NoteRow.text, NoteRow.session_id)
                    .where(NoteRow.person_id == person)
                    .order_by(NoteRow.at.desc(), NoteRow.id.desc())
                    .limit(notes)
                )
            ]
            spreads = [
                SpreadRecord(local_day(at), move or "")
                for at, move in db.execute(
                    select(DirectionRow.at, DirectionRow.exercise)
                    .where(DirectionRow.person_id == person, DirectionRow.source == "session")
                    .where(DirectionRow.at >= _local_midnight(today - timedelta(SPREAD_DAYS)))
                    .order_by(DirectionRow.at)
                )
            ]
            seen = set(
                db.scalars(
                    select(FlagSeenRow.flag_key).where(
                        FlagSeenRow.clinician_id == clinician_id,
                        FlagSeenRow.patient_id == patient_id,
                    )
                )
            )
            latest = db.execute(
                select(ProfileRow.created_at, ProfileRow.answers)
                .where(ProfileRow.person_id == person)
                .order_by(ProfileRow.created_at.desc(), ProfileRow.id.desc())
                .limit(1)
            ).first()
        return PatientFileRows(
            name=head[0],
            session_count=int(head[1] or 0),
            sessions=sessions,
            pain=pain,
            psfs=psfs,
            notes=noted,
            last_session=None if head[2] is None else local_day(head[2]),
            spreads=spreads,
            seen=seen,
            answers=None if latest is None else dict(latest.answers),
            answered_at=None if latest is None else latest.created_at,
        )


__all__ = ["PatientFileMixin"]
