"""Time fitting: move each item along its dose ladder until the session fits the minutes."""

from __future__ import annotations

from collections.abc import Sequence

from supple.planner.dose import DoseChoice
from supple.planner.objective import Candidate, transitions

#: Fitting stops once the total is within this share of the target (the promise is 10%).
TIGHT = 0.02


def fit_doses(sequence: Sequence[Candidate], target: int) -> list[DoseChoice]:
    """A dose per item of ``sequence`` bringing the total as near ``target`` as the ladders allow.

    Steps are spread evenly: the item that has moved least (relative to its ladder) moves next,
    and a step that would overshoot the window is skipped for that item.
    """
    moves = transitions(sequence)
    secs = [[d.seconds(c.exercise.sided) for d in c.ladder] for c in sequence]
    base = [c.ladder.index(c.dose) for c in sequence]
    idx = list(base)
    total = moves + sum(s[i] for s, i in zip(secs, idx, strict=True))
    lo, hi = target * (1 - TIGHT), target * (1 + TIGHT)
    for direction in (1, -1):
        blocked: set[int] = set()
        while (total < lo if direction > 0 else total > hi) and len(blocked) < len(sequence):
            open_items = [
                k
                for k in range(len(sequence))
                if k not in blocked and 0 <= idx[k] + direction < len(secs[k])
            ]
            if not open_items:
                break
            k = min(
                open_items, key=lambda k: (_progress(idx[k], base[k], len(secs[k]), direction), k)
            )
            new_total = total + secs[k][idx[k] + direction] - secs[k][idx[k]]
            if (direction > 0 and new_total > hi) or (direction < 0 and new_total < lo):
                blocked.add(k)
                continue
            idx[k] += direction
            total = new_total
    # Polish: big steps may have jumped over the window; take any step that gets nearer.
    improved = True
    while improved and not lo <= total <= hi:
        improved = False
        for k in range(len(sequence)):
            for step in (1, -1):
                j = idx[k] + step
                if 0 <= j < len(secs[k]):
                    new_total = total + secs[k][j] - secs[k][idx[k]]
                    if abs(new_total - target) < abs(total - target):
                        idx[k], total, improved = j, new_total, True
    return [c.ladder[i] for c, i in zip(sequence, idx, strict=True)]


def _progress(i: int, base: int, length: int, direction: int) -> float:
    room = (length - 1 - base) if direction > 0 else base
    return abs(i - base) / room if room else 1.0
