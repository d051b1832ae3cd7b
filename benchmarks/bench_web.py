"""Web app figures: page weight, and the plan and event endpoints under 50 concurrent clients.

Page weight: each HTML page and the CSS/JS it loads, as served (raw and gzip), inline figures
aside. Load: ``supple serve``'s app in a uvicorn subprocess on loopback (one worker, as
``supple serve`` runs it), driven by 50 concurrent httpx clients for a bounded number of
requests per endpoint, on SQLite and on PostgreSQL (a private server from tests/pgserver.py;
``SUPPLE_SKIP_POSTGRES=1`` skips it).
"""

from __future__ import annotations

import asyncio
import gzip
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 50
REQUESTS = 1500  # per endpoint, mode and database
TIME_LIMIT_S = 20.0
#: Paced mode: each client sends one request every PACE_S seconds (50 clients: 100 req/s),
#: far busier than 50 people in sessions (an event every few seconds each).
PACE_S = 0.5
PROFILE = {"pain_areas": ["lower_back"], "pain_now": 4, "pain_weeks": 6, "minutes": 15}
SERVER = (
    "import sys, uvicorn; from supple.web import create_app; "
    "from supple.settings import load_settings; "
    "app = create_app(settings=load_settings(database_url=sys.argv[1])); "
    "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``create_app`` under uvicorn in its own process (so the load generator is apart)."""

    def __init__(self, database_url: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, database_url, str(self.port)],
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/api/v1/openapi.json", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the web server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _size(client: httpx.Client, url: str) -> tuple[int, int, str]:
    """Bytes of ``url`` as sent raw and with gzip, and the body text."""
    raw = client.get(url, headers={"Accept-Encoding": "identity"})
    raw.raise_for_status()
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    wire = int(zipped.headers.get("content-length") or len(raw.content))
    return len(raw.content), wire, raw.text


def page_weights(base: str, plan_id: int) -> list[tuple[str, int, int, int, int]]:
    """(page, html raw, html gzip, with assets raw, with assets gzip), inline SVG figures aside."""
    pages = ["/", "/check", "/today", f"/play/{plan_id}", "/progress", "/library"]
    pages += ["/library/cat_cow", "/settings", "/referral"]
    rows = []
    with httpx.Client(base_url=base, headers={"Origin": base}) as client:
        for path in pages:
            _, _, text = _size(client, path)
            # Illustrations aside; the progress charts are page content and stay.
            html = re.sub(r'<svg(?! class="chart").*?</svg>', "", text, flags=re.S).encode()
            raw, wire = len(html), len(gzip.compress(html))
            assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js)[^"]*)"', text)
            assets += ["/static/" + m for m in _imports(client, assets)]
            a_raw = a_wire = 0
            for asset in dict.fromkeys(assets):
                r, w, _ = _size(client, asset)
                a_raw, a_wire = a_raw + r, a_wire + w
            rows.append((path, raw, wire, raw + a_raw, wire + a_wire))
    return rows


def _imports(client: httpx.Client, scripts: list[str]) -> list[str]:
    """Modules the page's scripts import (one level is all the app uses, plus sync.js)."""
    found: list[str] = []
    for src in scripts:
        if src.endswith(".js") or ".js?" in src:
            body = client.get(src).text
            found += re.findall(r'from "\./([^"]+\.js)"', body)
    return found


async def _load(
    name: str,
    make: Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]],
    base: str,
    pace: float | None,
) -> dict[str, Any]:
    """Run ``make`` from ``CLIENTS`` clients: back to back (``pace`` None) or one request per
    client every ``pace`` seconds on absolute deadlines."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(REQUESTS))
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    origin = {"Origin": base}  # writes need a same-origin Origin, as a browser sends
    async with httpx.AsyncClient(
        base_url=base, limits=limits, timeout=30, headers=origin
    ) as client:
        stop_at = time.perf_counter() + TIME_LIMIT_S

        async def worker(k: int) -> None:
            nonlocal errors
            due = time.perf_counter() + (pace or 0) * k / CLIENTS  # spread the clients out
            for n in counter:
                if pace is not None:
                    await asyncio.sleep(max(0.0, due - time.perf_counter()))
                    due += pace
                if time.perf_counter() > stop_at:
                    return
                t = time.perf_counter()
                try:
                    r = await make(client, n)
                except httpx.TransportError:  # e.g. a kept-alive connection the server closed
                    errors += 1
                    continue
                latencies.append(time.perf_counter() - t)
                if r.status_code >= 400:
                    errors += 1

        for _ in range(3):  # warm up connections and caches
            await make(client, -1)
        start = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(CLIENTS)))
        elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "endpoint": name,
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
    }


def load_figures(base: str, plan_id: int, n_items: int, exercise: str) -> list[dict[str, Any]]:
    """Throughput and latency of the plan and event endpoints at ``CLIENTS`` at once."""
    now = datetime.now(UTC).isoformat()
    session = str(uuid.uuid4())
    events = f"/api/v1/plans/{plan_id}/sessions/{session}/events"

    def get(path: str) -> Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]:
        return lambda c, n: c.get(path)

    def event(c: httpx.AsyncClient, n: int) -> Awaitable[httpx.Response]:
        body = {"type": "feedback", "key": str(uuid.uuid4()), "at": now, "index": 0}
        body |= {"exercise": exercise, "feedback": "fine"}
        return c.post(events, json=body)

    def repeat(c: httpx.AsyncClient, n: int) -> Awaitable[httpx.Response]:
        body = {"type": "pain", "key": "bench-repeat-key", "at": now, "when": "before"}
        return c.post(events, json={**body, "score": 3})

    cases: list[tuple[str, Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]]] = [
        (f"GET /api/v1/plans/{{id}} ({n_items} items)", get(f"/api/v1/plans/{plan_id}")),
        ("GET /api/v1/plans/{id}/timeline", get(f"/api/v1/plans/{plan_id}/timeline")),
        ("POST .../events (new key)", event),
        ("POST .../events (repeated key)", repeat),
        ("GET /api/v1/plan/today (planner runs)", get("/api/v1/plan/today")),
    ]
    rows = []
    for name, make in cases:
        for mode, pace in (("paced", PACE_S), ("flat out", None)):
            row = asyncio.run(_load(name, make, base, pace))
            rows.append({**row, "mode": mode})
    return rows


def run(label: str, database_url: str) -> None:
    server = Server(database_url)
    try:
        with httpx.Client(base_url=server.url, headers={"Origin": server.url}) as c:
            c.post("/api/v1/profile", json=PROFILE).raise_for_status()
            plan = c.post("/api/v1/plans", json={}).json()
        plan_id, items = plan["id"], plan["plan"]["items"]
        if label == "SQLite":
            print("\nPage weight (bytes; inline illustrations aside):", flush=True)
            print(f"{'page':<20}{'HTML':>9}{'gzip':>8}{'+assets':>10}{'gzip':>8}", flush=True)
            for path, raw, wire, all_raw, all_wire in page_weights(server.url, plan_id):
                print(f"{path:<20}{raw:>9}{wire:>8}{all_raw:>10}{all_wire:>8}", flush=True)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"\n(machine load average before the run: {load})", flush=True)
        print(
            f"{label}: {CLIENTS} concurrent clients; paced = one request per client every "
            f"{PACE_S} s, flat out = back to back; up to {REQUESTS} requests each"
        )
        print(
            f"{'endpoint':<40}{'mode':>9}{'req':>6}{'err':>5}{'req/s':>7}{'p50 ms':>8}{'p95 ms':>8}"
        )
        for row in load_figures(server.url, plan_id, len(items), items[0]["exercise"]):
            print(
                f"{row['endpoint']:<40}{row['mode']:>9}{row['requests']:>6}{row['errors']:>5}"
                f"{row['rps']:>7.0f}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}"
            )
    finally:
        server.stop()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", f"sqlite:///{tmp}/bench.db")
    if os.environ.get("SUPPLE_SKIP_POSTGRES") == "1":
        print("\nPostgreSQL skipped (SUPPLE_SKIP_POSTGRES=1)", flush=True)
        return
    from tests.pgserver import PgServer

    pg = PgServer().start()
    try:
        pg.create_database("bench_web")
        run("PostgreSQL", pg.url("bench_web"))
    finally:
        pg.stop()


if __name__ == "__main__":
    main()
