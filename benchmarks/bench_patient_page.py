"""A clinician's page of one patient with two years of daily sessions, on a private PostgreSQL
server (tests/pgserver.py).

One patient is written straight into the tables with COPY: a session every day for 730 days
(five moves each, now and then one skipped or rated painful, pain before and after), a daily
pain score on one day in three, two PSFS activities scored every week, a note every week and
screening answers every four weeks; then the store rebuilds their summaries from those records
as it would after an import. The app answers ``GET /clinician/patients/{id}`` (the HTML page)
and ``GET /api/v1/clinician/patients/{id}`` (its JSON) in process through httpx's ASGI
transport, one request at a time, ``ROUNDS`` times after a warm-up, as the clinician (a
signed-in session); the figures are the median and the p95 of the server time, for the first
page of sessions and for the last one. Then the statements of one request are counted and
each is run again under ``EXPLAIN ANALYZE``.
"""

from __future__ import annotations

import asyncio
import io
import json
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

ROUNDS = 30
DAYS = 730
MOVES = ("cat_cow", "bridge", "bird_dog", "pelvic_tilt", "knee_to_chest_single")


def _copy(conn: Any, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write(buffer.getvalue())


def _fill(url: str, person: int) -> None:
    """Two years of one person's records, written with COPY."""
    import psycopg

    from supple.safety.profile import Profile

    rng = random.Random(14)
    today = datetime.now().astimezone().date()
    first = today - timedelta(days=DAYS - 1)
    answers = Profile(minutes=15, conditions=["osteoporosis"]).model_dump(mode="json")
    text = json.dumps(answers).replace("\\", "\\\\")
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    sessions: list[tuple[Any, ...]] = []
    items: list[tuple[Any, ...]] = []
    pain: list[tuple[Any, ...]] = []
    notes: list[tuple[Any, ...]] = []
    profiles: list[tuple[Any, ...]] = []
    scores: list[tuple[Any, ...]] = []
    with psycopg.connect(dsn) as conn:
        with conn.cursor() as cur:
            cur.execute("SELECT coalesce(max(id), 0) FROM session")
            sid = int(cur.fetchone()[0]) + 1  # type: ignore[index]
            activities = []
            for name in ("stairs", "gardening"):
                cur.execute(
                    "INSERT INTO psfs_activity (person_id, name, created_at) "
                    "VALUES (%s, %s, now()) RETURNING id",
                    (person, name),
                )
                activities.append(int(cur.fetchone()[0]))  # type: ignore[index]
        for n in range(DAYS):
            day = first + timedelta(days=n)
            at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=8)
            end = at + timedelta(minutes=14)
            sessions.append(
                (sid, person, f"bench-{sid}", at.isoformat(), end.isoformat(), "finished")
            )
            for idx, move in enumerate(MOVES):
                skipped = rng.random() < 0.05
                feedback = "painful" if rng.random() < 0.02 else rng.choice(("fine", None, None))
                held = 0 if skipped else rng.randint(40, 60)
                status = "skipped" if skipped else "done"
                when = (at + timedelta(minutes=2 * idx)).isoformat()
                items.append((sid, idx, move, 60, held, status, feedback, when))
            pain.append((person, sid, at.isoformat(), rng.randint(2, 7), "before"))
            pain.append((person, sid, end.isoformat(), rng.randint(1, 6), "after"))
            if n % 3 == 0:
                daily = (at + timedelta(hours=10)).isoformat()
                pain.append((person, None, daily, rng.randint(1, 7), "daily"))
            if n % 7 == 0:
                notes.append((person, sid, end.isoformat(), f"week {n // 7}: the bridge felt ok"))
                for activity in activities:
                    scores.append((activity, at.isoformat(), min(10, 2 + n // 90)))
            if n % 28 == 0:
                profiles.append((person, at.isoformat(), text))
            sid += 1
        _copy(conn, "session", "id, person_id, key, started_at, ended_at, status", sessions)
        _copy(
            conn,
            "session_item",
            "session_id, idx, exercise, planned_seconds, held_seconds, status, feedback, at",
            items,
        )
        _copy(conn, "pain", "person_id, session_id, at, score, moment", pain)
        _copy(conn, "note", "person_id, session_id, at, text", notes)
        _copy(conn, "profile", "person_id, created_at, answers", profiles)
        _copy(conn, "psfs_score", "activity_id, at, score", scores)
        with conn.cursor() as cur:
            for table in ("session", "pain", "note", "profile", "psfs_score"):
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            cur.execute("ANALYZE")
        conn.commit()


def _explain(database: Any, statements: list[tuple[str, Any]]) -> None:
    with database._engine.connect() as conn:
        for statement, params in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            plan = conn.exec_driver_sql("EXPLAIN ANALYZE " + statement, params).all()
            print(f"  -- {' '.join(statement.split())[:110]}")
            shown: set[str] = set()
            for (line,) in plan:
                text = line.strip()[:150]
                kind = text.split("(")[0]
                if kind in shown or not any(w in text for w in ("Scan", "Time")):
                    continue
                shown.add(kind)
                print(f"     {text}")


def _measure(url: str) -> None:
    from sqlalchemy import event

    from supple.app import accounts, signin
    from supple.store import Store, summary
    from supple.web import create_app
    from supple.web.access import SESSION_COOKIE
    from tests.accounts.kit import FAST, PASSWORD

    with Store.open(url) as database:
        now = datetime.now(UTC)
        made = {
            role: accounts.create_account(
                db=database,
                passwords=FAST,
                email=f"{role}@bench.example",
                role=role,
                password=PASSWORD,
                by="bench",
                address="bench",
                now=now,
                clinic="Bench clinic" if role == "clinician" else None,
            )
            for role in ("clinician", "patient")
        }
        doc, patient = made["clinician"], made["patient"]
        assert patient.person_id is not None
        database.care_team(doc).link(patient.id, at=now - timedelta(days=DAYS))
        started = time.perf_counter()
        _fill(url, patient.person_id)
        with database._write() as db:
            summary.rebuild(db, patient.person_id)
        print(f"  generated one patient x {DAYS} days in {time.perf_counter() - started:.1f} s")
        token = signin.start_session(database, doc, address="bench", now=now).token
        loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=create_app(store=database))
        client = httpx.AsyncClient(
            transport=transport, base_url="http://127.0.0.1", cookies={SESSION_COOKIE: token}
        )

        def call(path: str) -> httpx.Response:
            answer = loop.run_until_complete(client.get(path))
            if answer.status_code != 200:
                raise RuntimeError(f"{path}: {answer.status_code} {answer.text[:200]}")
            return answer

        last = -(-DAYS // 20)
        page = f"/clinician/patients/{patient.id}"
        api = f"/api/v1/clinician/patients/{patient.id}"
        for path in (page, f"{page}?page={last}", api, f"{api}?page={last}"):
            call(path)
            times, cpu = [], []
            for _ in range(ROUNDS):
                start, used = time.perf_counter(), time.process_time()
                body = call(path)
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - used) * 1000)
            times.sort()
            p95 = times[max(0, round(0.95 * len(times)) - 1)]
            print(
                f"  GET {path:<44} {len(body.content) // 1024:4d} kB   "
                f"median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms   "
                f"app CPU median {statistics.median(cpu):5.1f} ms"
            )
        statements: list[tuple[str, Any]] = []

        def seen(_c: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
            statements.append((statement, params))

        event.listen(database._engine, "before_cursor_execute", seen)
        call(page)
        event.remove(database._engine, "before_cursor_execute", seen)
        print(f"  statements through SQLAlchemy in one request: {len(statements)}")
        _explain(database, statements)
        loop.run_until_complete(client.aclose())
        loop.close()


def main() -> None:
    from tests.pgserver import PgServer

    server = PgServer().start()
    try:
        server.create_database("patient")
        _measure(server.url("patient"))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
