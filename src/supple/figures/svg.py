"""Small SVG helpers: number formatting and SMIL animation of an attribute over a pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

_POINT_ZERO = re.compile(r"\.0(?![0-9])")


def fmt(v: float) -> str:
    """A coordinate with one decimal, without a trailing ``.0`` or a negative zero."""
    text = f"{v:.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")


def tidy(data: str) -> str:
    """Path data formatted with one decimal, without the ``.0`` of whole numbers."""
    return _POINT_ZERO.sub("", data)


@dataclass(frozen=True)
class Timeline:
    """When each drawn position is shown in one pass of ``total`` seconds (0: a still)."""

    times: tuple[float, ...] = (0.0,)
    total: float = 0.0

    def animate(self, attr: str, values: list[str]) -> str:
        """An ``<animate>`` stepping ``attr`` through ``values``, or "" when nothing changes."""
        if not self.total or len(set(values)) == 1:
            return ""
        keys = ";".join(f"{t / self.total:.4f}" for t in self.times)
        return (
            f'<animate attributeName="{attr}" dur="{fmt(self.total)}s" repeatCount="indefinite" '
            f'keyTimes="{keys}" values="{";".join(values)}"/>'
        )
