"""Store and tracking speed on ten years of daily use, on SQLite and PostgreSQL.

Generates 3,650 sessions (~40,000 items, ~7,000 pain scores) by bulk insert, then times
``supple progress`` as a subprocess (median of 10 runs) and the tracking computation alone.
PostgreSQL runs on a private throw-away server (tests/pgserver.py); set
``SUPPLE_SKIP_POSTGRES=1`` to time SQLite only.
"""

from __future__ import annotations

import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

DAYS = 3650
ITEMS_PER_SESSION = 11
RUNS = 10


def generate(
    url: str, days: int = DAYS, seed: int = 7, end: datetime | None = None
) -> dict[str, int]:
    """Fill an empty store at ``url`` with ``days`` days of daily sessions; return the counts."""
    from sqlalchemy import insert

    from supple.library import load_library
    from supple.store import Store
    from supple.store.backup.load import reset_sequences
    from supple.store.schema import EventKey, ItemRow, PainRow, PlanRow, SessionRow

    rng = random.Random(seed)
    exercises = sorted(load_library())[:ITEMS_PER_SESSION]
    end = end or datetime.now(UTC).replace(hour=7, minute=30, second=0, microsecond=0)
    start = end - timedelta(days=days - 1)
    store = Store.open(url)
    person = store.person()
    sessions: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    pain: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    item_id = 0
    level = 6.5
    for n in range(days):
        at = start + timedelta(days=n, minutes=rng.randint(-60, 600))
        target = 3.0 + 3.5 * math.exp(-n / 60)  # most of the easing comes in the first weeks
        level = max(0.5, min(9.5, level + 0.2 * (target - level) + rng.gauss(0, 0.3)))
        sid = n + 1
        roll = rng.random()
        status = "finished" if roll < 0.9 else "stopped"
        sessions.append(
            dict(
                id=sid,
                person_id=person,
                plan_id=1,
                key=uuid.uuid4().hex,
                started_at=at,
                ended_at=at + timedelta(minutes=15),
                status=status,
            )
        )
        done_until = ITEMS_PER_SESSION if status == "finished" else rng.randint(1, 8)
        for idx, ex in enumerate(exercises[:done_until]):
            item_id += 1
            feedback = (
                rng.choice(["fine", "fine", "too_easy", "too_hard", "painful"])
                if rng.random() < 0.1
                else None
            )
            items.append(
                dict(
                    id=item_id,
                    session_id=sid,
                    idx=idx,
                    exercise=ex,
                    planned_seconds=60,
                    held_seconds=rng.randint(40, 60),
                    status="done" if rng.random() < 0.95 else "skipped",
                    feedback=feedback,
                    at=at + timedelta(minutes=idx),
                )
            )
            keys.append(dict(key=uuid.uuid4().hex, session_id=sid, type="item", at=at))
        if rng.random() < 0.96:
            score = round(min(10, max(0, level + rng.gauss(0, 0.8))))
            pain.append(dict(person_id=person, session_id=sid, at=at, score=score, moment="before"))
            after = max(0, score - rng.choice([0, 0, 1, 1, 2]))
            pain.append(
                dict(
                    person_id=person,
                    session_id=sid,
                    at=at + timedelta(minutes=15),
                    score=after,
                    moment="after",
                )
            )
        keys.append(dict(key=uuid.uuid4().hex, session_id=sid, type="end", at=at))
    plan = {"status": "plan", "items": [], "total_seconds": 0}
    with store._writer.begin() as conn:
        conn.execute(
            insert(PlanRow),
            [dict(id=1, person_id=person, kind="daily", created_at=start, body=plan)],
        )
        for table, rows in (
            (SessionRow, sessions),
            (ItemRow, items),
            (PainRow, pain),
            (EventKey, keys),
        ):
            for i in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[i : i + 5000])
    if store.dialect == "postgresql":
        with store._writer.begin() as conn:
            reset_sequences(conn)
    with store._writer.begin() as conn:  # committed: on SQLite a rollback drops the statistics
        conn.exec_driver_sql("ANALYZE")
    counts = store.counts()
    store.close()
    return counts


def _time_progress(url: str) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of each ``supple progress`` run."""
    env = {**os.environ, "SUPPLE_DATABASE_URL": url, "COLUMNS": "100"}
    exe = str(Path(sys.executable).with_name("supple"))
    wall, cpu = [], []
    subprocess.run([exe, "progress"], env=env, check=True, capture_output=True)  # warm the cache
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([exe, "progress"], env=env, check=True, capture_output=True)
        wall.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def _time_tracking(url: str) -> tuple[float, float]:
    from supple.library import load_library
    from supple.store import Store
    from supple.tracking import summarize

    library = load_library()
    database = Store.open(url)
    store = database.for_person(database.person())
    query, compute = [], []
    for _ in range(RUNS):
        t = time.perf_counter()
        data = store.tracking_input()
        query.append(time.perf_counter() - t)
        t = time.perf_counter()
        summarize(data, library)
        compute.append(time.perf_counter() - t)
    database.close()
    return statistics.median(query), statistics.median(compute)


def _bench(name: str, url: str) -> None:
    t = time.perf_counter()
    counts = generate(url)
    took = time.perf_counter() - t
    print(
        f"{name}: generated {counts['session']} sessions, {counts['session_item']} items, "
        f"{counts['pain']} pain scores, {counts['event_key']} event keys in {took:.1f} s"
    )
    wall, cpu = _time_progress(url)
    query, compute = _time_tracking(url)
    print(
        f"{name}: supple progress median {1000 * statistics.median(wall):.0f} ms wall "
        f"(min {1000 * min(wall):.0f}, max {1000 * max(wall):.0f}, {RUNS} runs), "
        f"median {1000 * statistics.median(cpu):.0f} ms CPU; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"{name}: tracking_input query {1000 * query:.1f} ms; "
        f"tracking computation {1000 * compute:.1f} ms (medians)"
    )


def main() -> None:
    start_t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        _bench("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}")
    if os.environ.get("SUPPLE_SKIP_POSTGRES") != "1":
        from tests.pgserver import PgServer

        server = PgServer().start()
        try:
            server.create_database("bench")
            _bench("postgresql", server.url("bench"))
        finally:
            server.stop()
    print(f"total {time.perf_counter() - start_t:.0f} s")


if __name__ == "__main__":
    main()
