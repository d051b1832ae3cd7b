"""The clinician's patient list from the summary rows, on a clinic made by
``benchmarks.clinic.generate`` (2,000 patients with two years of daily use), already running
on a PostgreSQL server of yours: ``SUPPLE_BENCH_URL`` names its database.

A clinician linked to every patient of the clinic (made once, in one transaction, which writes
nothing but the links and the summary rows they call for) asks for each page kind: each sort,
a search by name, a flag filter; ``ROUNDS`` times after a warm-up, in process through httpx's
ASGI transport with a personal access token. Printed: the median and the p95 of the server
time, the statements per request, and ``EXPLAIN (ANALYZE, BUFFERS)`` of the list's query.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from datetime import UTC, datetime
from typing import Any

import httpx

ROUNDS = 30
PATHS = (
    "/api/v1/clinician/patients",
    "/api/v1/clinician/patients?sort=name",
    "/api/v1/clinician/patients?sort=last_session",
    "/api/v1/clinician/patients?sort=adherence",
    "/api/v1/clinician/patients?sort=pain",
    "/api/v1/clinician/patients?q=patient%20142",
    "/api/v1/clinician/patients?flag=any",
    "/api/v1/clinician/patients?flag=low_adherence&page=3",
    "/api/v1/clinician/patients?sort=name&page=40",
    "/clinician",
)


def _clinician(database: Any, now: datetime) -> tuple[Any, str]:
    from sqlalchemy import select

    from supple.app import accounts, credentials
    from supple.app.identity import Principal
    from supple.store.account_tables import AccountRow, CareLinkRow, Clinic
    from tests.accounts.kit import FAST, PASSWORD

    email = "everyone@bench.example"
    with database._write() as db:
        found = db.scalar(select(AccountRow.id).where(AccountRow.email == email))
    if found is None:
        with database._write() as db:
            clinic = db.scalar(select(AccountRow.clinic_id).where(AccountRow.role == "clinician"))
            name = db.scalar(select(Clinic.name).where(Clinic.id == clinic))
        doc = accounts.create_account(
            db=database,
            passwords=FAST,
            email=email,
            role="clinician",
            password=PASSWORD,
            by="bench",
            address="bench",
            now=now,
            clinic=name,
        )
        started = time.perf_counter()
        with database._write() as db:
            patients = db.scalars(select(AccountRow.id).where(AccountRow.role == "patient"))
            for patient in list(patients):
                link = CareLinkRow(
                    clinician_id=doc.id, patient_id=patient, clinic_id=clinic, created_at=now
                )
                db.add(link)
        print(f"  linked every patient in {time.perf_counter() - started:.0f} s")
    from supple.store.directory import Directory

    stored = Directory(database._engine, database.url, None).by_email(email)
    assert stored is not None
    doc = stored.account
    token = credentials.create_token(
        db=database, principal=Principal("session", doc), name="bench", address="b", now=now
    ).token
    return doc, token


def main() -> None:
    from sqlalchemy import event

    from supple.store import Store
    from supple.web import create_app

    url = os.environ.get("SUPPLE_BENCH_URL")
    if not url:
        print("skipped: set SUPPLE_BENCH_URL to a clinic made by benchmarks.clinic.generate")
        return
    started = time.perf_counter()
    database = Store.open(url)
    print(f"  opened (migrated, rows filled) in {time.perf_counter() - started:.0f} s")
    now = datetime.now(UTC)
    _, token = _clinician(database, now)
    loop = asyncio.new_event_loop()
    client = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(store=database)), base_url="http://127.0.0.1"
    )
    headers = {"Authorization": f"Bearer {token}"}

    def call(path: str) -> httpx.Response:
        answer = loop.run_until_complete(client.get(path, headers=headers))
        if answer.status_code != 200:
            raise RuntimeError(f"{path}: {answer.status_code} {answer.text[:200]}")
        return answer

    started = time.perf_counter()
    call(PATHS[0])
    print(
        f"  first request of the day (rows brought to today): {time.perf_counter() - started:.1f} s"
    )
    statements: list[tuple[str, Any]] = []

    def seen(_c: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        statements.append((statement, params))

    for path in PATHS:
        call(path)
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            body = call(path)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        statements.clear()
        event.listen(database._engine, "before_cursor_execute", seen)
        call(path)
        event.remove(database._engine, "before_cursor_execute", seen)
        total = body.headers.get("X-Total-Count", "-")
        print(
            f"  GET {path:<52} total {total:>5}  median {statistics.median(times):6.1f} ms"
            f"  p95 {p95:6.1f} ms  statements {len(statements)}"
        )
    statements.clear()
    event.listen(database._engine, "before_cursor_execute", seen)
    call(PATHS[0])
    call(PATHS[6])
    event.remove(database._engine, "before_cursor_execute", seen)
    with database._engine.connect() as conn:
        for statement, params in statements:
            if "caseload_summary.records" not in statement:
                continue
            plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params).all()
            print("  --", " ".join(statement.split())[-160:])
            for (line,) in plan:
                print("    ", line)
    loop.run_until_complete(client.aclose())
    loop.close()
    database.close()


if __name__ == "__main__":
    main()
