"""A clinician's patient list: per patient the last session, adherence this week and over four
weeks, pain against baseline with its verdict, the activities scale's change and the triage
flags; searched by name, filtered and sorted (read from the summaries, so its cost does not
grow with the history)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from pydantic import ValidationError

from supple.app import care
from supple.app.access_ports import AccountsDatabase
from supple.app.care import clinician_only
from supple.app.caseload_records import PatientRecords
from supple.app.errors import Refused
from supple.app.identity import Principal
from supple.safety.profile_input import profile_from
from supple.safety.screen import assess
from supple.tracking import pain, psfs
from supple.tracking.adherence import week_start
from supple.tracking.digest import Digest
from supple.tracking.pain import PainChange
from supple.tracking.psfs import PsfsChange
from supple.tracking.triage import Flag, RedFlagAnswer, TriageInput, flags

SortKey = Literal["flags", "name", "last_session", "adherence", "pain"]
SORTS: tuple[SortKey, ...] = ("flags", "name", "last_session", "adherence", "pain")


class Unset:
    """No red-flag answer given: :func:`summarize` screens the answers itself."""


UNSET = Unset()


@dataclass(frozen=True)
class PatientSummary:
    """One row of the list (``flags`` most pressing first, those marked seen left out)."""

    account_id: int
    name: str
    email: str
    since: datetime
    last_session: date | None
    week_done: int
    week_planned: int
    month_done: int
    month_planned: int
    pain: PainChange
    psfs: PsfsChange | None
    flags: list[Flag]
    seen: int

    @property
    def month_ratio(self) -> float:
        return self.month_done / self.month_planned if self.month_planned else 0.0


def display_name(records: PatientRecords) -> str:
    """The patient's name, or their e-mail when they gave none."""
    return records.email if records.name in ("", "me") else records.name


def red_flag_of(records: PatientRecords, today: date) -> RedFlagAnswer | None:
    """The red-flag answer of the patient's latest screening on ``today`` (None: none)."""
    if records.answers is None or records.answered is None:
        return None
    try:
        found = assess(profile_from(records.answers), today=today).rules
    except (ValidationError, ValueError):
        return None  # answers kept by an older version that no longer read: nothing to flag
    if not found:
        return None
    return RedFlagAnswer(records.answered, found[0].id, found[0].urgency)


def _digest(r: PatientRecords, today: date) -> Digest:
    return Digest(
        today=today,
        days_per_week=r.days_per_week,
        days=r.days,
        weeks=r.weeks,
        sessions_done=r.sessions_done,
        first_pain=r.first_pain,
        baseline=r.baseline,
        feedback=tuple(r.feedback),
        psfs=tuple(r.psfs),
    )


def summarize(
    records: PatientRecords, today: date, answer: RedFlagAnswer | Unset | None = UNSET
) -> PatientSummary:
    """One patient's row, from their records (``answer``: their red-flag answer when it is
    known already, as the list's summary rows keep it)."""
    d = _digest(records, today)
    since = records.since.astimezone().date()
    if isinstance(answer, Unset):
        answer = red_flag_of(records, today)
    found = flags(TriageInput(d, since, records.last_session, tuple(records.spreads), answer))
    this_week = week_start(today)
    month = [d.weeks.get(this_week - timedelta(weeks=n)) for n in range(4)]
    first = today - timedelta(days=pain.WINDOW_DAYS - 1)
    now = [x for day, x in d.days.items() if first <= day <= today]
    scores = (sum(x.pain_sum for x in now), sum(x.pain_count for x in now))
    current = d.weeks.get(this_week)
    fresh = [f for f in found if f.key not in records.seen]
    return PatientSummary(
        account_id=records.account_id,
        name=display_name(records),
        email=records.email,
        since=records.since,
        last_session=records.last_session,
        week_done=current.done if current else 0,
        week_planned=records.days_per_week,
        month_done=sum(w.done for w in month if w),
        month_planned=4 * records.days_per_week,
        pain=pain.judge(d.first_pain, d.baseline, scores, today),
        psfs=psfs.change_of(d.psfs),
        flags=fresh,
        seen=len(found) - len(fresh),
    )


def rank_number(flag: Flag) -> int:
    """A flag's rank as one number (ten times the code's rank plus the tier's), to sort by."""
    code, tier = flag.rank
    return 10 * code + tier


