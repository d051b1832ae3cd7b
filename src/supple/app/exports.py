"""The programme as it leaves the app (handout, calendar, health record) and as it comes back.

The exporters in ``supple.export`` take these plain records; this module only decides what the
current programme is and gathers the person's outcomes, so every adapter exports the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from supple.app import plans
from supple.app.errors import Conflict
from supple.app.plans import PlanRequest
from supple.app.ports import Records
from supple.app.records import ImportedProgramme
from supple.library.model import Exercise
from supple.planner.model import Plan
from supple.safety.profile import Profile
from supple.tracking.model import TrackingInput

#: The plan kind of a programme brought in from elsewhere (a health record): while the person
#: has one, it is their current programme instead of the routine made from their answers.
ASSIGNED = "assigned"


@dataclass(frozen=True)
class CurrentProgramme:
    """The routine the person follows, how many days a week, and where it came from."""

    plan: Plan
    days_per_week: int
    start: date
    assigned: bool


def current_programme(
    *,
    store: Records,
    library: Mapping[str, Exercise],
    today: date,
    profile: Profile | None = None,
    minutes: int | None = None,
    swaps: Mapping[str, str] | None = None,
    make: Callable[[PlanRequest], Plan] | None = None,
) -> CurrentProgramme:
    """The person's current programme, as `supple plan` makes it: from ``profile`` (a file's
    answers) if given, else an assigned programme they hold, else their saved answers (NoProfile
    before the first screening); a routine made here is refitted to ``minutes`` and has
    ``swaps`` done, as Today shows it. A referral has no routine to export (Conflict).

    ``make`` makes the plan of a request (default :func:`supple.app.plans.make`): an adapter
    that keeps plans in memory passes its own, so the planner's search is not run again."""
    # The summaries hold the days a week: reading every record for it would grow with the
    # history (a clinician's page of a patient of two years reads this on every view).
    days_per_week = store.tracking_digest(today).days_per_week
    assigned = store.latest_plan(ASSIGNED) if profile is None else None
    if assigned is not None:
        plan = assigned
    else:
        req = plans.request(
            store=store,
            library=library,
            today=today,
            profile=profile,
            minutes=minutes,
            swaps=swaps,
        )
        plan = plans.make(req, library) if make is None else make(req)
    if not plan.items:
        raise Conflict("these answers lead to a referral, not a routine: get checked first")
    return CurrentProgramme(plan, days_per_week, today, assigned is not None)


def outcomes(*, store: Records, today: date) -> TrackingInput:
    """Every session, pain score and PSFS score the person recorded, oldest first."""
    return store.tracking_input(today)


def import_programme(*, store: Records, imported: ImportedProgramme) -> dict[str, int]:
    """Keep an imported programme (as the person's assigned one) and its outcomes in an empty
    database, all or nothing; return what was added."""
    if not imported.items:
        raise Conflict("the file holds no programme to import")
    return store.import_programme(imported, kind=ASSIGNED)


__all__ = [
    "ASSIGNED",
    "CurrentProgramme",
    "ImportedProgramme",
    "current_programme",
    "import_programme",
    "outcomes",
]
