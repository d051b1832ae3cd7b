"""A clinician's patient list in a fixed number of queries, whatever the number of patients
and the length of their history: every query reads all the listed patients at once, and each
patient's part of it is bounded (the recent window of the summaries, or one indexed lookup)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from supple.app.caseload_records import PatientRecords
from supple.store.account_tables import AccountRow, CareLinkRow, FlagSeenRow
from supple.store.fastread import local_day
from supple.store.schema import (
    DirectionRow,
    ItemRow,
    Person,
    ProfileRow,
    PsfsActivity,
    PsfsScore,
    SessionRow,
    TrackingDay,
    TrackingState,
    TrackingWeek,
)
from supple.tracking.digest import Day, Week
from supple.tracking.model import FeedbackRecord, PsfsRecord, SpreadRecord


def _linked(clinician_id: int, clinic_id: int) -> Select[Any]:
    """The person ids of the clinician's patients (a subquery every read filters by)."""
    return (
        select(AccountRow.person_id)
        .join(CareLinkRow, CareLinkRow.patient_id == AccountRow.id)
        .where(CareLinkRow.clinician_id == clinician_id)
        .where(CareLinkRow.clinic_id == clinic_id)
        .where(CareLinkRow.ended_at.is_(None))
        .where(AccountRow.deleted_at.is_(None))
        .where(AccountRow.person_id.is_not(None))
    )


def _first_pain(person: Any) -> Any:
    return (
        select(TrackingDay.day)
        .where(TrackingDay.person_id == person, TrackingDay.pain_count > 0)
        .order_by(TrackingDay.day)
        .limit(1)
        .scalar_subquery()
    )


def _last_session(person: Any) -> Any:
    return (
        select(TrackingDay.day)
        .where(TrackingDay.person_id == person, TrackingDay.finished > 0)
        .order_by(TrackingDay.day.desc())
        .limit(1)
        .scalar_subquery()
    )