#: The rank number of a patient with no unseen flag (after every flag).
NO_FLAG = 990


@dataclass(frozen=True)
class Page:
    """One page of the list: its rows, how many match, how many patients there are in all
    and their unseen flags, the page number (from 1) and its size."""

    rows: list[PatientSummary]
    total: int
    every: int
    unseen: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


#: Patients a page shows.
PER_PAGE = 50
MAX_PER_PAGE = 200


def patient_page(
    *,
    db: AccountsDatabase,
    principal: Principal,
    today: date,
    search: str = "",
    flagged: str | None = None,
    sort: SortKey = "flags",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Page:
    """One page of the clinician's patients, searched, filtered and sorted in the store (one
    query): as :func:`patient_list` says, ``per_page`` rows from row ``(page - 1) * per_page``."""
    account = clinician_only(principal)
    page, per_page = max(1, page), max(1, min(per_page, MAX_PER_PAGE))
    found = db.care_team(account).caseload_page(
        today,
        search=search.strip().casefold(),
        flagged=flagged,
        sort=sort,
        limit=per_page,
        offset=(page - 1) * per_page,
    )
    rows = [summarize(r, today, answer) for r, answer in found.rows]
    return Page(rows, found.total, found.every, found.unseen, page, per_page)


def _ordered(rows: list[PatientSummary], sort: SortKey) -> list[PatientSummary]:
    by_name = sorted(rows, key=lambda r: (r.name.casefold(), r.account_id))
    if sort == "name":
        return by_name
    if sort == "last_session":  # the longest without a session first
        return sorted(by_name, key=lambda r: r.last_session or date.min)
    if sort == "adherence":  # the lowest first
        return sorted(by_name, key=lambda r: r.month_ratio)
    if sort == "pain":  # the largest rise first
        return sorted(by_name, key=lambda r: -(r.pain.change if r.pain.change is not None else -99))
    return sorted(by_name, key=lambda r: r.flags[0].rank if r.flags else (99, 0))


def patient_list(
    *,
    db: AccountsDatabase,
    principal: Principal,
    today: date,
    search: str = "",
    flagged: str | None = None,
    sort: SortKey = "flags",
) -> list[PatientSummary]:
    """The clinician's patients: ``search`` in the name or e-mail, ``flagged`` a flag code
    ("any": with any unseen flag), sorted by ``sort`` (every page at once)."""
    account = clinician_only(principal)
    found = db.care_team(account).caseload_page(
        today, search=search.strip().casefold(), flagged=flagged, sort=sort, limit=None, offset=0
    )
    return [summarize(r, today, answer) for r, answer in found.rows]


def narrowed(
    rows: list[PatientSummary], *, search: str = "", flagged: str | None = None, sort: SortKey
) -> list[PatientSummary]:
    """``rows`` searched, filtered and sorted as :func:`patient_list` says."""
    wanted = search.strip().casefold()
    if wanted:
        rows = [r for r in rows if wanted in r.name.casefold() or wanted in r.email.casefold()]
    if flagged == "any":
        rows = [r for r in rows if r.flags]
    elif flagged:
        rows = [r for r in rows if any(f.code == flagged for f in r.flags)]
    return _ordered(rows, sort)


def mark_seen(
    *, db: AccountsDatabase, principal: Principal, patient_id: int, key: str, now: datetime
) -> None:
    """Keep that the clinician saw one flag of one of their patients (NotFound for others)."""
    link = care.patient(db=db, principal=principal, patient_id=patient_id)
    if not 1 <= len(key) <= 120:
        raise Refused("a flag key is 1 to 120 characters")
    account = clinician_only(principal)
    db.care_team(account).mark_seen(link.patient.id, key, at=now)


def unseen_count(rows: list[PatientSummary]) -> int:
    """Unseen flags over the whole list (the count on the clinician's home page)."""
    return sum(len(r.flags) for r in rows)


__all__ = [
    "MAX_PER_PAGE",
    "NO_FLAG",
    "PER_PAGE",
    "SORTS",
    "UNSET",
    "Page",
    "PatientSummary",
    "SortKey",
    "Unset",
    "display_name",
    "mark_seen",
    "narrowed",
    "patient_list",
    "patient_page",
    "rank_number",
    "red_flag_of",
    "summarize",
    "unseen_count",
]
