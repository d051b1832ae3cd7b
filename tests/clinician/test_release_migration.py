"""Migration 0005 on the database release 0.1.0 wrote: its person becomes a patient whose flags
a clinician marks seen, and the patient list reads their records (and the mark) back."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from supple.app import caseload
from supple.app.identity import Principal
from supple.store import Store
from supple.store.revision import HEAD
from tests.accounts.kit import NOW, _account
from tests.store.test_release_db import RELEASE_DB


def test_the_release_database_keeps_seen_flags(tmp_path: Path) -> None:
    copy = tmp_path / "supple.db"
    shutil.copyfile(RELEASE_DB, copy)
    with Store.open(f"sqlite:///{copy}") as database:
        doc = _account(database, "doc@a.example", "clinician", clinic="Clinic A")
        patient = _account(database, "old@example.org", "patient", records="unowned")
        database.care_team(doc).link(patient.id, at=NOW)
        principal = Principal("session", doc)
        today = NOW.astimezone().date()
        [row] = caseload.patient_list(db=database, principal=principal, today=today)
        assert row.last_session is not None and row.flags  # the release's records, read
        key = row.flags[0].key
        caseload.mark_seen(
            db=database, principal=principal, patient_id=patient.id, key=key, now=NOW
        )
    with Store.open(f"sqlite:///{copy}") as database:
        [row] = caseload.patient_list(db=database, principal=principal, today=today)
        assert key not in [f.key for f in row.flags] and row.seen == 1
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert db.execute("SELECT flag_key FROM flag_seen").fetchall() == [(key,)]
