"""Outcomes for audits: per patient, start against latest on the pain scale (NPRS), the
activities scale (PSFS) and the support questionnaire's group, and adherence; for one patient
or every patient of a clinician (as rows for a CSV file: plain values, no sentences)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from supple.app.access_ports import AccountsDatabase
from supple.app.care import clinician_only
from supple.app.caseload import PatientSummary, summarize
from supple.app.identity import Principal
from supple.tracking.model import TrackingInput
from supple.tracking.stratify import Screen, stratify

#: The CSV's columns, in order.
COLUMNS = (
    "patient_id",
    "name",
    "email",
    "linked_since",
    "last_session",
    "adherence_4_weeks_done",
    "adherence_4_weeks_planned",
    "adherence_4_weeks_percent",
    "nprs_start",
    "nprs_latest",
    "nprs_verdict",
    "psfs_start",
    "psfs_latest",
    "psfs_meaningful",
    "stratification_start_day",
    "stratification_start_score",
    "stratification_start_group",
    "stratification_latest_day",
    "stratification_latest_score",
    "stratification_latest_group",
)
Cell = str | int | float | None


@dataclass(frozen=True)
class Outcome:
    """One patient's start and latest: their list row and their first and latest screens."""

    row: PatientSummary
    first: Screen | None
    latest: Screen | None

    def cells(self) -> list[Cell]:
        r, p, s = self.row, self.row.pain, self.row.psfs
        percent = round(100 * r.month_ratio) if r.month_planned else None
        return [
            r.account_id,
            r.name,
            r.email,
            r.since.date().isoformat(),
            None if r.last_session is None else r.last_session.isoformat(),
            r.month_done,
            r.month_planned,
            percent,
            _one(p.baseline),
            _one(p.now),
            p.verdict,
            None if s is None else _one(s.first),
            None if s is None else _one(s.latest),
            None if s is None else ("yes" if s.meaningful else "no"),
            *_screen(self.first),
            *_screen(self.latest),
        ]


def _one(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _screen(screen: Screen | None) -> list[Cell]:
    if screen is None:
        return [None, None, None]
    return [screen.day.isoformat(), screen.total, screen.tier]


def outcomes(
    *, db: AccountsDatabase, principal: Principal, today: date, patient_id: int | None = None
) -> list[Outcome]:
    """Every patient of the clinician (or only ``patient_id``, an account id), by name."""
    team = db.care_team(clinician_only(principal))
    found = team.caseload_page(
        today, search="", flagged=None, sort="name", limit=None, offset=0, patient=patient_id
    )
    screens = team.screens()
    made = []
    for records, answer in found.rows:
        history = stratify(
            TrackingInput(today=today, screens=tuple(screens.get(records.account_id, ())))
        ).history
        row = summarize(records, today, answer)
        made.append(Outcome(row, history[0] if history else None, history[-1] if history else None))
    return made


def table(found: Iterable[Outcome]) -> list[list[Cell]]:
    """The CSV's rows: the column names, then one row per patient."""
    return [list(COLUMNS), *(o.cells() for o in found)]


__all__ = ["COLUMNS", "Outcome", "outcomes", "table"]
