"""Cue timing on the real clock: the session player against a naive sleep-per-second loop.

A 60-second session with 100 cues (one every 0.6 s) is played twice on ``time.monotonic``:

* **player**: :class:`supple.session.player.Player`, as the terminal coach drives it: sleep until
  the next cue's absolute deadline (or a 0.2 s screen refresh, whichever is sooner), poll.
* **naive**: ``time.sleep(1)`` once a second, then say whatever fell due, counting seconds.
* **sleep**: the floor the machine sets: ``time.sleep`` straight to each deadline, nothing else
  (how late the operating system wakes a sleeping process, which load on the machine worsens).

Both loops do the same small amount of work at every wake-up (``WORK_S`` of busy time, standing
in for drawing the screen). Lateness is when a cue was said minus its deadline (start + offset);
drift is when the end of the session was noticed minus start + 60 s.
``SUPPLE_BENCH_SECONDS`` shortens the session for a quick look (default 60).
"""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable

from supple.planner.phrase import phrase
from supple.session.cues import Cue
from supple.session.player import Player
from supple.session.timeline import Segment, Timeline, TimelineItem

CUES = 100
REFRESH_S = 0.2
WORK_S = 0.002


def _timeline(seconds: float) -> Timeline:
    step = seconds / CUES
    cues = [
        Cue(at=round(step * (k + 1), 6), kind="breathe", say=phrase("breathe", n=k))
        for k in range(CUES)
    ]
    segment = Segment(
        index=0,
        item=0,
        exercise="bench",
        kind="flow",
        rep=1,
        reps=1,
        start=0,
        duration=seconds,
        title="bench",
        cues=cues,
    )
    item = TimelineItem(
        index=0,
        exercise="bench",
        name="Bench",
        position="standing",
        sided=False,
        start=0,
        end=seconds,
        work_start=0,
        planned_seconds=int(seconds),
        steps=["a", "b"],
        feel="-",
        breathing="-",
    )
    return Timeline(countdown_s=0, total_seconds=seconds, items=[item], segments=[segment])


def _work() -> None:
    until = time.perf_counter() + WORK_S
    while time.perf_counter() < until:
        pass


def run_player(
    timeline: Timeline, clock: Callable[[], float] = time.monotonic
) -> tuple[list[float], float]:
    """Lateness of every cue (s) and the end-of-session drift (s) for the session player."""
    player = Player(timeline, clock)
    start = clock()
    player.start()
    late: list[float] = []
    while True:
        now = clock()
        for cue in player.poll():
            late.append(now - (start + cue.at))
        if player.finished:
            break
        _work()
        wait = player.seconds_to_next_cue()
        pause = REFRESH_S if wait is None else min(REFRESH_S, wait)
        if pause > 0:
            time.sleep(pause)
    return late, clock() - (start + timeline.total_seconds)


def run_naive(
    timeline: Timeline, clock: Callable[[], float] = time.monotonic
) -> tuple[list[float], float]:
    """The same for a loop that sleeps one second at a time and counts seconds."""
    cues = timeline.all_cues()
    start = clock()
    late: list[float] = []
    elapsed = 0
    i = 0
    while elapsed < timeline.total_seconds:
        time.sleep(1)
        elapsed += 1
        now = clock()
        while i < len(cues) and cues[i].at <= elapsed:
            late.append(now - (start + cues[i].at))
            i += 1
        _work()
    return late, clock() - (start + timeline.total_seconds)


def run_bare_sleep(
    timeline: Timeline, clock: Callable[[], float] = time.monotonic
) -> tuple[list[float], float]:
    """The floor set by the machine: sleep straight to each deadline, no player, no work."""
    start = clock()
    late: list[float] = []
    for cue in timeline.all_cues():
        pause = start + cue.at - clock()
        if pause > 0:
            time.sleep(pause)
        late.append(clock() - (start + cue.at))
    return late, clock() - (start + timeline.total_seconds)


def _p(values: list[float], q: float) -> float:
    """The ``q`` quantile by the nearest-rank method (p99 of 100 values is the 99th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _row(name: str, late: list[float], drift: float) -> str:
    ms = [v * 1000 for v in late]
    return (
        f"{name:<7} cues {len(ms):>3}  lateness p50 {statistics.median(ms):7.2f} ms  "
        f"p95 {_p(ms, 0.95):7.2f} ms  p99 {_p(ms, 0.99):7.2f} ms  max {max(ms):7.2f} ms  "
        f"end drift {drift * 1000:7.2f} ms"
    )


def main() -> None:
    seconds = float(os.environ.get("SUPPLE_BENCH_SECONDS", "60"))
    timeline = _timeline(seconds)
    work = f"{WORK_S * 1000:g} ms work per wake-up"
    print(f"session of {seconds:g} s with {CUES} cues, real clock, {work}")
    print(_row("player", *run_player(timeline)), flush=True)
    print(_row("naive", *run_naive(timeline)), flush=True)
    print(_row("sleep", *run_bare_sleep(timeline)), flush=True)
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"load average at the end (1, 5, 15 min): {load} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
