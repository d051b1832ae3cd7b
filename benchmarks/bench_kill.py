"""Kill -9 under load: one of two workers killed every few seconds while events flow.

``supple serve --workers 2`` on a private PostgreSQL server; ``SENDERS`` threads post session
events as the browser's outbox does (the same key again after a dropped connection or a 503,
until the server answers 200) for ``SECONDS`` seconds, while a worker is killed with SIGKILL
every ``EVERY`` seconds (uvicorn starts a new one). Then the stored keys are counted: every
acknowledged event must be there exactly once. Printed: events acknowledged, stored, lost,
doubled, tries that failed, and the longest wait for one event.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from benchmarks.bench_load import postgres, serving

SECONDS = 60
EVERY = 5.0
SENDERS = 4
AT = "2026-03-02T07:30:00Z"


def _workers(pid: int) -> list[int]:
    """uvicorn's worker processes under its supervisor ``pid`` (they run spawn_main)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(c) for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


class Sender(threading.Thread):
    """Post events one after another until told to stop; keep what was acknowledged."""

    def __init__(self, host: str, plan: int, stop: threading.Event) -> None:
        super().__init__()
        self.host = host
        self.url = f"{host}/api/v1/plans/{plan}/sessions/{uuid.uuid4().hex}/events"
        self.stop = stop
        self.acknowledged: list[str] = []
        self.failed_tries = 0
        self.longest = 0.0

    def run(self) -> None:
        with httpx.Client(headers={"Origin": self.host}, timeout=10) as client:
            while not self.stop.is_set():
                body = {"type": "pain", "key": uuid.uuid4().hex, "at": AT, "when": "before"}
                started = time.monotonic()
                while True:
                    try:
                        if client.post(self.url, json={**body, "score": 3}).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    self.failed_tries += 1
                    time.sleep(0.2)
                self.longest = max(self.longest, time.monotonic() - started)
                self.acknowledged.append(body["key"])


def main() -> None:
    with postgres("kill") as url:
        if url is None:
            return
        with serving(url, 2) as (host, plan, proc):
            stop = threading.Event()
            senders = [Sender(host, plan, stop) for _ in range(SENDERS)]
            for sender in senders:
                sender.start()
            kills = 0
            end = time.monotonic() + SECONDS
            while time.monotonic() < end:
                time.sleep(EVERY)
                alive = _workers(proc.pid)
                if alive:
                    os.kill(min(alive), signal.SIGKILL)
                    kills += 1
            stop.set()
            for sender in senders:
                sender.join(timeout=60)
        engine = create_engine(url)
        with engine.connect() as conn:
            stored = [row[0] for row in conn.execute(text("SELECT key FROM event_key"))]
            pains = conn.execute(text("SELECT count(*) FROM pain")).scalar_one()
        engine.dispose()
    acknowledged = [key for sender in senders for key in sender.acknowledged]
    lost = len(set(acknowledged) - set(stored))
    print(
        f"{SECONDS} s, {kills} workers killed, {SENDERS} senders: {len(acknowledged)} events "
        f"acknowledged, {len(stored)} keys and {pains} pain rows stored, {lost} lost, "
        f"{len(stored) - len(set(stored))} doubled; "
        f"{sum(s.failed_tries for s in senders)} tries failed and were sent again; "
        f"the longest wait for one event {max(s.longest for s in senders):.1f} s"
    )


if __name__ == "__main__":
    main()
