"""What each exporter is handed, made from the app's current programme and outcomes; and a
bundle read back, as the app's imported programme."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time

from supple.app.exports import CurrentProgramme, ImportedProgramme
from supple.export.calendar import CalendarInput
from supple.export.fhir.model import CarePlanInput, ImportedRecord, PatientInput, RecordInput
from supple.export.handout import HandoutInput
from supple.library.model import Exercise
from supple.store.fastread import local_zone
from supple.tracking.model import TrackingInput

#: The weekdays a routine of so many days a week falls on when the person chose none: spread
#: across the week, so there is a rest day between sessions wherever there can be.
SPREAD: dict[int, tuple[str, ...]] = {
    1: ("mon",),
    2: ("mon", "thu"),
    3: ("mon", "wed", "fri"),
    4: ("mon", "tue", "thu", "fri"),
    5: ("mon", "tue", "wed", "thu", "fri"),
    6: ("mon", "tue", "wed", "thu", "fri", "sat"),
    7: ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
}
#: When the calendar's routine starts if the person chose no time.
MORNING = time(8, 0)


def handout_input(
    programme: CurrentProgramme,
    library: Mapping[str, Exercise],
    *,
    app_link: str | None = None,
    person_name: str | None = None,
) -> HandoutInput:
    """The handout of the current programme."""
    return HandoutInput(
        plan=programme.plan,
        library=library,
        person_name=person_name,
        days_per_week=programme.days_per_week,
        app_link=app_link,
        made_on=programme.start,
    )


def calendar_input(
    programme: CurrentProgramme,
    *,
    person_key: str,
    days: tuple[str, ...] | None = None,
    at: time | None = None,
    app_link: str | None = None,
) -> CalendarInput:
    """The calendar of the current programme, on ``days`` (default: its days a week spread
    over the week) at ``at`` (default 08:00) in this machine's time zone."""
    return CalendarInput(
        plan=programme.plan,
        days=days or SPREAD[programme.days_per_week],
        at=at or MORNING,
        timezone=local_zone() or "UTC",
        start=programme.start,
        uid=f"routine-{person_key}@supple",
        app_link=app_link,
    )


def record_input(
    programme: CurrentProgramme,
    records: TrackingInput,
    library: Mapping[str, Exercise],
    *,
    person_key: str,
) -> RecordInput:
    """The health record of the person: the current programme and every outcome."""
    careplan = CarePlanInput(
        plan=programme.plan,
        library=library,
        start=programme.start,
        days_per_week=programme.days_per_week,
    )
    return RecordInput(
        patient=PatientInput(key=person_key),
        careplan=careplan,
        pain=records.pain,
        psfs=records.psfs,
        sessions=records.sessions,
    )


def imported_programme(record: ImportedRecord) -> ImportedProgramme:
    """A bundle read back, as the records the app keeps."""
    return ImportedProgramme(
        items=record.items,
        days_per_week=record.days_per_week,
        pain=record.pain,
        psfs=record.psfs,
        sessions=record.sessions,
    )


def person_key(person_id: int) -> str:
    """Supple's id for a person in what leaves the app (stable, names no one)."""
    return f"person-{person_id}"


__all__ = [
    "MORNING",
    "SPREAD",
    "calendar_input",
    "handout_input",
    "imported_programme",
    "person_key",
    "record_input",
]
