"""The advice shown with a routine: stop if it hurts, gentle mode, the person's conditions,
clearances, and why the time differs from the minutes asked."""

from __future__ import annotations

from collections.abc import Sequence

from supple.safety.exclusion_rule import HIP_PRECAUTION_WEEKS, hip_precautions_in_force
from supple.safety.profile import Profile

#: How far the total may stray from the minutes asked for (the promise to the person).
TIME_TOLERANCE = 0.10
#: Gentle mode keeps sessions to 10-15 minutes; short bouts through the day instead of more.
GENTLE_MAX_MINUTES = 15

STOP_IF_IT_HURTS = (
    "Move slowly and only to a mild stretch, never into pain. Stop any move that hurts "
    "sharply or sends pain down a leg, and get checked if that keeps happening."
)
GENTLE = (
    "Gentle mode: your pain is high, so holds are shorter, there are fewer repetitions, no "
    "extra sets and no end-of-range moves. Short sessions of 10 to 15 minutes, or a few "
    "minutes of easy movement several times through the day, suit high pain better than one "
    "long session."
)
#: ACOG Committee Opinion 804 (2020); Mottola 2019: stop and seek care for these signs.
PREGNANCY_STOP_SIGNS = (
    "In pregnancy, stop and contact your maternity unit or midwife if you have bleeding, "
    "fluid leaking, regular painful tightening, dizziness or feeling faint, chest pain, "
    "breathlessness before you start, a headache, calf pain or swelling, or the baby moving "
    "less. If you feel light-headed lying down, turn onto your side. Pelvic-floor exercises "
    "are worth doing every day: your midwife can show you how."
)
LEG_SIGNS = (
    "If leg symptoms spread further down the leg during a move, stop that move: it is a sign "
    "to switch direction."
)
NERVE_TENSION = (
    "Straight-leg stretches with the ankle pulled up are left out while the leg hurts below "
    "the knee or with a disc problem; in any leg stretch, let the ankle relax."
)
HYPERMOBILITY = (
    "With very bendy joints, control matters more than stretch: move slowly, stay in the "
    "middle of the range and stop well before the end of any stretch."
)
BALANCE = (
    "With balance problems, keep a steady chair or a wall within reach for every standing move "
    "and hold it."
)


def session_minutes(asked: int, gentle: bool) -> int:
    """The minutes the routine aims at: as asked, or at most 15 in gentle mode."""
    return min(asked, GENTLE_MAX_MINUTES) if gentle else asked


def _hip_line(profile: Profile) -> str | None:
    if "hip_replacement" not in profile.conditions:
        return None
    if not hip_precautions_in_force(profile):
        return (
            f"It is {HIP_PRECAUTION_WEEKS} weeks or more since your hip replacement, so the hip "
            "precautions are no longer applied. If your surgeon or physio said to keep them, "
            "say so in your answers."
        )
    approach = profile.hip_replacement_approach
    which = {
        "posterior": "for a hip replaced from the back: no bending the hip past a right angle, "
        "no crossing the legs and no turning the leg inwards",
        "anterior": "for a hip replaced from the front: no taking the leg back behind you while "
        "it turns outwards",
        "unknown": "for both ways a hip is replaced, as you were not sure which you had",
    }[approach]
    return f"Your hip precautions apply ({which}). Standing up from a chair of good height is fine."


def time_line(total: int, target: int, asked: int) -> str | None:
    """Why the routine's time differs from the minutes asked, or None when it is close."""
    if abs(total - asked) <= TIME_TOLERANCE * asked:
        return None
    if target < asked and abs(total - target) <= TIME_TOLERANCE * target:
        return (
            f"Gentle mode keeps today's session to about {round(total / 60)} minutes instead of "
            f"{round(asked / 60)}: with pain this high, come back for another short session "
            "later in the day rather than doing more now."
        )
    if total < asked:
        return (
            f"Only about {round(total / 60)} of the {round(asked / 60)} minutes could be filled "
            "safely with the moves your answers allow, without taking any stretch past "
            "ACSM's limits (at most 4 holds and about 2 minutes each side). An easy walk is a "
            "good use of the rest of the time."
        )
    return (
        f"This routine takes about {round(total / 60)} minutes, more than the "
        f"{round(asked / 60)} asked: its moves could not be made any shorter safely."
    )


def advice_for(
    profile: Profile, *, gentle: bool, total: int, target: int, notes: Sequence[str]
) -> list[str]:
    """The advice printed with a routine (``target``: the seconds the routine aimed at)."""
    conditions = set(profile.conditions)
    advice = [STOP_IF_IT_HURTS]
    if gentle:
        advice.append(GENTLE)
    if "pregnancy" in conditions:
        advice.append(PREGNANCY_STOP_SIGNS)
    if "disc_herniation" in conditions or "buttock_or_leg" in profile.pain_areas:
        advice.append(LEG_SIGNS)
    if "disc_herniation" in conditions or profile.leg_pain_below_knee:
        advice.append(NERVE_TENSION)
    hip = _hip_line(profile)
    if hip:
        advice.append(hip)
    if "hypermobility" in conditions:
        advice.append(HYPERMOBILITY)
    if "balance_problem" in conditions:
        advice.append(BALANCE)
    timing = time_line(total, target, profile.minutes * 60)
    if timing:
        advice.append(timing)
    advice.extend(notes)
    return advice
