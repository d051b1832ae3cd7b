"""The exports as people ask for them: `supple handout`, `calendar` and `export --format fhir`
as fresh processes on a 12-move routine, and the handout route of the web app, first and again.

Each command runs ROUNDS times after one warm-up run; the web route is timed in-process.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.bench_cli import time_command
from supple.library import load_library
from supple.planner import make_plan
from supple.safety.profile import Profile

ROUNDS = 3
MOVES = 12


#: Answers whose routine runs to MOVES moves at some length (lower back and neck).
AREAS = ["lower_back", "neck"]


def _minutes_for(moves: int) -> int:
    library = load_library()
    for minutes in range(10, 61):
        if len(make_plan(Profile(minutes=minutes, pain_areas=AREAS), library).items) == moves:
            return minutes
    raise RuntimeError(f"no routine of exactly {moves} moves between 10 and 60 minutes")


def _commands(folder: Path, minutes: int, env: dict[str, str]) -> None:
    profile = folder / "answers.json"
    profile.write_text(json.dumps({"minutes": minutes, "pain_areas": AREAS}), encoding="utf-8")
    runs = {
        "supple handout (A4)": [
            "handout",
            "--profile",
            str(profile),
            "--out",
            str(folder / "h.pdf"),
        ],
        "supple handout --large-print": [
            "handout",
            "--profile",
            str(profile),
            "--large-print",
            "--out",
            str(folder / "l.pdf"),
        ],
        "supple calendar": ["calendar", "--profile", str(profile), "--out", str(folder / "c.ics")],
    }
    print(f"{MOVES}-move routine ({minutes} min of answers), {ROUNDS} fresh processes each")
    for label, args in runs.items():
        wall, cpu = time_command(args, env, runs=ROUNDS)
        print(
            f"  {label:30} median {statistics.median(wall) / 1000:.2f} s "
            f"(min {min(wall) / 1000:.2f}), CPU {statistics.median(cpu) / 1000:.2f} s"
        )
    size = (folder / "h.pdf").stat().st_size
    print(f"  the handout is {size / 1024:.0f} KB")


def _web(folder: Path, minutes: int) -> None:
    from supple.store import Store
    from supple.web import create_app
    from tests.web.client import Client

    with Store.open(f"sqlite:///{folder / 'web.db'}") as store:
        store.for_person(store.person()).save_profile(Profile(minutes=minutes, pain_areas=AREAS))
        client = Client(create_app(store=store))
        try:
            times = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                r = client.get("/api/v1/export/handout.pdf")
                times.append(time.perf_counter() - start)
                assert r.status_code == 200, r.text
        finally:
            client.close()
    print(
        f"  GET /api/v1/export/handout.pdf first {times[0]:.2f} s, "
        f"again (kept) median {statistics.median(times[1:]) * 1000:.0f} ms"
    )


def main() -> None:
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    minutes = _minutes_for(MOVES)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env["SUPPLE_DATABASE_URL"] = f"sqlite:///{folder / 'cli.db'}"
        _commands(folder, minutes, env)
        _web(folder, minutes)


if __name__ == "__main__":
    main()
