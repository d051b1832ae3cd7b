"""The clinician's patient list for a clinic of 2,000 patients with two years of daily use, on
a private PostgreSQL server (tests/pgserver.py).

The patients are written straight into the tables with COPY: per patient two years of the
summaries the list reads (a ``tracking_day`` row for every day, a ``tracking_week`` row for
every week), a PSFS score of two activities every week, screening answers every four weeks,
and the last four weeks' sessions with their items (a move rated painful now and then) and a
spread report or two. Older sessions are not written: nothing the list asks for reaches them
(its session query is bounded by the index on ``(person_id, started_at)`` to four weeks, which
the EXPLAIN below shows). The app answers ``GET /api/v1/clinician/patients`` in process
through httpx's ASGI transport, one request at a time, ``ROUNDS`` times after a warm-up, as the
clinician (a personal access token); the figures are the median and the p95 of the server
time. Then every statement of one request is run again under ``EXPLAIN ANALYZE``.

``SUPPLE_BENCH_PATIENTS`` changes the number of patients (default 2,000).
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

ROUNDS = 20
DAYS = 730


def _copy(conn: Any, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write(buffer.getvalue())


def _fill(url: str, clinician_id: int, clinic_id: int, patients: int) -> None:
    import psycopg

    from supple.safety.profile import Profile
    from supple.store.fastread import zone_key

    rng = random.Random(14)
    today = datetime.now().astimezone().date()
    first = today - timedelta(days=DAYS - 1)
    answers = json.dumps(Profile(minutes=10).model_dump(mode="json")).replace("\\", "\\\\")
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        with conn.cursor() as cur:
            cur.execute("SELECT coalesce(max(id), 0) FROM person")
            base = int(cur.fetchone()[0]) + 1  # type: ignore[index]
        ids = range(base, base + patients)
        now = datetime.now(UTC).isoformat()
        _copy(
            conn,
            "person",
            "id, name, days_per_week, created_at",
            [(p, f"Patient {p:05d}", rng.choice((3, 5, 7)), now) for p in ids],
        )
        _copy(
            conn,
            "account",
            "id, email, role, clinic_id, person_id, created_at",
            [(100000 + p, f"p{p}@bench.example", "patient", clinic_id, p, now) for p in ids],
        )
        _copy(
            conn,
            "care_link",
            "clinician_id, patient_id, clinic_id, created_at",
            [(clinician_id, 100000 + p, clinic_id, now) for p in ids],
        )
        days, weeks, states, psfs, scores, profiles = [], [], [], [], [], []
        for p in ids:
            keen = rng.random()
            run, done_total = 0, 0
            week_rows: dict[Any, list[int]] = {}
            for n in range(DAYS):
                day = first + timedelta(days=n)
                finished = 1 if rng.random() < keen else 0
                pain = rng.randint(1, 8)
                run = run + 1 if finished else 0
                done_total += finished
                days.append((p, day, finished, pain, 1, run))
                monday = day - timedelta(days=day.weekday())
                w = week_rows.setdefault(monday, [0, 0, 0])
                w[0] += finished
                w[1] += pain
                w[2] += 1
            for monday, (done, pain_sum, count) in week_rows.items():
                weeks.append((p, monday, done, pain_sum, count, "0,0,0,0,0,0,0", 0, 0, 0, False))
            states.append((p, zone_key(), done_total))
            for a in range(2):
                psfs.append((p * 2 + a, p, f"activity {a}", now))
                for n in range(0, DAYS, 7):
                    at = datetime.combine(first + timedelta(days=n), datetime.min.time(), UTC)
                    scores.append((p * 2 + a, at.isoformat(), rng.randint(0, 10)))
            for n in range(0, DAYS, 28):
                at = datetime.combine(first + timedelta(days=n), datetime.min.time(), UTC)
                profiles.append((p, at.isoformat(), answers))
        _copy(conn, "tracking_state", "person_id, zone, sessions_done", states)
        _copy(conn, "tracking_day", "person_id, day, finished, pain_sum, pain_count, run", days)
        _copy(
            conn,
            "tracking_week",
            "person_id, start, done, pain_sum, pain_count, runs, "
            "hold_step, hold_pain_sum, hold_pain_count, hold_started",
            weeks,
        )
        _copy(conn, "psfs_activity", "id, person_id, name, created_at", psfs)
        _copy(conn, "psfs_score", "activity_id, at, score", scores)
        _copy(conn, "profile", "person_id, created_at, answers", profiles)
        sessions, items, spreads = [], [], []
        sid = 1
        for p in ids:
            for n in range(28):
                at = datetime.combine(today - timedelta(days=n), datetime.min.time(), UTC)
                sessions.append((sid, p, f"b{sid}", at.isoformat(), at.isoformat(), "finished"))
                for idx, move in enumerate(("cat_cow", "bridge", "bird_dog")):
                    feedback = "painful" if rng.random() < 0.02 else "fine"
                    items.append((sid, idx, move, 60, 60, "done", feedback, at.isoformat()))
                if rng.random() < 0.01:
                    spreads.append((p, at.isoformat(), "session", sid, "bridge"))
                sid += 1
        _copy(conn, "session", "id, person_id, key, started_at, ended_at, status", sessions)
        _copy(
            conn,
            "session_item",
            "session_id, idx, exercise, planned_seconds, held_seconds, status, feedback, at",
            items,
        )
        _copy(conn, "direction_finding", "person_id, at, source, session_id, exercise", spreads)
        with conn.cursor() as cur:
            for table in ("person", "account", "care_link", "psfs_activity", "session"):
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            cur.execute("ANALYZE")
        conn.commit()


def _measure(url: str, patients: int) -> None:
    from sqlalchemy import event

    from supple.app import accounts, credentials
    from supple.app.identity import Principal
    from supple.store import Store
    from supple.web import create_app
    from tests.accounts.kit import FAST, PASSWORD

    with Store.open(url) as database:
        now = datetime.now(UTC)
        doc = accounts.create_account(
            db=database,
            passwords=FAST,
            email="doc@bench.example",
            role="clinician",
            password=PASSWORD,
            by="bench",
            address="bench",
            now=now,
            clinic="Bench clinic",
        )
        assert doc.clinic_id is not None
        started = time.perf_counter()
        _fill(url, doc.id, doc.clinic_id, patients)
        took = time.perf_counter() - started
        print(f"  generated {patients} patients x {DAYS} days in {took:.0f} s")
        token = credentials.create_token(
            db=database, principal=Principal("session", doc), name="bench", address="b", now=now
        ).token
        loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=create_app(store=database))
        client = httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1")
        headers = {"Authorization": f"Bearer {token}"}

        def call(path: str) -> httpx.Response:
            answer = loop.run_until_complete(client.get(path, headers=headers))
            if answer.status_code != 200:
                raise RuntimeError(f"{path}: {answer.status_code} {answer.text[:200]}")
            return answer

        statements: list[tuple[str, Any]] = []

        def seen(_c: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
            statements.append((statement, params))

        for path in ("/api/v1/clinician/patients", "/api/v1/clinician/patients?q=00042"):
            call(path)
            times = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                body = call(path)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            p95 = times[max(0, round(0.95 * len(times)) - 1)]
            print(
                f"  GET {path:<42} {len(body.json()):5d} rows   "
                f"median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms"
            )
        event.listen(database._engine, "before_cursor_execute", seen)
        call("/api/v1/clinician/patients")
        event.remove(database._engine, "before_cursor_execute", seen)
        print(f"  statements in one request: {len(statements)}")
        with database._engine.connect() as conn:
            for statement, params in statements:
                if not statement.lstrip().upper().startswith("SELECT"):
                    continue
                plan = conn.exec_driver_sql("EXPLAIN ANALYZE " + statement, params).all()
                head = " ".join(statement.split())[:110]
                print(f"  -- {head}")
                shown: set[str] = set()
                for (line,) in plan:
                    text = line.strip()[:150]
                    kind = text.split("(")[
                        0
                    ]  # one line per kind of node: a thousand alike say no more
                    if kind in shown or not any(w in text for w in ("Scan", "Time", "SubPlan")):
                        continue
                    shown.add(kind)
                    print(f"     {text}")
        loop.run_until_complete(client.aclose())
        loop.close()


def main() -> None:
    from tests.pgserver import PgServer

    patients = int(os.environ.get("SUPPLE_BENCH_PATIENTS", "2000"))
    server = PgServer().start()
    try:
        server.create_database("clinic")
        _measure(server.url("clinic"), patients)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
