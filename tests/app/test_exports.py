"""The current programme as it leaves the app, and an imported one kept in an empty store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from supple.app import plans
from supple.app.errors import Conflict, NoProfile
from supple.app.exports import (
    ASSIGNED,
    ImportedProgramme,
    current_programme,
    import_programme,
    outcomes,
)
from supple.library import load_library
from supple.planner import make_plan
from supple.presentation import render_plan
from supple.safety.profile import Profile
from supple.store import PersonStore, StoreError
from supple.tracking.model import PainRecord, PsfsRecord, SessionRecord

LIB = load_library()
TODAY = date(2026, 3, 10)
AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


def test_no_answers_yet_is_no_profile(store: PersonStore) -> None:
    with pytest.raises(NoProfile):
        current_programme(store=store, library=LIB, today=TODAY)


def test_the_saved_answers_give_the_routine_supple_plan_gives(store: PersonStore) -> None:
    store.save_profile(Profile(minutes=10), at=AT)
    store.set_days_per_week(3)
    programme = current_programme(store=store, library=LIB, today=TODAY)
    expected = plans.todays_plan(store=store, library=LIB, today=TODAY).plan
    assert programme.plan == expected and programme.plan.items
    assert (programme.days_per_week, programme.start, programme.assigned) == (3, TODAY, False)


def test_a_profile_given_wins_over_the_saved_answers(store: PersonStore) -> None:
    store.save_profile(Profile(minutes=10), at=AT)
    longer = current_programme(store=store, library=LIB, today=TODAY, profile=Profile(minutes=25))
    shorter = current_programme(store=store, library=LIB, today=TODAY)
    assert longer.plan.total_seconds > shorter.plan.total_seconds


def test_a_referral_has_no_programme_to_export(store: PersonStore) -> None:
    store.save_profile(Profile(red_flags=["saddle_numbness"]), at=AT)
    with pytest.raises(Conflict, match="get checked"):
        current_programme(store=store, library=LIB, today=TODAY)


def _imported() -> ImportedProgramme:
    plan = render_plan(make_plan(Profile(minutes=10), LIB, day=TODAY))
    return ImportedProgramme(
        items=tuple(plan.items[:3]),
        days_per_week=4,
        pain=(PainRecord(date(2026, 3, 2), 6, "before"), PainRecord(date(2026, 3, 3), 4)),
        psfs=(
            PsfsRecord(date(2026, 3, 2), "gardening", 3),
            PsfsRecord(date(2026, 3, 2), "lifting a child", 2),
            PsfsRecord(date(2026, 3, 9), "gardening", 5),
        ),
        sessions=(
            SessionRecord(date(2026, 3, 2), "finished"),
            SessionRecord(date(2026, 3, 4), "stopped"),
        ),
    )


def test_an_import_round_trips_the_programme_and_scores(store: PersonStore) -> None:
    imported = _imported()
    counts = import_programme(store=store, imported=imported)
    assert (counts["plans"], counts["sessions"], counts["pain"], counts["psfs_scores"]) == (
        1,
        2,
        2,
        3,
    )
    programme = current_programme(store=store, library=LIB, today=TODAY)
    records = outcomes(store=store, today=TODAY)
    assert programme.assigned and tuple(programme.plan.items) == imported.items
    assert programme.days_per_week == 4
    assert records.pain == imported.pain
    assert records.psfs == imported.psfs
    assert records.sessions == imported.sessions
    assert store.latest_plan(ASSIGNED) == programme.plan


def test_the_assigned_programme_is_current_even_with_answers(store: PersonStore) -> None:
    imported = _imported()
    import_programme(store=store, imported=imported)
    store.save_profile(Profile(minutes=25))
    programme = current_programme(store=store, library=LIB, today=TODAY)
    assert programme.assigned and tuple(programme.plan.items) == imported.items
    from_file = current_programme(store=store, library=LIB, today=TODAY, profile=Profile())
    assert not from_file.assigned


def test_an_import_into_a_store_with_records_is_refused_and_writes_nothing(
    store: PersonStore,
) -> None:
    store.log_pain(3, at=AT)
    before = store.counts()
    with pytest.raises(StoreError, match="already holds records"):
        import_programme(store=store, imported=_imported())
    assert store.counts() == before


def test_an_import_without_moves_is_refused(store: PersonStore) -> None:
    with pytest.raises(Conflict, match="no programme"):
        import_programme(store=store, imported=ImportedProgramme(items=()))
