"""The patient list's summary rows, kept in the same transaction as the records they come from.

Every write transaction is watched (:func:`watch`): a flush that touches what the list shows of
a linked patient (a finished session or pain score through the day summaries, feedback on a
move, a PSFS score, screening answers, a spread report, the days a week, a care link) notes the
person, and before the commit :func:`keep` reads that person's records again (the bounded reads
of :func:`supple.store.caseload.read_person`, under the person's summary lock) and writes their
row: the records as JSON, and what the list sorts and filters by on that day, worked out by
:func:`supple.app.caseload.summarize` (so the triage rules stay in one place).

The figures are for one day (``as_of``): the windows slide at midnight with no write.
:func:`refresh` brings a clinician's rows to today from their own JSON when the list is read on a
later day (no history is read: the windows kept run on past their day), or from the records when
the row is missing or was made for a later day.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, event, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from supple.app.caseload import rank_number, red_flag_of, summarize
from supple.app.caseload_records import PatientRecords
from supple.store import summary
from supple.store.account_tables import AccountRow, CareLinkRow
from supple.store.caseload import read_person
from supple.store.caseload_tables import CaseloadFlagRow, CaseloadRow
from supple.store.schema import (
    DirectionRow,
    ItemRow,
    PainRow,
    Person,
    ProfileRow,
    PsfsActivity,
    PsfsScore,
    SessionRow,
    TrackingDay,
    TrackingWeek,
)
from supple.tracking.digest import Day, Week
from supple.tracking.model import FeedbackRecord, PsfsRecord, SpreadRecord
from supple.tracking.triage import RedFlagAnswer

_NOTED = "supple_caseload"
#: Tables whose rows name their person directly.
_BY_PERSON = (PainRow, ProfileRow, DirectionRow, TrackingDay, TrackingWeek, PsfsActivity)


def watch(db: Session) -> None:
    """Keep the summary rows of the people this write transaction touches."""
    event.listen(db, "after_flush", _note)
    event.listen(db, "before_commit", _before_commit)


def _noted(db: Session) -> dict[str, set[int]]:
    noted: dict[str, set[int]] = db.info.setdefault(
        _NOTED, {"person": set(), "account": set(), "session": set(), "activity": set()}
    )
    return noted


def _note(db: Session, _context: Any) -> None:
    noted = _noted(db)
    for row in (*db.new, *db.dirty, *db.deleted):
        if isinstance(row, _BY_PERSON):
            noted["person"].add(row.person_id)
        elif isinstance(row, ItemRow):
            if row in db.deleted or get_history(row, "feedback").has_changes():
                noted["session"].add(row.session_id)
        elif isinstance(row, SessionRow):
            if row in db.deleted or get_history(row, "started_at").has_changes():
                noted["person"].add(row.person_id)
        elif isinstance(row, PsfsScore):
            noted["activity"].add(row.activity_id)
        elif isinstance(row, Person) and row not in db.new:
            noted["person"].add(row.id)
        elif isinstance(row, CareLinkRow):
            noted["account"].add(row.patient_id)
        elif isinstance(row, AccountRow) and row not in db.new and row.person_id is not None:
            noted["person"].add(row.person_id)


def _before_commit(db: Session) -> None:
    db.flush()
    done: set[int] = set()
    while True:
        noted = db.info.pop(_NOTED, None)
        if not noted:
            return
        people = set(noted["person"])
        if noted["session"]:
            query = select(SessionRow.person_id).where(SessionRow.id.in_(noted["session"]))
            people.update(db.scalars(query))
        if noted["activity"]:
            query = select(PsfsActivity.person_id).where(PsfsActivity.id.in_(noted["activity"]))
            people.update(db.scalars(query))
        if noted["account"]:
            owners = select(AccountRow.person_id).where(AccountRow.id.in_(noted["account"]))
            people.update(p for p in db.scalars(owners) if p is not None)
        for person_id in sorted(people - done):
            keep(db, person_id, date.today())
            done.add(person_id)
        db.flush()


def _since(db: Session, person_ids: Iterable[int]) -> dict[int, datetime]:
    """When each person's earliest care link that has not ended began (linked people only)."""
    rows = db.execute(
        select(AccountRow.person_id, func.min(CareLinkRow.created_at))
        .join(CareLinkRow, CareLinkRow.patient_id == AccountRow.id)
        .where(AccountRow.person_id.in_(list(person_ids)))
        .where(CareLinkRow.ended_at.is_(None), AccountRow.deleted_at.is_(None))
        .group_by(AccountRow.person_id)
    ).all()
    return {person: at for person, at in rows if person is not None}


