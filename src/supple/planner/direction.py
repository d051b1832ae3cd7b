"""What a directional-preference test and the person's sessions found about the directions of
movement, and how it steers the routine.

A direction the test found to centralise or ease the pain sets the routine's bias, in place of
the guess from what eases and worsens the pain; a direction that sent leg symptoms further down
the leg (in the test, or during a move of a session) is switched off: no move that bends the
spine that way, and no bias towards it (McKenzie method: Long 2004; May & Aina 2012).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from supple.planner.phrase import Phrase, phrase

if TYPE_CHECKING:  # tracking imports this through the adjustments: keep it light
    from supple.library.model import Exercise
    from supple.planner.model import Bias

Direction = Literal["extension", "flexion"]
DIRECTIONS: tuple[Direction, ...] = ("extension", "flexion")
#: The loads that bend the spine each way (gentle flexion counts as flexion, as in the bias).
DIRECTION_LOADS: dict[str, frozenset[str]] = {
    "extension": frozenset({"spinal_extension"}),
    "flexion": frozenset({"spinal_flexion", "spinal_flexion_gentle"}),
}
#: The rule id shown on a move left out because its direction spread the leg symptoms.
SPREAD_RULE = "direction_spreads"


class Findings(BaseModel):
    """The direction to favour (if a test found one), the directions to leave out, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prefer: Direction | None = None
    avoid: list[Direction] = Field(default_factory=list)
    reasons: list[Phrase] = Field(default_factory=list, description="what was found, as codes")


def bends(exercise: Exercise, direction: str) -> bool:
    """Whether ``exercise`` bends the spine in ``direction``."""
    return bool(DIRECTION_LOADS[direction] & set(exercise.loads))


def steer(
    bias: Bias, why: Phrase, findings: Findings | None, *, directional: bool
) -> tuple[Bias, list[Phrase]]:
    """The bias and its reasons once the findings are taken into account.

    ``directional``: the pain is where a preferred direction is known to help (lower back and
    leg); elsewhere a test's preference is not applied, but a direction that spread symptoms is
    still avoided.
    """
    if findings is None:
        return bias, [why]
    if directional and findings.prefer is not None and findings.prefer not in findings.avoid:
        return findings.prefer, [phrase("lean_test", bias=findings.prefer), *findings.reasons]
    if bias in findings.avoid:
        return "neutral", [phrase("avoid_direction", bias=bias), *findings.reasons]
    if findings.avoid:
        return bias, [why, *findings.reasons]
    return bias, [why]


__all__ = ["DIRECTIONS", "SPREAD_RULE", "Direction", "Findings", "bends", "steer"]
