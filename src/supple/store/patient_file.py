"""One patient's page for their clinician in a fixed number of queries: one page of sessions
(their moves and pain read for the whole page at once, never per session), the chart window,
the latest notes, and the facts triage needs besides the summaries."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supple.app.patient_file_rows import ItemEntry, PatientFileRows, SessionEntry
from supple.app.records import NoteEntry, PainEntry
from supple.store import engine as eng
from supple.store.account_tables import FlagSeenRow
from supple.store.base import PersonBase
from supple.store.fastread import local_day
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


def _sessions(db: Session, person_id: int, offset: int, limit: int) -> list[SessionEntry]:
    """One page of sessions, newest first, with their moves and pain (three queries)."""
    rows = db.execute(
        select(SessionRow.id, SessionRow.started_at, SessionRow.ended_at, SessionRow.status)
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
    pain: dict[tuple[int | None, str], int] = {}
    for owner, moment, score in db.execute(
        select(PainRow.session_id, PainRow.moment, PainRow.score)
        .where(PainRow.session_id.in_(ids))
        .order_by(PainRow.at, PainRow.id)
    ):
        pain[(owner, moment)] = score  # the latest of each moment wins
    return [
        SessionEntry(
            id=r.id,
            started_at=r.started_at,
            ended_at=r.ended_at,
            status=r.status,
            items=tuple(items[r.id]),
            pain_before=pain.get((r.id, "before")),
            pain_after=pain.get((r.id, "after")),
        )
        for r in rows
    ]


def _charts(db: Session, person_id: int, since: date) -> tuple[list[PainEntry], list[PsfsRecord]]:
    start = _local_midnight(since)
    pain = [
        PainEntry(*row)
        for row in db.execute(
            select(
                PainRow.id,
                PainRow.at,
                PainRow.score,
                PainRow.moment,
                PainRow.note,
                PainRow.session_id,
            )
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
            name = db.scalar(select(Person.name).where(Person.id == person)) or ""
            count = int(db.scalar(select(func.count()).where(SessionRow.person_id == person)) or 0)
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
            last = db.scalar(
                select(func.max(TrackingDay.day)).where(
                    TrackingDay.person_id == person, TrackingDay.finished > 0
                )
            )
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
            name=name,
            session_count=count,
            sessions=sessions,
            pain=pain,
            psfs=psfs,
            notes=noted,
            last_session=None if last is None else local_day(last),
            spreads=spreads,
            seen=seen,
            answers=None if latest is None else dict(latest.answers),
            answered_at=None if latest is None else latest.created_at,
        )


__all__ = ["PatientFileMixin"]
