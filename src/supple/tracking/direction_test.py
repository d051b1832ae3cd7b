"""A home directional-preference test: repeated movements, as physiotherapists do it.

The McKenzie method's repeated-movement assessment, made safe for home: ten slow repetitions of
extension, then of flexion, in standing (flexion sitting on a chair) or lying, asking before and
after each where the pain is (no pain, the back only, the buttock, the thigh, below the knee) and
whether it is more or less. Pain that moves back towards the spine (*centralises*) or eases marks
a preference for that direction; pain that spreads further down the leg (*peripheralises*) stops
that direction at once and is remembered (May & Aina 2012; Long 2004; Werneke 1999). Each move
is the library's, so the safety rules decide whether a person may do it.

The answers are stored as given; the result is worked out here each time it is read, so a later
change of the rule applies to earlier tests too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.library.jsontypes import Flag, Whole
from supple.library.model import Exercise
from supple.planner.direction import DIRECTIONS, Direction
from supple.safety.exclusions import rule_out
from supple.safety.profile import Profile

Location = Literal["none", "back", "buttock", "thigh", "below_knee"]
LOCATIONS: tuple[Location, ...] = get_args(Location)
Change = Literal["less", "same", "more"]
CHANGES: tuple[Change, ...] = get_args(Change)
TestPosition = Literal["standing", "lying"]
TEST_POSITIONS: tuple[TestPosition, ...] = get_args(TestPosition)
Outcome = Literal["centralised", "eased", "no_change", "worse", "spread", "not_tested"]

#: Repetitions of each direction.
REPS = 10
#: How far from the spine each answer is; a rise to the buttock or beyond is spreading.
REACH: dict[str, int] = {loc: rank for rank, loc in enumerate(LOCATIONS)}
SPREAD_FROM = REACH["buttock"]
#: The library move each direction is tested with, in each starting position. Flexion is
#: tested sitting (a forward lean on a chair) rather than bending to the toes while standing,
#: which Supple never prescribes.
TEST_MOVES: dict[str, dict[str, str]] = {
    "standing": {"extension": "standing_back_extension", "flexion": "chair_forward_lean"},
    "lying": {"extension": "prone_press_up", "flexion": "knee_to_chest_double"},
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Report(_Strict):
    """Where the pain is now, and whether it is more or less than before the repetitions."""

    where: Location
    change: Change = "same"


class Round(_Strict):
    """One direction tested: where the pain was before, how many repetitions were done, and
    the report after (``stopped``: the pain spread and the set was stopped at once)."""

    direction: Direction
    before: Location
    reps: Whole = Field(ge=0, le=REPS)
    after: Report
    stopped: Flag = False


class DirectionAnswers(_Strict):
    """Everything the person answered in one test (what the store keeps)."""

    position: TestPosition
    rounds: list[Round] = Field(min_length=1, max_length=2)

    @model_validator(mode="after")
    def _one_round_each(self) -> DirectionAnswers:
        ways = [r.direction for r in self.rounds]
        if len(set(ways)) != len(ways):
            raise ValueError("each direction is tested once")
        return self


def spreads(before: Location, now: Location) -> bool:
    """Whether pain reported ``now`` has spread further down the leg than ``before``."""
    return REACH[now] > REACH[before] and REACH[now] >= SPREAD_FROM


def outcome(round_: Round) -> Outcome:
    """What one direction did to the pain."""
    after = round_.after
    if round_.stopped or spreads(round_.before, after.where):
        return "spread"
    if REACH[after.where] < REACH[round_.before]:
        return "centralised"
    if after.where != round_.before:  # pain that appears in the back only
        return "worse"
    by_change: dict[str, Outcome] = {"less": "eased", "more": "worse", "same": "no_change"}
    return by_change[after.change]


@dataclass(frozen=True)
class DirectionResult:
    """The direction to favour (None: no clear preference), the ones that spread the pain,
    and what each direction did."""

    prefer: Direction | None
    avoid: tuple[Direction, ...]
    outcomes: dict[str, Outcome]

    @property
    def clear(self) -> bool:
        return self.prefer is not None


def result(answers: DirectionAnswers) -> DirectionResult:
    """The test's finding: the one direction that centralised the pain (else the one that
    eased it); none when both helped alike or neither did."""
    found: dict[str, Outcome] = dict.fromkeys(DIRECTIONS, "not_tested")
    for r in answers.rounds:
        found[r.direction] = outcome(r)
    avoid = tuple(d for d in DIRECTIONS if found[d] == "spread")
    prefer: Direction | None = None
    for level in ("centralised", "eased"):
        helped = [d for d in DIRECTIONS if found[d] == level]
        if helped:
            prefer = helped[0] if len(helped) == 1 else None
            break
    return DirectionResult(prefer=prefer, avoid=avoid, outcomes=found)


def moves_for(
    profile: Profile, library: Mapping[str, Exercise], position: TestPosition
) -> dict[str, Exercise | None]:
    """For each direction, the library move it is tested with, or None when the safety rules
    leave that move out for ``profile`` (that direction is then not tested)."""
    moves: dict[str, Exercise | None] = {}
    for direction in DIRECTIONS:
        exercise = library.get(TEST_MOVES[position][direction])
        allowed = (
            exercise is not None and not exercise.avoid and rule_out(exercise, profile) is None
        )
        moves[direction] = exercise if allowed else None
    return moves


__all__ = [
    "CHANGES",
    "LOCATIONS",
    "REPS",
    "TEST_MOVES",
    "TEST_POSITIONS",
    "DirectionAnswers",
    "DirectionResult",
    "Report",
    "Round",
    "moves_for",
    "outcome",
    "result",
    "spreads",
]
