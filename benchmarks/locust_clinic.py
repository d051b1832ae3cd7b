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
from pathlib import Path

from locust import HttpUser, constant, task

from benchmarks.clinic import Clinic
from benchmarks.locustfile import TRIVIAL, PatientTasks

#: The clinic's members and their tokens (written by bench_clinic before the run).
CLINIC = Clinic.load(Path(os.environ["SUPPLE_BENCH_CLINIC"]))


class Patient(PatientTasks):
    """One of the clinic's patients, with their own token, on their phone."""

    weight = 9

    def on_start(self) -> None:
        me = random.choice(CLINIC.patients)
        self.client.headers["Authorization"] = f"Bearer {me.token}"
        plan = self.client.post("/api/v1/plans", json={}, name="/api/v1/plans").json()["id"]
        self.events = f"/api/v1/plans/{plan}/sessions/{uuid.uuid4().hex}/events"


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
