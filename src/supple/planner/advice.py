"""The advice shown with a routine, as codes: stop if it hurts, gentle mode, the person's
conditions, clearances, and why the time differs from the minutes asked (the words are made by
``supple.presentation``)."""

from __future__ import annotations

from collections.abc import Sequence

from supple.planner.composition import Mix
from supple.planner.pathways import pathways_for
from supple.planner.phrase import Phrase, phrase
from supple.safety.exclusion_rule import HIP_PRECAUTION_WEEKS, hip_precautions_in_force
from supple.safety.profile import Profile

#: How far the total may stray from the minutes asked for (the promise to the person).
TIME_TOLERANCE = 0.10
#: Gentle mode keeps sessions to 10-15 minutes; short bouts through the day instead of more.
GENTLE_MAX_MINUTES = 15


def session_minutes(asked: int, gentle: bool) -> int:
    """The minutes the routine aims at: as asked, or at most 15 in gentle mode."""
    return min(asked, GENTLE_MAX_MINUTES) if gentle else asked


def _hip_line(profile: Profile) -> Phrase | None:
    if "hip_replacement" not in profile.conditions:
        return None
    if not hip_precautions_in_force(profile):
        return phrase("hip_precautions_over", weeks=HIP_PRECAUTION_WEEKS)
    return phrase("hip_precautions", approach=profile.hip_replacement_approach)


def time_line(total: int, target: int, asked: int) -> Phrase | None:
    """Why the routine's time differs from the minutes asked, or None when it is close."""
    if abs(total - asked) <= TIME_TOLERANCE * asked:
        return None
    minutes = {"minutes": round(total / 60), "asked": round(asked / 60)}
    if target < asked and abs(total - target) <= TIME_TOLERANCE * target:
        return phrase("time_gentle", **minutes)
    return phrase("time_short" if total < asked else "time_long", **minutes)


def programme_lines(profile: Profile, mix: Mix) -> list[Phrase]:
    """What the routine is made of and why: its mix for how long the pain has lasted, and the
    advice of each condition pathway the person is on."""
    lines = []
    if mix.stage == "chronic" and mix.min_strength >= 2:
        lines.append(phrase("mix_chronic"))
    elif mix.stage == "acute":
        lines.append(phrase("mix_acute", walk=mix.opening_walk))
    lines.extend(phrase(path.advice) for path in pathways_for(profile))
    return lines


def advice_for(
    profile: Profile, *, gentle: bool, total: int, target: int, notes: Sequence[Phrase]
) -> list[Phrase]:
    """The advice shown with a routine (``target``: the seconds the routine aimed at)."""
    conditions = set(profile.conditions)
    advice = [phrase("move_gently")]
    if gentle:
        advice.append(phrase("gentle_mode"))
    if "pregnancy" in conditions:
        advice.append(phrase("pregnancy_stop_signs"))
    if "disc_herniation" in conditions or "buttock_or_leg" in profile.pain_areas:
        advice.append(phrase("leg_symptoms"))
    if "disc_herniation" in conditions or profile.leg_pain_below_knee:
        advice.append(phrase("nerve_tension"))
    hip = _hip_line(profile)
    if hip:
        advice.append(hip)
    if "hypermobility" in conditions:
        advice.append(phrase("hypermobility"))
    if "balance_problem" in conditions:
        advice.append(phrase("balance"))
    timing = time_line(total, target, profile.minutes * 60)
    if timing:
        advice.append(timing)
    advice.extend(notes)
    return advice
