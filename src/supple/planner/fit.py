"""Time fitting: move each item along its dose ladder until the session fits the minutes.

When a routine caps the share of its time spent in stretches (chronic pain), the fitting never
lets a stretch grow past that share, and shortens stretches (filling the time with the other
moves) when the starting doses already pass it.
"""

from __future__ import annotations

from collections.abc import Sequence

from supple.planner.composition import is_stretch
from supple.planner.dose import DoseChoice
from supple.planner.objective import Candidate, transitions

#: Fitting stops once the total is within this share of the target (the promise is 10%).
TIGHT = 0.02


class _Fit:
    """Where each item stands on its ladder, and the totals that follow."""

    def __init__(self, sequence: Sequence[Candidate], max_share: float | None) -> None:
        self.sequence = sequence
        self.secs = [[d.seconds(c.exercise.sided) for d in c.ladder] for c in sequence]
        self.base = [c.ladder.index(c.dose) for c in sequence]
        self.idx = list(self.base)
        self.stretch = [is_stretch(c.exercise) for c in sequence]
        self.max_share = max_share
        self.total = transitions(sequence) + sum(
            s[i] for s, i in zip(self.secs, self.idx, strict=True)
        )

    def after(self, k: int, step: int) -> int:
        """The total if item ``k`` moved ``step`` along its ladder."""
        return self.total + self.secs[k][self.idx[k] + step] - self.secs[k][self.idx[k]]

    def can_move(self, k: int, step: int) -> bool:
        return 0 <= self.idx[k] + step < len(self.secs[k])

    def stretch_seconds(self) -> int:
        return sum(s[i] for s, i, st in zip(self.secs, self.idx, self.stretch, strict=True) if st)

    def share_ok(self, k: int | None = None, step: int = 0) -> bool:
        """Whether the stretch share stays within the cap (after item ``k`` moves ``step``)."""
        if self.max_share is None:
            return True
        stretch, total = self.stretch_seconds(), self.total
        if k is not None:
            delta = self.secs[k][self.idx[k] + step] - self.secs[k][self.idx[k]]
            total += delta
            stretch += delta if self.stretch[k] else 0
        return stretch <= self.max_share * total

    def move(self, k: int, step: int) -> None:
        self.total = self.after(k, step)
        self.idx[k] += step

    def progress(self, k: int, direction: int) -> float:
        length, base = len(self.secs[k]), self.base[k]
        room = (length - 1 - base) if direction > 0 else base
        return abs(self.idx[k] - base) / room if room else 1.0

    def doses(self) -> list[DoseChoice]:
        return [c.ladder[i] for c, i in zip(self.sequence, self.idx, strict=True)]


def fit_doses(
    sequence: Sequence[Candidate], target: int, *, max_stretch_share: float | None = None
) -> list[DoseChoice]:
    """A dose per item of ``sequence`` bringing the total as near ``target`` as the ladders allow
    (and, with ``max_stretch_share``, the stretches within that share of the time).

    Steps are spread evenly: the item that has moved least (relative to its ladder) moves next,
    and a step that would overshoot the window is skipped for that item.
    """
    fit = _Fit(sequence, max_stretch_share)
    lo, hi = target * (1 - TIGHT), target * (1 + TIGHT)
    _cap_stretches(fit)
    for direction in (1, -1):
        blocked: set[int] = set()
        while (fit.total < lo if direction > 0 else fit.total > hi) and len(blocked) < len(
            sequence
        ):
            open_items = [
                k
                for k in range(len(sequence))
                if k not in blocked
                and fit.can_move(k, direction)
                and (direction < 0 or fit.share_ok(k, direction))
            ]
            if not open_items:
                break
            k = min(open_items, key=lambda k: (fit.progress(k, direction), k))
            new_total = fit.after(k, direction)
            if (direction > 0 and new_total > hi) or (direction < 0 and new_total < lo):
                blocked.add(k)
                continue
            fit.move(k, direction)
    # Polish: big steps may have jumped over the window; take any step that gets nearer.
    improved = True
    while improved and not lo <= fit.total <= hi:
        improved = False
        for k in range(len(sequence)):
            for step in (1, -1):
                if not fit.can_move(k, step) or not fit.share_ok(k, step):
                    continue
                if abs(fit.after(k, step) - target) < abs(fit.total - target):
                    fit.move(k, step)
                    improved = True
    return fit.doses()


def _cap_stretches(fit: _Fit) -> None:
    """Shorten the longest stretches, one ladder step at a time, until the share fits."""
    while not fit.share_ok():
        down = [k for k in range(len(fit.sequence)) if fit.stretch[k] and fit.can_move(k, -1)]
        if not down:
            return
        k = max(down, key=lambda k: (fit.secs[k][fit.idx[k]], -k))
        fit.move(k, -1)


def stretch_share_of(sequence: Sequence[Candidate], doses: Sequence[DoseChoice]) -> float:
    """The share of the session's time in stretches at ``doses``."""
    seconds = [d.seconds(c.exercise.sided) for c, d in zip(sequence, doses, strict=True)]
    total = transitions(sequence) + sum(seconds)
    stretch = sum(s for c, s in zip(sequence, seconds, strict=True) if is_stretch(c.exercise))
    return stretch / total if total else 0.0