def keep(db: Session, person_id: int, today: date) -> None:
    """Write ``person_id``'s row from their records (removed when nobody looks after them)."""
    since = _since(db, [person_id]).get(person_id)
    if since is None:
        db.execute(delete(CaseloadRow).where(CaseloadRow.person_id == person_id))
        return
    summary.lock(db, person_id)  # writers for this person take turns
    records = read_person(db, person_id, today)
    if records is None:
        return
    revision = db.scalar(
        select(CaseloadRow.revision).where(CaseloadRow.person_id == person_id).with_for_update()
    )
    _write(db, records, today, today, since, None if revision is None else revision + 1)


# -- the row's JSON ------------------------------------------------------------------------


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def encode(r: PatientRecords) -> str:
    """What triage reads about a patient, as JSON (not who they are: that is read live)."""
    return json.dumps(
        {
            "days_per_week": r.days_per_week,
            "sessions_done": r.sessions_done,
            "last_session": None if r.last_session is None else r.last_session.isoformat(),
            "first_pain": None if r.first_pain is None else r.first_pain.isoformat(),
            "baseline": list(r.baseline),
            "days": [
                [d.day.isoformat(), d.finished, d.pain_sum, d.pain_count, d.run]
                for d in sorted(r.days.values(), key=lambda d: d.day)
            ],
            "weeks": [
                [w.start.isoformat(), w.done, w.pain_sum, w.pain_count]
                for w in sorted(r.weeks.values(), key=lambda w: w.start)
            ],
            "feedback": [
                [f.day.isoformat(), f.exercise, f.feedback, f.session] for f in r.feedback
            ],
            "psfs": [[p.day.isoformat(), p.activity, p.score] for p in r.psfs],
            "spreads": [[s.day.isoformat(), s.exercise] for s in r.spreads],
            "answers": r.answers,
            "answered": None if r.answered is None else r.answered.isoformat(),
        },
        separators=(",", ":"),
        sort_keys=True,
    )


def decode(text: str, base: PatientRecords) -> PatientRecords:
    """``base`` (who the patient is) with the records of :func:`encode`'s JSON."""
    data = json.loads(text)
    days = [Day(date.fromisoformat(d), *rest) for d, *rest in data["days"]]
    weeks = [Week(date.fromisoformat(w), *rest) for w, *rest in data["weeks"]]
    base.days_per_week = data["days_per_week"]
    base.sessions_done = data["sessions_done"]
    base.last_session = _day(data["last_session"])
    base.first_pain = _day(data["first_pain"])
    base.baseline = (data["baseline"][0], data["baseline"][1])
    base.days = {d.day: d for d in days}
    base.weeks = {w.start: w for w in weeks}
    base.feedback = [
        FeedbackRecord(date.fromisoformat(day), move, said, session)
        for day, move, said, session in data["feedback"]
    ]
    base.psfs = [
        PsfsRecord(date.fromisoformat(day), name, score) for day, name, score in data["psfs"]
    ]
    base.spreads = [SpreadRecord(date.fromisoformat(day), move) for day, move in data["spreads"]]
    base.answers = data["answers"]
    base.answered = _day(data["answered"])
    return base


def on(records: PatientRecords, today: date) -> PatientRecords:
    """``records`` with their windows moved to end ``today`` (a later day than they were read
    on: what has left the windows is dropped, as a read on ``today`` would not find it)."""
    first = today - timedelta(days=27)
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=3)
    records.days = {d: x for d, x in records.days.items() if d >= first}
    records.weeks = {w: x for w, x in records.weeks.items() if w >= monday}
    records.feedback = [f for f in records.feedback if f.day >= today - timedelta(days=28)]
    records.spreads = [s for s in records.spreads if s.day >= today - timedelta(days=28)]
    return records


