"""The clinic's mix of requests for ``bench_clinic`` (run by locust, headless, for a set time).

Each simulated patient is one of the clinic's patients, signed in with their own access token:
they save today's routine once, then ask for today's routine, post session events and pain
scores, and look at their progress. Each simulated clinician, with their token, opens their
patient list and one of their patients' progress. Both fetch a small static file now and then:
the trivial request of the same app, under the same load, the routes are compared with. No
wait between requests: the figure is what the server sustains.
"""

from __future__ import annotations

import os
import random
import uuid
from datetime import UTC, datetime
from pathlib import Path

from locust import HttpUser, constant, task

from benchmarks.clinic import Clinic

#: The clinic's members and their tokens (written by bench_clinic before the run).
CLINIC = Clinic.load(Path(os.environ["SUPPLE_BENCH_CLINIC"]))
TRIVIAL = "/static/entries.js"


class Patient(HttpUser):
    """One patient's phone, one request after another."""

    weight = 9
    wait_time = constant(0)

    def on_start(self) -> None:
        me = random.choice(CLINIC.patients)
        self.client.headers["Authorization"] = f"Bearer {me.token}"
        plan = self.client.post("/api/v1/plans", json={}, name="/api/v1/plans").json()["id"]
        self.events = f"/api/v1/plans/{plan}/sessions/{uuid.uuid4().hex}/events"

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


class Clinician(HttpUser):
    """One clinician's browser: the patient list, then a patient's progress."""

    weight = 1
    wait_time = constant(0)

    def on_start(self) -> None:
        self.me = random.choice(CLINIC.clinicians)
        self.client.headers["Authorization"] = f"Bearer {self.me.token}"

    @task(1)
    def patients(self) -> None:
        self.client.get("/api/v1/clinician/patients")

    @task(2)
    def patient(self) -> None:
        patient = random.choice(self.me.patients)
        name = "/api/v1/clinician/patients/{id}/progress"
        self.client.get(f"/api/v1/clinician/patients/{patient}/progress", name=name)

    @task(1)
    def trivial(self) -> None:
        self.client.get(TRIVIAL)
