"""Time loading the exercise library and the cold start of the library commands."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from supple.library.loader import load_library

LOAD_ROUNDS = 50
CLI_RUNS = 15
LOAD_TARGET_MS = 50.0
CLI_TARGET_MS = 300.0


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def time_load(rounds: int = LOAD_ROUNDS) -> list[float]:
    """Milliseconds to read and validate every file, cache cleared before each round."""
    times = []
    for _ in range(rounds):
        load_library.cache_clear()
        start = time.perf_counter()
        load_library()
        times.append(_ms(time.perf_counter() - start))
    return times


def supple_command() -> str:
    """The console script next to this interpreter (the project's venv), else the one on PATH."""
    here = Path(sys.executable).parent / "supple"
    return str(here) if here.exists() else "supple"


def time_command(args: list[str], runs: int = CLI_RUNS, *, python: bool = False) -> list[float]:
    """Milliseconds for a fresh process to run ``supple ARGS`` (or ``python ARGS``) to the end."""
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    command = [sys.executable if python else supple_command(), *args]
    subprocess.run(command, capture_output=True, check=True, env=env)  # warm the disk cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        times.append(_ms(time.perf_counter() - start))
    return times


def _line(label: str, times: list[float], target: float) -> str:
    median = statistics.median(times)
    verdict = "ok" if median < target else "OVER TARGET"
    return (
        f"{label:<28} median {median:7.1f} ms  min {min(times):7.1f}  max {max(times):7.1f}"
        f"  (n={len(times)}, target < {target:.0f} ms: {verdict})"
    )


def main() -> None:
    """Print the library figures reported in docs/benchmarks.md."""
    load_library.cache_clear()
    count = len(load_library())
    print(_line(f"load + validate {count} entries", time_load(), LOAD_TARGET_MS))
    print(_line("supple --help (cold)", time_command(["--help"]), CLI_TARGET_MS))
    print(_line("supple library (cold)", time_command(["library"]), CLI_TARGET_MS))
    # What part of that start-up is the library itself (imports of pydantic and yaml included).
    code = "from supple.library import load_library; load_library()"
    print(
        _line(
            "python: import + load (cold)", time_command(["-c", code], python=True), CLI_TARGET_MS
        )
    )


if __name__ == "__main__":
    main()
