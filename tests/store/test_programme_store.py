"""The programme's records on both backends: written, read back for tracking (the light read
and the store's agree), exported and imported, and the migration matches the tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from supple.session.events import ItemEvent, SpreadEvent
from supple.store import PersonStore, Store, StoreError
from supple.store.backup.formats import parse
from supple.store.fastread import tracking_input
from tests.people import key, routine
from tests.records import person_records

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ANSWERS = {
    "position": "lying",
    "rounds": [
        {
            "direction": "extension",
            "before": "thigh",
            "reps": 10,
            "after": {"where": "back", "change": "less"},
        }
    ],
}


def fill(store: PersonStore) -> int:
    store.start_walking(600, at=T0)
    store.log_walk(720, at=T0 + timedelta(hours=2))
    store.log_walk(300, at=T0 + timedelta(days=1))
    assert store.mark_read("sleep", at=T0) is True
    assert store.mark_read("sleep", at=T0 + timedelta(days=1)) is False  # the first read stays
    store.save_direction_test(ANSWERS, at=T0)
    store.save_questionnaire({"pain": 6}, instrument="supple-10", score=47, tier="medium", at=T0)
    plan = store.save_plan(routine("sphinx"), at=T0)
    sid = store.begin_session(plan, key=key(), at=T0 + timedelta(days=1))
    store.record(
        sid,
        ItemEvent(
            key=key(),
            at=T0 + timedelta(days=1),
            index=0,
            exercise="sphinx",
            planned_seconds=60,
            held_seconds=60,
            status="done",
        ),
    )
    store.record(sid, SpreadEvent(key=key(), at=T0 + timedelta(days=1), index=0, exercise="sphinx"))
    return sid


def test_the_records_reach_tracking(database_url: str) -> None:
    today = T0.date() + timedelta(days=3)
    with person_records(database_url) as store:
        fill(store)
        records = store.tracking_input(today)
    assert records.walk_start is not None and records.walk_start.comfortable_s == 600
    assert sorted(w.seconds for w in records.walks) == [300, 720]
    assert [r.lesson for r in records.lessons_read] == ["sleep"]
    assert records.direction_tests[0].answers == ANSWERS
    assert [s.exercise for s in records.spreads] == ["sphinx"]
    assert records.screens[0].answers == {"pain": 6}
    assert [d.exercise for d in records.done] == ["sphinx"]
    assert tracking_input(database_url, today=today) == records


def test_bad_values_are_refused(store: PersonStore) -> None:
    cases: tuple[tuple[Callable[[], object], str], ...] = (
        (lambda: store.log_walk(0), "a walk is"),
        (lambda: store.log_walk(6 * 3600), "a walk is"),
        (lambda: store.start_walking(30), "1 to 60 minutes"),
        (lambda: store.mark_read(""), "lesson id"),
        (
            lambda: store.save_questionnaire({}, instrument="x", score=101, tier="low"),
            "0 to 100",
        ),
    )
    for call, message in cases:
        with pytest.raises(StoreError, match=message):
            call()
    assert store.tracking_input().walks == ()


def test_export_and_import_carry_them(database_url: str, tmp_path: Path) -> None:
    with person_records(database_url) as store:
        fill(store)
        text_json = store.export_text("json")
        text_csv = store.export_text("csv")
    data = parse(text_json)
    assert len(data.walks) == 2 and len(data.walk_plans) == 1 and len(data.questionnaires) == 1
    assert {f.source for f in data.direction_findings} == {"test", "session"}
    assert parse(text_csv).model_copy(update={"exported_at": data.exported_at}) == data
    with Store.open(f"sqlite:///{tmp_path / 'target.db'}") as target:
        counts = target.for_person(target.person()).import_text(text_csv)
        assert counts["walks"] == 2 and counts["lessons_read"] == 1
        again = target.for_person(target.person()).export_all()
        assert again.direction_findings == data.direction_findings


def test_the_migration_makes_the_tables_the_models_describe(database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from supple.store.schema import Base

    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()
