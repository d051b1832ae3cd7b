"""The JSON and CSV forms give back exactly the records written (awkward text included)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.store.backup.formats import parse, parse_csv, parse_json, to_csv, to_json
from supple.store.backup.schema import ExportFile, NoteRec, PainRec, PersonRec, PsfsActivityRec

T0 = datetime(2026, 1, 5, 9, 30, 15, 123456, tzinfo=UTC)
awkward = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from([",", '"', "\n"]),
    min_size=2,
    max_size=40,
).filter(lambda t: t.strip() == t and len(t) >= 2)


@settings(max_examples=40, deadline=None)
@given(awkward, st.lists(st.integers(0, 10), max_size=6), awkward)
def test_both_forms_round_trip(name: str, scores: list[int], note: str) -> None:
    data = ExportFile(
        exported_at=T0,
        person=PersonRec(name="me", days_per_week=5, created_at=T0),
        pain=[
            PainRec(
                id=i + 1,
                session_id=None,
                at=T0 + timedelta(hours=i),
                score=s,
                moment="daily",
                note=note if i % 2 else None,
            )
            for i, s in enumerate(scores)
        ],
        psfs_activities=[PsfsActivityRec(id=1, name=name[:80], created_at=T0)],
        notes=[NoteRec(id=1, session_id=None, at=T0, text=note)],
    )
    assert parse_json(to_json(data)) == data
    assert parse_csv(to_csv(data)) == data
    assert parse(to_csv(data)) == data and parse(to_json(data)) == data
