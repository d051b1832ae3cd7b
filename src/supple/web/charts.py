"""Small inline SVG charts drawn on the server (no chart library, no script)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

W, H = 640, 240
PAD_L, PAD_R, PAD_T, PAD_B = 40, 14, 30, 34


@dataclass(frozen=True)
class Series:
    """Points (day, value) on a 0..10 scale, drawn as one line; an ``alt`` series is told apart
    by more than colour: a dashed line and square dots."""

    label: str
    points: Sequence[tuple[date, float]]
    alt: bool = False


def line_chart(series: Sequence[Series], *, title: str, max_value: float = 10) -> str:
    """An accessible SVG line chart of ``series`` over their dates."""
    days = [d for s in series for d, _ in s.points]
    if not days:
        return ""
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    iw, ih = W - PAD_L - PAD_R, H - PAD_T - PAD_B

    def x(d: date) -> float:
        return PAD_L + iw * ((d - first).days / span)

    def y(v: float) -> float:
        return PAD_T + ih * (1 - max(0.0, min(max_value, v)) / max_value)

    parts = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="c-{_slug(title)}">',
        f'<title id="c-{_slug(title)}">{escape(title)}</title>',
    ]
    for v in (0, max_value / 2, max_value):
        parts.append(
            f'<line class="axis" x1="{PAD_L}" x2="{W - PAD_R}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
            f'<text x="{PAD_L - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:g}</text>'
        )
    for d in (first, last) if last > first else (first,):  # one day: one label
        anchor = "start" if d == first else "end"
        parts.append(f'<text x="{x(d):.1f}" y="{H - 8}" text-anchor="{anchor}">{d:%d %b}</text>')
    if len(series) > 1:
        parts.extend(_legend(series))
    for s in series:
        pts = sorted(s.points)
        cls = "line alt" if s.alt else "line"
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in pts)
        if len(pts) > 1:
            parts.append(f'<polyline class="{cls}" points="{path}"/>')
        for d, v in pts[-60:]:
            tip = f"<title>{escape(s.label)} {d:%d %b}: {v:g}</title>"
            parts.append(_dot(x(d), y(v), s.alt, tip))
    parts.append("</svg>")
    return "".join(parts)


def _dot(cx: float, cy: float, alt: bool, inner: str = "") -> str:
    """A point: a round dot, or a square one for an ``alt`` series."""
    if alt:
        return (
            f'<rect class="dot after" x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8">'
            f"{inner}</rect>"
        )
    return f'<circle class="dot" cx="{cx:.1f}" cy="{cy:.1f}" r="4">{inner}</circle>'


def _legend(series: Sequence[Series]) -> list[str]:
    """A key in the top row: a short sample of each line and dot, and its label."""
    parts, left = [], PAD_L
    for s in series:
        cls = "line alt" if s.alt else "line"
        parts.append(
            f'<line class="{cls}" x1="{left}" x2="{left + 28}" y1="12" y2="12"/>'
            f"{_dot(left + 14, 12, s.alt)}"
            f'<text x="{left + 34}" y="17">{escape(s.label)}</text>'
        )
        left += 34 + 8 * len(s.label) + 24
    return parts


def calendar(
    done_days: Iterable[date], today: date, weeks: int = 5
) -> list[list[dict[str, object]]]:
    """Weeks (Monday first) ending with this one; each day says whether a session was done."""
    done = set(done_days)
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    rows = []
    for w in range(weeks):
        row = []
        for i in range(7):
            d = start + timedelta(days=7 * w + i)
            row.append({"day": d, "done": d in done, "future": d > today})
        rows.append(row)
    return rows


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower())[:40]
