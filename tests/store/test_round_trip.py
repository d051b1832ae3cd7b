"""Export then import gives back every record, in both forms, from real databases holding
long and odd text (Hypothesis over generated stores), and summaries that read the same."""

from __future__ import annotations

import json
import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.planner.model import Plan
from supple.session.events import EndEvent, FeedbackEvent, ItemEvent, PainEvent
from supple.store import PersonStore, StoreError
from tests.people import routine
from tests.records import person_records

T0 = datetime(2026, 2, 2, 8, 15, 30, 250000, tzinfo=UTC)
#: Text as people type it: quotes, commas, line breaks, emoji, right-to-left scripts, long.
ODD = ['"quoted", with commas', "two\nlines\r\nand a tab\t", "😀 👍🏽 ❤️", "ألم في الظهر", "כאב"]
text = st.one_of(
    st.sampled_from(ODD),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from('\n\t,"'),
        min_size=1,
        max_size=60,
    ),
    st.builds(lambda s, n: (s * n)[:2000], st.sampled_from(ODD), st.integers(100, 700)),
).filter(lambda t: t.strip() != "")
name = text.map(lambda t: " ".join(t.split())[:80]).filter(lambda t: len(t) >= 2)


def key() -> str:
    return uuid.uuid4().hex


def fill(store: PersonStore, notes: list[str], names: list[str], scores: list[int]) -> None:
    """A profile, a long plan, a session with every kind of event, pain, PSFS and notes."""
    from supple.safety.profile import Profile

    store.save_profile(Profile(minutes=12), at=T0)
    plan = routine()
    long = plan.model_copy(
        update={"items": [plan.items[0].model_copy(update={"why": "because " * 20_000})]}
    )
    plan_id = store.save_plan(Plan.model_validate(long.model_dump()), at=T0)
    sid = store.begin_session(plan_id, key=key(), at=T0)
    store.record(sid, PainEvent(key=key(), at=T0, when="before", score=scores[0]))
    item = {"index": 0, "exercise": "cat_cow"}
    store.record(
        sid,
        ItemEvent(key=key(), at=T0, planned_seconds=60, held_seconds=41, status="done", **item),
    )
    store.record(sid, FeedbackEvent(key=key(), at=T0, feedback="too_easy", **item))
    store.record(sid, EndEvent(key=key(), at=T0 + timedelta(minutes=3), status="finished"))
    for n, note in enumerate(notes):
        at = T0 + timedelta(days=n, microseconds=n)
        store.log_pain(scores[n % len(scores)], note=note, at=at)
        store.add_note(note, session_id=sid if n % 2 else None, at=at)
    for n, activity in enumerate(dict.fromkeys(names)):
        store.save_psfs({activity: scores[n % len(scores)]}, at=T0 + timedelta(weeks=n))


def records(store: PersonStore) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(store.export_all().model_dump_json())
    data.pop("exported_at")
    return data


def round_trip(source: PersonStore, fmt: str, target_url: str) -> None:
    exported = source.export_text("json" if fmt == "json" else "csv")
    with person_records(target_url) as target:
        target.import_text(exported)
        assert records(target) == records(source)
        today = (T0 + timedelta(days=9)).date()
        assert target.tracking_digest(today) == source.tracking_digest(today)


@pytest.mark.slow
def test_every_export_imports_back_unchanged(sqlite_url: str, tmp_path: Path) -> None:
    template = Path(sqlite_url.removeprefix("sqlite:///"))
    count = iter(range(10_000))

    def fresh() -> str:
        path = tmp_path / f"db-{next(count)}.db"
        shutil.copyfile(template, path)
        return f"sqlite:///{path}"

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(text, min_size=1, max_size=6),
        st.lists(name, min_size=1, max_size=5),
        st.lists(st.integers(0, 10), min_size=1, max_size=5),
    )
    def run(notes: list[str], names: list[str], scores: list[int]) -> None:
        with person_records(fresh()) as source:
            fill(source, notes, names, scores)
            for fmt in ("json", "csv"):
                round_trip(source, fmt, fresh())

    run()


def test_both_forms_round_trip_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    with person_records(postgres_url) as source:
        fill(source, [*ODD, "x" * 2000], ["putting on socks", "ألم"], [3, 7])
        for fmt in ("json", "csv"):
            path = tmp_path / f"{fmt}.db"
            round_trip(source, fmt, str(path))


def test_a_nul_is_refused_not_half_kept(database_url: str) -> None:
    with person_records(database_url) as store:
        with pytest.raises(StoreError, match="control character"):
            store.log_pain(3, note="before\x00after")
        with pytest.raises(StoreError, match="control character"):
            store.add_note("a\x00b")
        with pytest.raises(StoreError, match="control character"):
            store.save_psfs({"socks\x00": 3})
        assert store.database.counts()["pain"] == 0
