"""One page of a clinician's patient list in one query, from the summary rows.

The clinician's links scope it (``uq_care_link_pair`` leads with the clinician), each linked
patient joins their account, person and summary row by primary key, and the search, the flag
filter (a flag counts when this clinician has not marked it seen), the sort and the page are
SQL. The same statement counts the rows that match (a window count), every linked patient,
their unseen flags, and the rows that are not yet of today (which :func:`read_page`'s caller
refreshes, then asks again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from supple.app.caseload import NO_FLAG
from supple.app.caseload_records import PatientRecords
from supple.store.account_tables import AccountRow, CareLinkRow, FlagSeenRow
from supple.store.caseload_summary import decode, decode_red_flag, on
from supple.store.caseload_tables import CaseloadFlagRow, CaseloadRow
from supple.store.schema import Person
from supple.tracking.triage import RedFlagAnswer

#: Keys in one aggregated string (a flag key holds no line break).
_SEP = "\n"


@dataclass
class ReadPage:
    """What one query found (``stale``: linked patients whose row is missing or of another
    day; the rows are not to be trusted until they are refreshed)."""

    rows: list[tuple[PatientRecords, RedFlagAnswer | None]]
    total: int
    every: int
    unseen: int
    stale: list[int]


def _scope(clinician_id: int, clinic_id: int) -> list[ColumnElement[bool]]:
    return [
        CareLinkRow.clinician_id == clinician_id,
        CareLinkRow.clinic_id == clinic_id,
        CareLinkRow.ended_at.is_(None),
        AccountRow.deleted_at.is_(None),
    ]


def _unseen(clinician_id: int) -> ColumnElement[bool]:
    """The flag row is not marked seen by this clinician."""
    seen = exists().where(
        FlagSeenRow.clinician_id == clinician_id,
        FlagSeenRow.patient_id == CareLinkRow.patient_id,
        FlagSeenRow.flag_key == CaseloadFlagRow.flag_key,
    )
    return ~seen.correlate_except(FlagSeenRow)  # the link of the row, two levels up


def stale_people(db: Session, clinician_id: int, clinic_id: int, today: date) -> list[int]:
    """The linked patients whose row is missing or not of ``today``."""
    query = (
        select(Person.id)
        .select_from(CareLinkRow)
        .join(AccountRow, AccountRow.id == CareLinkRow.patient_id)
        .join(Person, Person.id == AccountRow.person_id)
        .join(CaseloadRow, CaseloadRow.person_id == Person.id, isouter=True)
        .where(*_scope(clinician_id, clinic_id))
        .where(or_(CaseloadRow.as_of.is_(None), CaseloadRow.as_of != today))
    )
    return list(db.scalars(query))


def read_page(
    db: Session,
    *,
    clinician_id: int,
    clinic_id: int,
    today: date,
    search: str = "",
    flagged: str | None = None,
    sort: str = "flags",
    limit: int | None = None,
    offset: int = 0,
    patient: int | None = None,
) -> ReadPage:
    """Rows ``offset`` to ``offset + limit`` of the list; ``search`` already case-folded."""
    scope = _scope(clinician_id, clinic_id)
    display = case((Person.name.in_(("", "me")), AccountRow.email), else_=Person.name)
    sort_name = func.lower(display)
    unseen = _unseen(clinician_id)
    flag_of_row = CaseloadFlagRow.person_id == CaseloadRow.person_id
    top = select(func.min(CaseloadFlagRow.rank)).where(flag_of_row, unseen).scalar_subquery()
    linked = (
        select(CareLinkRow.patient_id)
        .select_from(CareLinkRow)
        .join(AccountRow, AccountRow.id == CareLinkRow.patient_id)
        .where(*scope)
    )
    every = select(func.count()).select_from(linked.subquery()).scalar_subquery()
    stale = (
        select(func.count())
        .select_from(CareLinkRow)
        .join(AccountRow, AccountRow.id == CareLinkRow.patient_id)
        .join(CaseloadRow, CaseloadRow.person_id == AccountRow.person_id, isouter=True)
        .where(*scope)
        .where(or_(CaseloadRow.as_of.is_(None), CaseloadRow.as_of != today))
        .scalar_subquery()
    )
    all_unseen = (
        select(func.count())
        .select_from(CareLinkRow)
        .join(AccountRow, AccountRow.id == CareLinkRow.patient_id)
        .join(CaseloadFlagRow, CaseloadFlagRow.person_id == AccountRow.person_id)
        .where(*scope, unseen)
        .scalar_subquery()
    )
    query = (
        select(CareLinkRow.patient_id)
        .select_from(CareLinkRow)
        .join(AccountRow, AccountRow.id == CareLinkRow.patient_id)
        .join(Person, Person.id == AccountRow.person_id)
        .join(CaseloadRow, CaseloadRow.person_id == Person.id)
        .where(*scope)
    )
    if patient is not None:
        query = query.where(CareLinkRow.patient_id == patient)
    if search:
        query = query.where(
            or_(
                sort_name.contains(search, autoescape=True),
                func.lower(AccountRow.email).contains(search, autoescape=True),
            )
        )
    if flagged:
        which = [flag_of_row, unseen]
        if flagged != "any":
            which.append(CaseloadFlagRow.code == flagged)
        query = query.where(exists().where(and_(*which)))
    filtered = query.with_only_columns(CareLinkRow.patient_id)
    by_name: list[Any] = [sort_name, AccountRow.id]
    orders: dict[str, list[Any]] = {
        "name": [],
        "last_session": [
            case((CaseloadRow.last_session.is_(None), 0), else_=1),
            CaseloadRow.last_session,
        ],
        "adherence": [CaseloadRow.month_ratio],
        "pain": [CaseloadRow.pain_key.desc()],
    }
    order = orders.get(sort, [func.coalesce(top, literal(NO_FLAG))])
    # The page is picked on the thin columns; only its rows carry their records out.
    position = func.row_number().over(order_by=[*order, *by_name])
    query = query.add_columns(
        CareLinkRow.created_at.label("since"),
        func.count().over().label("total"),
        position.label("position"),
    )
    query = query.order_by(position).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    picked = query.subquery()
    seen = (
        select(func.aggregate_strings(FlagSeenRow.flag_key, _SEP))
        .where(FlagSeenRow.clinician_id == clinician_id)
        .where(FlagSeenRow.patient_id == picked.c.patient_id)
        .scalar_subquery()
    )
    page = (
        select(
            AccountRow.id,
            AccountRow.email,
            Person.id,
            Person.name,
            picked.c.since,
            CaseloadRow.records,
            CaseloadRow.red_flag,
            seen,
            picked.c.total,
            every,
            all_unseen,
            stale,
        )
        .select_from(picked)
        .join(AccountRow, AccountRow.id == picked.c.patient_id)
        .join(Person, Person.id == AccountRow.person_id)
        .join(CaseloadRow, CaseloadRow.person_id == Person.id)
        .order_by(picked.c.position)
    )
    rows = db.execute(page).all()
    if not rows:
        counts = db.execute(select(every, all_unseen, stale)).one()
        total = db.scalar(select(func.count()).select_from(filtered.subquery())) if offset else 0
        return ReadPage(
            [],
            total or 0,
            counts[0],
            counts[1],
            _stale(db, counts[2], clinician_id, clinic_id, today),
        )
    found: list[tuple[PatientRecords, RedFlagAnswer | None]] = []
    for account, email, person, name, since, text, red, keys, *_ in rows:
        base = PatientRecords(account, person, email, name, since)
        records = on(decode(text, base), today)
        records.seen = set(keys.split(_SEP)) if keys else set()
        found.append((records, decode_red_flag(red)))
    total, all_rows, flags_left, late = rows[0][8:12]
    return ReadPage(
        found, total, all_rows, flags_left, _stale(db, late, clinician_id, clinic_id, today)
    )


def _stale(db: Session, count: int, clinician_id: int, clinic_id: int, today: date) -> list[int]:
    return stale_people(db, clinician_id, clinic_id, today) if count else []


__all__ = ["ReadPage", "read_page", "stale_people"]
