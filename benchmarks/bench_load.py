"""Requests per second and latency under load: ``supple serve`` with 1 and 2 workers.

A private PostgreSQL server (tests/pgserver.py) holds one patient with two years of daily use
(``bench_store.generate``, summaries filled). For each worker count, ``supple serve --workers N``
answers on a free port and locust (headless, ``USERS`` users with no wait, ``SECONDS`` seconds)
runs the mix of ``benchmarks/locustfile.py``. Printed per route: requests/s, p50/p95/p99 and the
ratio of the trivial request's median to the route's (1.0: as cheap as the stack itself).

The load generator runs on the same machine as the server, so both share its cores.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from benchmarks.bench_history import PROFILE, _fill_summaries
from benchmarks.bench_store import generate

DAYS = 730
USERS = 16
SECONDS = 30
WORKERS = (1, 2)
HERE = Path(__file__).parent
TRIVIAL = "/static/entries.js"


@contextmanager
def started(url: str, workers: int) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``supple serve --workers N`` on ``url``, answering: its address and its process,
    stopped after the block."""
    from tests.web.browser import free_port

    port = free_port()
    host = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "supple", "serve", "--port", str(port), "--workers", str(workers)],
        env={**os.environ, "SUPPLE_DATABASE_URL": url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{host}{TRIVIAL}", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("supple serve did not start") from None
                time.sleep(0.2)
        yield host, proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextmanager
def serving(url: str, workers: int) -> Iterator[tuple[str, int, subprocess.Popen[bytes]]]:
    """``supple serve --workers N`` on ``url`` with a screened person and a plan: the address,
    the plan's id and the server's process, stopped after the block."""
    with started(url, workers) as (host, proc):
        origin = {"Origin": host}  # a write needs a same-origin Origin, as a browser sends
        httpx.post(f"{host}/api/v1/profile", json=PROFILE, headers=origin).raise_for_status()
        plan = httpx.post(f"{host}/api/v1/plans", json={}, headers=origin).json()["id"]
        yield host, plan, proc


@contextmanager
def postgres(name: str) -> Iterator[str | None]:
    """A new database on a private PostgreSQL server (None with SUPPLE_SKIP_POSTGRES=1)."""
    if os.environ.get("SUPPLE_SKIP_POSTGRES") == "1":
        print("skipped: it runs on PostgreSQL")
        yield None
        return
    from tests.pgserver import PgServer

    server = PgServer().start()
    try:
        yield server.create_database(name)
    finally:
        server.stop()


def locust(host: str, prefix: Path, *, file: str, env: dict[str, str]) -> list[dict[str, str]]:
    """Run ``benchmarks/<file>`` headless against ``host``; its rows of statistics per route."""
    subprocess.run(
        [
            *(sys.executable, "-m", "locust", "-f", str(HERE / file)),
            *("--headless", "--only-summary", "--host", host, "--csv", str(prefix)),
            *("-u", str(USERS), "-r", str(USERS), "-t", f"{SECONDS}s"),
        ],
        env={**os.environ, **env},
        check=False,  # locust exits 1 when a request failed; the table shows the failures
        capture_output=True,
        timeout=SECONDS + 60,
    )
    failures = Path(f"{prefix}_failures.csv")
    if failures.is_file():  # what failed, so a failure in the table can be looked into
        with failures.open(newline="") as file_:
            for row in csv.DictReader(file_):
                what = f"{row['Method']} {row['Name']}: {row['Error']}"
                print(f"  failed {row['Occurrences']}×: {what}")
    with Path(f"{prefix}_stats.csv").open(newline="") as file_:
        return list(csv.DictReader(file_))


def report(workers: int, rows: list[dict[str, str]]) -> None:
    by_name = {row["Name"]: row for row in rows}
    trivial = float(by_name[TRIVIAL]["50%"])
    total = by_name["Aggregated"]
    print(
        f"{workers} worker(s): {float(total['Requests/s']):.0f} requests/s in all, "
        f"{total['Failure Count']} failed; load average {os.getloadavg()[0]:.1f}"
    )
    for name, row in by_name.items():
        if name == "Aggregated":
            continue
        ratio = trivial / max(float(row["50%"]), 0.001)
        print(
            f"  {row['Type']:<5}{name:<44} {float(row['Requests/s']):7.1f}/s   "
            f"p50 {row['50%']:>4} ms  p95 {row['95%']:>4} ms  p99 {row['99%']:>4} ms   "
            f"{row['Failure Count']} failed   trivial/route {ratio:.2f}"
        )


def main() -> None:
    with postgres("load") as url:
        if url is None:
            return
        generate(url, days=DAYS)
        _fill_summaries(url)
        with tempfile.TemporaryDirectory() as tmp:
            for workers in WORKERS:
                with serving(url, workers) as (host, plan, _):
                    rows = locust(
                        host,
                        Path(tmp) / f"w{workers}",
                        file="locustfile.py",
                        env={"SUPPLE_BENCH_PLAN": str(plan)},
                    )
                    report(workers, rows)


if __name__ == "__main__":
    main()