def encode_red_flag(answer: RedFlagAnswer | None) -> str | None:
    if answer is None:
        return None
    return json.dumps([answer.day.isoformat(), answer.rule, answer.tier])


def decode_red_flag(text: str | None) -> RedFlagAnswer | None:
    if text is None:
        return None
    day, rule, tier = json.loads(text)
    return RedFlagAnswer(date.fromisoformat(day), rule, tier)


def _write(
    db: Session,
    records: PatientRecords,
    records_day: date,
    today: date,
    since: datetime,
    revision: int | None,
) -> None:
    """Work out the figures of ``today`` and write the row (``revision`` None: a new row)."""
    kept = encode(records)
    records.since, records.seen = since, set()
    answer = red_flag_of(records, today)
    row = summarize(on(records, today), today, answer)
    values: dict[str, Any] = {
        "records_day": records_day,
        "records": kept,
        "as_of": today,
        "last_session": records.last_session,
        "month_ratio": row.month_ratio,
        "pain_key": float(row.pain.change) if row.pain.change is not None else -99.0,
        "red_flag": encode_red_flag(answer),
    }
    pid = records.person_id
    if revision is None:
        db.execute(insert(CaseloadRow).values(person_id=pid, revision=0, **values))
    else:
        db.execute(
            update(CaseloadRow)
            .where(CaseloadRow.person_id == pid)
            .values(revision=revision, **values)
        )
    db.execute(delete(CaseloadFlagRow).where(CaseloadFlagRow.person_id == pid))
    if row.flags:
        db.execute(
            insert(CaseloadFlagRow),
            [
                {"person_id": pid, "flag_key": f.key, "code": f.code, "rank": rank_number(f)}
                for f in row.flags
            ],
        )


def refresh(db: Session, people: Iterable[int], today: date) -> None:
    """Bring these people's rows to ``today`` (in the caller's write transaction)."""
    wanted = sorted(set(people))
    since = _since(db, wanted)
    rows = db.execute(
        select(CaseloadRow.person_id, CaseloadRow.records_day, CaseloadRow.records)
        .where(CaseloadRow.person_id.in_(wanted))
        .order_by(CaseloadRow.person_id)
        .with_for_update()
    ).all()
    kept = {person: (day, text) for person, day, text in rows}
    for person in wanted:
        if person not in since:
            continue
        found = kept.get(person)
        if found is None or found[0] > today:
            keep(db, person, today)
            continue
        base = PatientRecords(0, person, "", "", since[person])
        records = decode(found[1], base)
        revision = db.scalar(select(CaseloadRow.revision).where(CaseloadRow.person_id == person))
        assert revision is not None
        _write(db, records, found[0], today, since[person], revision + 1)


def missing(db: Session) -> list[int]:
    """The linked patients who have no row yet (after the migration, or an older database)."""
    linked = (
        select(AccountRow.person_id)
        .join(CareLinkRow, CareLinkRow.patient_id == AccountRow.id)
        .where(CareLinkRow.ended_at.is_(None), AccountRow.deleted_at.is_(None))
        .where(AccountRow.person_id.is_not(None))
        .where(AccountRow.person_id.not_in(select(CaseloadRow.person_id)))
        .distinct()
    )
    return sorted(p for p in db.scalars(linked) if p is not None)


def stored(db: Session, person_id: int) -> tuple[str, list[tuple[str, str, int]]] | None:
    """The row's JSON and flags as stored (for the checks that compare them with a rebuild)."""
    text = db.scalar(select(CaseloadRow.records).where(CaseloadRow.person_id == person_id))
    if text is None:
        return None
    flags = db.execute(
        select(CaseloadFlagRow.flag_key, CaseloadFlagRow.code, CaseloadFlagRow.rank)
        .where(CaseloadFlagRow.person_id == person_id)
        .order_by(CaseloadFlagRow.flag_key)
    ).all()
    return text, [(k, c, r) for k, c, r in flags]


__all__ = ["decode", "encode", "keep", "missing", "on", "refresh", "stored", "watch"]
