"""What the movement test and the sessions found about directions, for the next plan.

The latest directional-preference test sets the preferred direction and the directions to
avoid. A session in which leg symptoms spread further down the leg during a move, reported after
that test, leaves the move out and avoids the direction it bends the spine in. A new test
starts afresh: reports from before it no longer count (the test looks at the same question
more carefully).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pydantic import ValidationError

from supple.planner.direction import DIRECTIONS, Direction, Findings, bends
from supple.planner.phrase import Phrase, phrase
from supple.tracking.direction_test import DirectionAnswers, DirectionResult, result
from supple.tracking.model import DirectionTestRecord, TrackingInput

if TYPE_CHECKING:
    from supple.library.model import Exercise

#: The reason given for each outcome of a tested direction.
_TEST_REASONS = {"centralised": "test_centralised", "eased": "test_eased", "spread": "test_spread"}


@dataclass(frozen=True)
class Found:
    """The findings for the planner, and the moves to leave out after a session spread."""

    findings: Findings
    leave_out: dict[str, str] = field(default_factory=dict)


def latest_test(data: TrackingInput) -> tuple[DirectionTestRecord, DirectionResult] | None:
    """The newest test whose answers are valid, with its result."""
    for record in reversed(data.direction_tests):
        try:
            answers = DirectionAnswers.model_validate(record.answers)
        except ValidationError:
            continue  # a test kept by an older version that no longer reads: skip it
        return record, result(answers)
    return None


def findings(data: TrackingInput, library: Mapping[str, Exercise]) -> Found | None:
    """What the latest test and the sessions since found (None: nothing yet)."""
    test = latest_test(data)
    since = test[0].day if test else date.min
    spread = [s for s in data.spreads if s.day >= since]
    if test is None and not spread:
        return None
    prefer: Direction | None = None
    avoid: set[Direction] = set()
    reasons: list[Phrase] = []
    if test is not None:
        record, found = test
        prefer, avoid = found.prefer, set(found.avoid)
        for direction in DIRECTIONS:
            code = _TEST_REASONS.get(found.outcomes[direction])
            if code:
                reasons.append(phrase(code, bias=direction, day=record.day.isoformat()))
    leave_out: dict[str, str] = {}
    for report in spread:
        exercise = library.get(report.exercise)
        name = exercise.name if exercise else report.exercise
        leave_out[report.exercise] = (
            f"your leg symptoms spread further down the leg during {name} on {report.day}"
        )
        for direction in DIRECTIONS:
            if exercise is not None and bends(exercise, direction):
                avoid.add(direction)
                reasons.append(
                    phrase(
                        "session_spread",
                        exercise=name,
                        bias=direction,
                        day=report.day.isoformat(),
                    )
                )
    if prefer in avoid:
        prefer = None
    ordered = [d for d in DIRECTIONS if d in avoid]
    return Found(Findings(prefer=prefer, avoid=ordered, reasons=reasons), leave_out)


__all__ = ["Found", "findings", "latest_test"]
