"""The cold start of the commands people run most, each as a fresh process.

``supple --help``, ``supple library`` and ``supple progress`` (on ten years of generated daily
use, on SQLite and on a private PostgreSQL server), each run RUNS times after one warm-up run
for the disk cache: the median and minimum wall-clock time and the median CPU time of the child
(user + system, which moves less with the load of other jobs). Set ``SUPPLE_SKIP_POSTGRES=1`` to
time SQLite only.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_store import generate

RUNS = 15
TARGET_MS = 300.0


def _supple() -> str:
    here = Path(sys.executable).with_name("supple")
    return str(here) if here.exists() else "supple"


def time_command(
    args: list[str], env: dict[str, str], runs: int = RUNS
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each fresh ``supple ARGS`` run."""
    command = [_supple(), *args]
    subprocess.run(command, env=env, check=True, capture_output=True)  # warm the disk cache
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        wall.append(1000 * (time.perf_counter() - start))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(1000 * (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
    return wall, cpu


def _line(label: str, wall: list[float], cpu: list[float]) -> str:
    median = statistics.median(wall)
    verdict = "ok" if median < TARGET_MS else "OVER TARGET"
    return (
        f"{label:<30} median {median:6.0f} ms (min {min(wall):4.0f}, max {max(wall):4.0f}), "
        f"CPU median {statistics.median(cpu):4.0f} ms  [target < {TARGET_MS:.0f}: {verdict}]"
    )


def main() -> None:
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    env.pop("SUPPLE_DATABASE_URL", None)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, {RUNS} runs each")
    print(_line("supple --help", *time_command(["--help"], env)))
    print(_line("supple library", *time_command(["library"], env)))
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        generate(url)
        print(
            _line(
                "supple progress (SQLite)",
                *time_command(["progress"], {**env, "SUPPLE_DATABASE_URL": url}),
            )
        )
    if os.environ.get("SUPPLE_SKIP_POSTGRES") != "1":
        from tests.pgserver import PgServer

        server = PgServer().start()
        try:
            server.create_database("bench")
            url = server.url("bench")
            generate(url)
            pg_env = {**env, "SUPPLE_DATABASE_URL": url}
            print(_line("supple progress (PostgreSQL)", *time_command(["progress"], pg_env)))
        finally:
            server.stop()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
