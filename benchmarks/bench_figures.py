"""Time drawing every figure of the library: loading the keyframes, validating, rendering SVG."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from supple.figures import figure_ids, load_figure, render_exercise_svg
from supple.figures.validate import figure_errors
from supple.library import load_library

ROUNDS = 5
TARGET_S = 1.0


def _timed(work: Callable[[], None]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    library = load_library()
    ids = figure_ids()

    def load_all() -> None:
        load_figure.cache_clear()
        for exercise_id in ids:
            load_figure(exercise_id)

    def validate_all() -> None:
        for exercise_id in ids:
            ex = library[exercise_id]
            figure_errors(
                load_figure(exercise_id), ex.position, flowing_or_sided=ex.sided or ex.dose.flowing
            )

    sizes: list[int] = []

    def render_all(animated: bool) -> None:
        sizes.clear()
        for exercise_id in ids:
            sizes.append(len(render_exercise_svg(library[exercise_id], animated=animated)))

    rows: list[tuple[str, Callable[[], None]]] = [
        ("load and parse every figure file", load_all),
        ("validate every keyframe", validate_all),
        ("render every figure, still", lambda: render_all(False)),
        ("render every figure, animated", lambda: render_all(True)),
    ]
    print(f"{len(ids)} figures, {ROUNDS} rounds, median (best) in seconds")
    total = 0.0
    for label, work in rows:
        times = [_timed(work) for _ in range(ROUNDS)]
        total += statistics.median(times)
        print(f"  {label:34} {statistics.median(times):.3f} ({min(times):.3f})")
    ok = "within" if total < TARGET_S else "OVER"
    print(f"  {'all of the above':34} {total:.3f}  ({ok} the {TARGET_S:.0f} s target)")
    print(
        f"  animated SVG size: median {statistics.median(sizes) / 1024:.1f} KiB, "
        f"largest {max(sizes) / 1024:.1f} KiB, total {sum(sizes) / 1024:.0f} KiB"
    )
