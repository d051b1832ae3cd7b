"""Time drawing every figure: loading, validating, rendering the still, animation and thumbnail."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

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

    sizes: dict[str, list[int]] = {}

    def render_all(label: str, **how: Any) -> None:
        sizes[label] = [len(render_exercise_svg(library[i], **how)) for i in ids]

    # In this order a still works out each figure's pass (IK, ghost, arrows) and the animation
    # and thumbnail that follow reuse it, as a page showing all three does.
    rows: list[tuple[str, Callable[[], None]]] = [
        ("load and parse every figure file", load_all),
        ("validate every keyframe", validate_all),
        ("render every figure, still", lambda: render_all("still", animated=False)),
        ("render every figure, animated", lambda: render_all("animated", animated=True)),
        ("render every figure, thumbnail", lambda: render_all("thumb", size="thumb")),
    ]
    # Every round starts from the files (the parse cache cleared, so each figure's pass is
    # worked out again): the timings are the cost of a cold render, not of a cache.
    runs = [[_timed(work) for _, work in rows] for _ in range(ROUNDS)]
    print(f"{len(ids)} figures, {ROUNDS} cold rounds, median (best) in seconds")
    for i, (label, _) in enumerate(rows):
        times = [run[i] for run in runs]
        print(f"  {label:34} {statistics.median(times):.3f} ({min(times):.3f})")
    totals = [sum(run) for run in runs]
    total = statistics.median(totals)
    ok = "within" if total < TARGET_S else "OVER"
    print(f"  {'all of the above':34} {total:.3f} ({min(totals):.3f})  ({ok} the 1 s target)")
    for label, found in sizes.items():
        print(
            f"  {label} SVG size: median {statistics.median(found) / 1024:.1f} KiB, "
            f"largest {max(found) / 1024:.1f} KiB, total {sum(found) / 1024:.0f} KiB"
        )
