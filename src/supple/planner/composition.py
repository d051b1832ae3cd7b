"""What a routine is made of, by how long the pain has lasted.

Stretching alone does about as well as nothing for chronic low back pain (Owen 2020); exercise
that strengthens and controls is what helps (Hayden 2021; NICE NG59 1.2.1), so a routine for
pain of 12 weeks or more holds at least two strength or motor-control moves and spends at most
half its time in stretches. An acute episode (under 6 weeks) settles best with staying active
(Dahm 2010): gentle movement, an easy walk and the direction that eases, with fewer long holds.
Between the two, the usual mix with one strength move.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from supple.library.model import Exercise
from supple.safety.profile import Profile

Stage = Literal["acute", "subacute", "chronic"]

#: Under this many weeks an episode is acute; from the second number on, chronic (NICE NG59).
ACUTE_BEFORE_WEEKS = 6
CHRONIC_FROM_WEEKS = 12
#: A chronic routine this long or longer must hold the strength moves and the stretch cap.
FULL_MIX_FROM_MINUTES = 10
#: At least this many strength or motor-control moves in a chronic routine (when time allows).
CHRONIC_MIN_STRENGTH = 2
#: At most this share of a chronic routine's time in stretches.
CHRONIC_MAX_STRETCH_SHARE = 0.5
#: An acute routine of this length or more starts with an easy walk.
ACUTE_WALK_FROM_MINUTES = 10
#: The walk that starts an acute routine: about 3 minutes, 2 to 5 when fitting time.
ACUTE_WALK_S = 180
ACUTE_WALK_RANGE_S = (120, 300)
WALK_ID = "walking"


def stage_of(pain_weeks: float) -> Stage:
    """How long the pain has lasted, as the guidelines group it."""
    if pain_weeks < ACUTE_BEFORE_WEEKS:
        return "acute"
    return "chronic" if pain_weeks >= CHRONIC_FROM_WEEKS else "subacute"


@dataclass(frozen=True, slots=True)
class Mix:
    """The make-up a routine aims at: how many strength moves at least, the most time in
    stretches, whether movement is favoured over holds, and whether it opens with a walk."""

    stage: Stage
    min_strength: int
    max_stretch_share: float | None
    favour_movement: bool
    opening_walk: bool


def mix_for(profile: Profile, minutes: int, gentle: bool) -> Mix:
    """The mix for ``profile`` in a routine of ``minutes``."""
    stage = stage_of(profile.pain_weeks)
    full = minutes >= FULL_MIX_FROM_MINUTES
    if stage == "chronic":
        return Mix(
            stage,
            min_strength=CHRONIC_MIN_STRENGTH if full else 1,
            max_stretch_share=CHRONIC_MAX_STRETCH_SHARE if full else None,
            favour_movement=False,
            opening_walk=False,
        )
    if stage == "acute":
        return Mix(
            stage,
            min_strength=0,
            max_stretch_share=None,
            favour_movement=True,
            opening_walk=full and not gentle,
        )
    return Mix(stage, 1, None, favour_movement=False, opening_walk=False)


def is_strength(exercise: Exercise) -> bool:
    """A strength or motor-control move (the library's ``strength`` kind)."""
    return exercise.kind == "strength"


def is_stretch(exercise: Exercise) -> bool:
    """A stretch: a position held to lengthen a muscle."""
    return exercise.kind == "stretch"


def is_movement(exercise: Exercise) -> bool:
    """Gentle movement through a range: a mobility move or any flowing dose."""
    return exercise.kind == "mobility" or exercise.dose.flowing


def stretch_share(timed: Iterable[tuple[Exercise, int]], total: int) -> float:
    """The share of ``total`` seconds spent in the stretches of (exercise, seconds) pairs."""
    if total <= 0:
        return 0.0
    return sum(seconds for ex, seconds in timed if is_stretch(ex)) / total


__all__ = [
    "ACUTE_WALK_S",
    "CHRONIC_MAX_STRETCH_SHARE",
    "CHRONIC_MIN_STRENGTH",
    "Mix",
    "Stage",
    "is_movement",
    "is_strength",
    "is_stretch",
    "mix_for",
    "stage_of",
    "stretch_share",
]
