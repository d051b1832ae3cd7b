"""The clinic generator of the load benchmark, on a tiny clinic: what it makes is what the app
serves (each patient signs in with their token and sees their own history, each clinician their
own patients), with the summaries as a full recomputation gives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from benchmarks.clinic import Clinic, generate
from supple.store import Store, summary
from supple.web import create_app
from tests.web.client import Client


def test_a_tiny_clinic_is_served_as_its_accounts(postgres_url: str, tmp_path: Path) -> None:
    made = generate(postgres_url, patients=5, days=21, per_clinician=2)
    made.save(tmp_path / "clinic.json")
    clinic = Clinic.load(tmp_path / "clinic.json")
    assert [len(c.patients) for c in clinic.clinicians] == [2, 2, 1]
    with Store.open(postgres_url) as database:
        assert database.counts()["session"] == 5 * 21
        for member in clinic.patients:  # the summaries are those a rebuild gives
            assert member.person is not None
            with Session(database._writer) as db, db.begin():
                kept = summary.stored(db, member.person)
                summary.rebuild(db, member.person)
                assert summary.stored(db, member.person) == kept
                db.rollback()
        client = Client(create_app(store=database))
        first, second = clinic.patients[:2]
        mine = {"Authorization": f"Bearer {first.token}"}
        progress = client.get("/api/v1/progress", headers=mine)
        assert progress.status_code == 200
        assert progress.json()["pain_baseline"] is not None
        assert client.get("/api/v1/plan/today", headers=mine).status_code == 200
        lead = clinic.clinicians[0]
        theirs = {"Authorization": f"Bearer {lead.token}"}
        listed = client.get("/api/v1/clinician/patients", headers=theirs).json()
        assert sorted(p["id"] for p in listed) == lead.patients
        path = f"/api/v1/clinician/patients/{first.account}/progress"
        assert client.get(path, headers=theirs).status_code == 200
        other = clinic.clinicians[1]
        path = f"/api/v1/clinician/patients/{second.account}/progress"
        assert (
            client.get(path, headers={"Authorization": f"Bearer {other.token}"}).status_code == 404
        )
        client.close()


def test_the_generator_is_bounded(postgres_url: str) -> None:
    with pytest.raises(ValueError, match="patients"):
        generate(postgres_url, patients=0)
    with pytest.raises(ValueError, match="days"):
        generate(postgres_url, patients=1, days=100_000)
