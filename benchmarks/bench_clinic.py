"""Requests per second and latency for a clinic: ``supple serve`` with 1 and 2 workers.

A private PostgreSQL server (tests/pgserver.py) holds a clinic in accounts mode
(``benchmarks.clinic.generate``: ``PATIENTS`` patients with ``DAYS`` days of daily use, a
clinician for every 50 of them, an access token for each; summaries filled). For each worker
count, ``supple serve --workers N`` answers on a free port and locust (headless, ``USERS`` users
with no wait, ``SECONDS`` seconds) runs the mix of ``benchmarks/locust_clinic.py``: patients
(nine in ten users) and clinicians, each as their own account. Printed per route as
``bench_load`` prints it.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.bench_load import HERE, WORKERS, locust, postgres, report, started
from benchmarks.clinic import generate

PATIENTS = 2000
DAYS = 730


def main() -> None:
    with postgres("clinic") as url, tempfile.TemporaryDirectory() as tmp:
        if url is None:
            return
        took = time.perf_counter()
        clinic = generate(url, patients=PATIENTS, days=DAYS)
        took = time.perf_counter() - took
        print(f"generated {PATIENTS} patients × {DAYS} days in {took:.0f} s")
        members = Path(tmp) / "clinic.json"
        clinic.save(members)
        for workers in WORKERS:
            with started(url, workers) as (host, _):
                prefix = Path(tmp) / f"w{workers}"
                env = {"SUPPLE_BENCH_CLINIC": str(members), "PYTHONPATH": str(HERE.parent)}
                report(workers, locust(host, prefix, file="locust_clinic.py", env=env))


if __name__ == "__main__":
    main()
