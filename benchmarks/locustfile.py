"""The patients' mix of requests for ``bench_load`` (run by locust, headless, for a set time).

Each simulated patient asks for today's routine, posts session events and pain scores, looks
at progress, and fetches a small static file: the trivial request of the same app, under the
same load, that the other routes are compared with. No wait between requests: the figure is
what the server sustains.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime

from locust import HttpUser, constant, task

#: The plan the events go to (made by bench_load before the run).
PLAN = os.environ.get("SUPPLE_BENCH_PLAN", "1")
TRIVIAL = "/static/entries.js"


class PatientTasks(HttpUser):
    """One patient's phone, one request after another, posting events to ``self.events``."""

    abstract = True
    wait_time = constant(0)
    events = ""

    @task(4)
    def today(self) -> None:
        self.client.get("/api/v1/plan/today")

    @task(3)
    def event(self) -> None:
        at = datetime.now(UTC).isoformat()
        body = {"type": "pain", "key": uuid.uuid4().hex, "at": at, "when": "before", "score": 3}
        self.client.post(self.events, json=body, name="/api/v1/plans/{id}/sessions/{key}/events")

    @task(1)
    def pain(self) -> None:
        self.client.post("/api/v1/pain", json={"score": 3})

    @task(2)
    def progress(self) -> None:
        self.client.get("/api/v1/progress")

    @task(2)
    def trivial(self) -> None:
        self.client.get(TRIVIAL)


class Patient(PatientTasks):
    """The one patient of the store."""

    def on_start(self) -> None:
        # No token in single-person mode: writes carry the same-origin Origin a browser sends.
        self.client.headers["Origin"] = (self.host or "").rstrip("/")
        self.events = f"/api/v1/plans/{PLAN}/sessions/{uuid.uuid4().hex}/events"
