"""The screening questionnaire as data: one plain-language question per answer field.

Adapters (the terminal's ``supple check``, the web form) ask these in order and build the
answers into a :class:`~supple.safety.profile.Profile`. A yes to a red flag that a
clinician's check can clear is followed by :data:`CLEARANCE_QUESTION`.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError

from supple.safety.answers import AnswerError, parse_answer, parse_check, parse_clearance
from supple.safety.profile import Profile
from supple.safety.question import Answers, Question, always
from supple.safety.question_words import (
    ACTIVITY_WORDS,
    AREAS,
    CLEARANCE_BY,
    CLEARANCE_BY_DEFAULT,
    CLEARANCE_HINT,
    CLEARANCE_ON,
    CLEARANCE_QUESTION,
    CONDITION_WORDS,
    EQUIPMENT_WORDS,
    HIP_APPROACH_WORDS,
    RED_FLAG_HINTS,
    RED_FLAG_QUESTIONS,
)
from supple.safety.rules import load_rules

__all__ = [
    "ACTIVITY_WORDS",
    "AREAS",
    "CLEARANCE_BY",
    "CLEARANCE_BY_DEFAULT",
    "CLEARANCE_HINT",
    "CLEARANCE_ON",
    "CLEARANCE_QUESTION",
    "CONDITION_WORDS",
    "EQUIPMENT_WORDS",
    "HIP_APPROACH_WORDS",
    "QUESTIONS",
    "RED_FLAG_QUESTIONS",
    "AnswerError",
    "Question",
    "parse_answer",
    "parse_check",
    "parse_clearance",
]


def _has(field: str, value: str) -> Callable[[Answers], bool]:
    return lambda answers: value in answers.get(field, [])


def _floor(answers: Answers) -> bool:
    return bool(answers.get("can_get_to_floor", True))


def _neck_or_upper_back(answers: Answers) -> bool:
    return bool({"neck", "upper_back"} & set(answers.get("pain_areas", [])))


def _over_50_or_unknown(answers: Answers) -> bool:
    age = answers.get("age")
    return age is None or age > 50


def _three_months(answers: Answers) -> bool:
    return float(answers.get("pain_weeks", 0)) >= 13


def _kept_past_12_weeks(answers: Answers) -> bool:
    weeks = answers.get("hip_replacement_weeks")
    return "hip_replacement" in answers.get("conditions", []) and weeks is not None and weeks >= 12


def _bout_needs_checking(answers: Answers) -> bool:
    """Whether a clearable rule (such as pain past 4 weeks) matches the answers so far."""
    try:
        profile = Profile.model_validate({k: v for k, v in answers.items() if k != "cleared"})
    except ValidationError:
        return False
    return any(r.clearable and r.matches(profile) for r in load_rules().referrals)


#: Red flags asked only of some people (the web form shows their hint instead).
_RED_FLAG_ASKED_IF: dict[str, Callable[[Answers], bool]] = {
    "stroke_like_signs": _neck_or_upper_back,
    "sudden_severe_headache": _neck_or_upper_back,
    "hand_clumsiness_or_unsteady_walking": _neck_or_upper_back,
    "recent_neck_injury_or_manipulation": _neck_or_upper_back,
    "thoracic_pain_non_mechanical": _neck_or_upper_back,
    "pulsing_abdominal_pain": _over_50_or_unknown,
    "pregnancy_warning_signs": _has("conditions", "pregnancy"),
    "morning_stiffness_over_30_min": _three_months,
    "pain_better_with_exercise_not_rest": _three_months,
}


def _red_flag_questions() -> tuple[Question, ...]:
    clearable = load_rules().clearable_flags()
    return tuple(
        Question(
            "red_flags",
            text,
            "red_flag",
            flag=flag,
            hint=RED_FLAG_HINTS.get(flag, ""),
            clearable=flag in clearable,
            asked_if=_RED_FLAG_ASKED_IF.get(flag, always),
        )
        for flag, text in RED_FLAG_QUESTIONS
    )


QUESTIONS: tuple[Question, ...] = (
    Question("pain_areas", "Where is the pain?", "choices", AREAS, hint="pick all that apply"),
    Question(
        "leg_pain_below_knee",
        "Does the pain reach below the knee?",
        "yes_no",
        default=False,
        asked_if=_has("pain_areas", "buttock_or_leg"),
    ),
    Question(
        "pain_now",
        "How bad is it right now, from 0 (none) to 10 (worst)?",
        "number",
        low=0,
        high=10,
    ),
    Question(
        "pain_weeks",
        "How many weeks has this bout of pain lasted?",
        "number",
        low=0,
        high=1040,
        hint="0.5 for a few days",
        whole=False,
    ),
    Question(
        "eases_with",
        "What makes it feel better?",
        "choices",
        ACTIVITY_WORDS,
        hint="pick any, or none",
    ),
    Question(
        "worse_with",
        "What makes it feel worse?",
        "choices",
        ACTIVITY_WORDS,
        hint="pick any, or none",
    ),
    Question(
        "conditions",
        "Do any of these apply to you?",
        "choices",
        CONDITION_WORDS,
        hint="pick any, or none",
    ),
    Question(
        "pregnancy_weeks",
        "How many weeks pregnant are you?",
        "number",
        low=0,
        high=42,
        optional=True,
        hint="only if you are pregnant",
        asked_if=_has("conditions", "pregnancy"),
    ),
    Question(
        "hip_replacement_approach",
        "How was the hip replaced?",
        "one_of",
        HIP_APPROACH_WORDS,
        default="unknown",
        hint="only with a hip replacement; your surgeon's letter says",
        asked_if=_has("conditions", "hip_replacement"),
    ),
    Question(
        "hip_replacement_weeks",
        "How many weeks ago was the hip replaced?",
        "number",
        low=0,
        high=1040,
        optional=True,
        hint="only with a hip replacement; leave empty if unsure",
        whole=False,
        asked_if=_has("conditions", "hip_replacement"),
    ),
    Question(
        "hip_precautions_kept",
        "Did your surgeon or physio tell you to keep your hip precautions for longer?",
        "yes_no",
        default=False,
        hint="only if the hip was replaced 12 weeks ago or more",
        asked_if=_kept_past_12_weeks,
    ),
    Question(
        "age",
        "How old are you?",
        "number",
        low=12,
        high=110,
        optional=True,
        hint="leave empty to skip",
    ),
    *_red_flag_questions(),
    Question(
        "cleared",
        "Has a doctor or physio already checked this bout of back pain?",
        "clearance",
        hint="in the last 12 months",
        asked_if=_bout_needs_checking,
    ),
    Question(
        "can_get_to_floor", "Can you get down to the floor and up again?", "yes_no", default=True
    ),
    Question("can_kneel", "Can you kneel comfortably?", "yes_no", default=True, asked_if=_floor),
    Question(
        "can_lie_on_front", "Can you lie on your front?", "yes_no", default=True, asked_if=_floor
    ),
    Question(
        "equipment",
        "What do you have at home?",
        "choices",
        EQUIPMENT_WORDS,
        hint="pick all that apply",
    ),
    Question(
        "minutes",
        "How many minutes do you have, from 3 to 60?",
        "number",
        low=3,
        high=60,
        default=15,
    ),
)