def _latest_profile(person: Any) -> Any:
    inner = aliased(ProfileRow)
    return (
        select(inner.id)
        .where(inner.person_id == person)
        .order_by(inner.created_at.desc(), inner.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _people(db: Session, clinician_id: int, clinic_id: int) -> dict[int, PatientRecords]:
    rows = db.execute(
        select(
            AccountRow.id,
            AccountRow.person_id,
            AccountRow.email,
            Person.name,
            Person.days_per_week,
            CareLinkRow.created_at,
            TrackingState.sessions_done,
            _last_session(Person.id),
            _first_pain(Person.id),
        )
        .join(CareLinkRow, CareLinkRow.patient_id == AccountRow.id)
        .join(Person, Person.id == AccountRow.person_id)
        .join(TrackingState, TrackingState.person_id == Person.id, isouter=True)
        .where(CareLinkRow.clinician_id == clinician_id)
        .where(CareLinkRow.clinic_id == clinic_id)
        .where(CareLinkRow.ended_at.is_(None))
        .where(AccountRow.deleted_at.is_(None))
    ).all()
    return {
        person: PatientRecords(
            account_id=account,
            person_id=person,
            email=email,
            name=name,
            since=since,
            days_per_week=per_week,
            sessions_done=done or 0,
            last_session=None if last is None else local_day(last),
            first_pain=None if first is None else local_day(first),
        )
        for account, person, email, name, per_week, since, done, last, first in rows
    }


def _baselines(db: Session, found: dict[int, PatientRecords]) -> None:
    """The pain of each patient's first seven days with a score (one query)."""
    ranges: list[ColumnElement[bool]] = [
        and_(
            TrackingDay.person_id == p.person_id,
            TrackingDay.day.between(p.first_pain, p.first_pain + timedelta(days=6)),
        )
        for p in found.values()
        if p.first_pain is not None
    ]
    if not ranges:
        return
    rows = db.execute(
        select(
            TrackingDay.person_id, func.sum(TrackingDay.pain_sum), func.sum(TrackingDay.pain_count)
        )
        .where(or_(*ranges))
        .group_by(TrackingDay.person_id)
    ).all()
    for person, pain_sum, pain_count in rows:
        found[person].baseline = (int(pain_sum or 0), int(pain_count or 0))


def _recent(db: Session, linked: Any, found: dict[int, PatientRecords], today: date) -> None:
    """The last 28 days and the last four weeks of the summaries (plain rows: no ORM objects)."""
    first = today - timedelta(days=27)
    days = db.execute(
        select(
            TrackingDay.person_id,
            TrackingDay.day,
            TrackingDay.finished,
            TrackingDay.pain_sum,
            TrackingDay.pain_count,
            TrackingDay.run,
        ).where(TrackingDay.person_id.in_(linked), TrackingDay.day >= first)
    ).all()
    for person, day, finished, pain_sum, pain_count, run in days:
        found[person].days[day] = Day(day, finished, pain_sum, pain_count, run)
    monday = today - timedelta(days=today.weekday())
    weeks = db.execute(
        select(
            TrackingWeek.person_id,
            TrackingWeek.start,
            TrackingWeek.done,
            TrackingWeek.pain_sum,
            TrackingWeek.pain_count,
        ).where(
            TrackingWeek.person_id.in_(linked), TrackingWeek.start >= monday - timedelta(weeks=3)
        )
    ).all()
    for person, start, done, pain_sum, pain_count in weeks:
        found[person].weeks[start] = Week(start, done, pain_sum, pain_count)


def _window(db: Session, linked: Any, found: dict[int, PatientRecords], today: date) -> None:
    """Painful feedback and spread reports of the last four weeks."""
    since = datetime.combine(today - timedelta(days=28), time.min).astimezone()
    painful = db.execute(
        select(SessionRow.person_id, SessionRow.started_at, ItemRow.exercise, SessionRow.id)
        .join(ItemRow, ItemRow.session_id == SessionRow.id)
        .where(SessionRow.person_id.in_(linked), SessionRow.started_at >= since)
        .where(ItemRow.feedback == "painful")
        .order_by(SessionRow.started_at, ItemRow.idx)
    ).all()
    for person, at, exercise, session in painful:
        found[person].feedback.append(FeedbackRecord(local_day(at), exercise, "painful", session))
    spread = db.execute(
        select(DirectionRow.person_id, DirectionRow.at, DirectionRow.exercise)
        .where(DirectionRow.person_id.in_(linked), DirectionRow.at >= since)
        .where(DirectionRow.source == "session")
        .order_by(DirectionRow.at)
    ).all()
    for person, at, move in spread:
        found[person].spreads.append(SpreadRecord(local_day(at), move or ""))


def _psfs(db: Session, linked: Any, found: dict[int, PatientRecords]) -> None:
    """The first and the latest score of each activity (indexed lookups in one query)."""

    def score(latest: bool) -> Any:
        inner = aliased(PsfsScore)
        order = (inner.at.desc(), inner.id.desc()) if latest else (inner.at, inner.id)
        return (
            select(inner.id)
            .where(inner.activity_id == PsfsActivity.id)
            .order_by(*order)
            .limit(1)
            .scalar_subquery()
            .correlate(PsfsActivity)
        )

    first, latest = score(False), score(True)
    picked = (
        select(
            PsfsActivity.person_id, PsfsActivity.name, PsfsScore.id, PsfsScore.at, PsfsScore.score
        )
        .join(PsfsScore, or_(PsfsScore.id == first, PsfsScore.id == latest))
        .where(PsfsActivity.person_id.in_(linked))
        .order_by(PsfsScore.at, PsfsScore.id)
    )
    seen: set[tuple[int, str]] = set()
    later: list[tuple[int, PsfsRecord]] = []
    for person, name, _, at, value in db.execute(picked).all():
        record = PsfsRecord(local_day(at), name, value)
        if (person, name) in seen:
            later.append((person, record))
        else:
            seen.add((person, name))
            found[person].psfs.append(record)
    for person, record in later:  # first scores first, as the digest keeps them
        found[person].psfs.append(record)


def _answers(db: Session, linked: Any, found: dict[int, PatientRecords]) -> None:
    rows = db.execute(
        select(ProfileRow.person_id, ProfileRow.created_at, ProfileRow.answers)
        .where(ProfileRow.person_id.in_(linked))
        .where(ProfileRow.id == _latest_profile(ProfileRow.person_id))
    ).all()
    for person, at, answers in rows:
        found[person].answers, found[person].answered = dict(answers), local_day(at)


def _seen(db: Session, clinician_id: int, found: dict[int, PatientRecords]) -> None:
    by_account = {p.account_id: p for p in found.values()}
    rows = db.execute(
        select(FlagSeenRow.patient_id, FlagSeenRow.flag_key).where(
            FlagSeenRow.clinician_id == clinician_id
        )
    ).all()
    for patient, key in rows:
        if patient in by_account:
            by_account[patient].seen.add(key)


def read_person(db: Session, person_id: int, today: date) -> PatientRecords | None:
    """One person's records for the list (their windows end ``today`` and run on past it):
    the same reads as :func:`read_caseload`, for the summary row kept per patient."""
    found = db.execute(
        select(
            Person.name,
            Person.days_per_week,
            TrackingState.sessions_done,
            _last_session(Person.id),
            _first_pain(Person.id),
        )
        .join(TrackingState, TrackingState.person_id == Person.id, isouter=True)
        .where(Person.id == person_id)
    ).first()
    if found is None:
        return None
    name, per_week, done, last, first = found
    records = PatientRecords(
        account_id=0,
        person_id=person_id,
        email="",
        name=name,
        since=datetime.min,
        days_per_week=per_week,
        sessions_done=done or 0,
        last_session=None if last is None else local_day(last),
        first_pain=None if first is None else local_day(first),
    )
    one = {person_id: records}
    linked = select(Person.id).where(Person.id == person_id)
    _baselines(db, one)
    _recent(db, linked, one, today)
    _window(db, linked, one, today)
    _psfs(db, linked, one)
    _answers(db, linked, one)
    return records


def read_caseload(
    db: Session, *, clinician_id: int, clinic_id: int, today: date
) -> list[PatientRecords]:
    """Every linked patient's records for the list, in nine queries."""
    found = _people(db, clinician_id, clinic_id)
    if not found:
        return []
    linked = _linked(clinician_id, clinic_id)
    _baselines(db, found)
    _recent(db, linked, found, today)
    _window(db, linked, found, today)
    _psfs(db, linked, found)
    _answers(db, linked, found)
    _seen(db, clinician_id, found)
    return list(found.values())


__all__ = ["read_caseload", "read_person"]
