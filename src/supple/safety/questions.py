"""The screening questionnaire as data: one plain-language question per answer field.

Adapters (the terminal's ``supple check``, the web form) ask these in order and build the
answers into a :class:`~supple.safety.profile.Profile`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

QuestionKind = Literal["choices", "number", "yes_no", "red_flag"]


def _always(_answers: Mapping[str, Any]) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    """One question: which field it fills, how it is asked, and when it is asked at all."""

    field: str
    text: str
    kind: QuestionKind
    choices: tuple[tuple[str, str], ...] = ()
    low: float = 0
    high: float = 0
    optional: bool = False
    default: Any = None
    hint: str = ""
    flag: str = ""
    whole: bool = True
    asked_if: Callable[[Mapping[str, Any]], bool] = dataclasses.field(default=_always)


AREAS = (
    ("lower_back", "lower back"),
    ("upper_back", "upper back, between the shoulder blades"),
    ("neck", "neck"),
    ("buttock_or_leg", "buttock or down a leg"),
    ("hip", "hip"),
)
ACTIVITY_WORDS = (
    ("bending_forward", "bending forward"),
    ("bending_backward", "leaning backward"),
    ("sitting", "sitting"),
    ("standing", "standing"),
    ("walking", "walking"),
    ("lying_down", "lying down"),
    ("twisting", "twisting"),
)
CONDITION_WORDS = (
    ("pregnancy", "I am pregnant"),
    ("osteoporosis", "osteoporosis (thin bones)"),
    ("hip_replacement", "a hip replacement"),
    ("recent_spinal_surgery", "spine surgery in the last few months"),
    ("spinal_stenosis", "spinal stenosis (narrowing in the spine)"),
    ("spondylolisthesis", "spondylolisthesis (a slipped vertebra)"),
    ("disc_herniation", "a slipped or bulging disc"),
    ("knee_problem", "a knee problem"),
    ("wrist_problem", "a wrist problem"),
    ("balance_problem", "problems with balance or falls"),
)
EQUIPMENT_WORDS = (
    ("mat", "an exercise mat or a carpet"),
    ("towel_or_strap", "a towel, belt or strap"),
    ("chair", "a steady chair without wheels"),
    ("wall", "a free wall"),
    ("doorway", "a doorway"),
    ("step", "a stair or step"),
    ("band", "a resistance band"),
    ("stick", "a broom handle or a long stick"),
)

#: (flag, question) for every red flag, asked one by one: these decide whether to refer.
RED_FLAG_QUESTIONS = (
    (
        "bladder_or_bowel_change",
        "Since this pain began, have you had any new trouble controlling your bladder or bowels?",
    ),
    (
        "saddle_numbness",
        "Is there numbness or tingling around your genitals, bottom or inner thighs?",
    ),
    (
        "leg_weakness_or_numbness_worsening",
        "Is a leg getting weaker or more numb?",
    ),
    ("both_legs_symptoms", "Do you have pain, pins and needles or numbness in both legs?"),
    ("chest_pain", "Do you have pain in your chest as well as your back?"),
    ("fever_or_chills", "Have you had a fever, or felt hot and shivery, with this pain?"),
    ("unexplained_weight_loss", "Have you lost weight lately without trying to?"),
    ("cancer_history", "Have you ever been treated for cancer?"),
    (
        "major_trauma",
        "Did the pain start after a bad fall, a road accident or another hard knock?",
    ),
    (
        "minor_trauma_with_osteoporosis_or_steroids",
        "Did it start after a small fall or bump while you have thin bones or take steroid "
        "tablets long-term?",
    ),
    ("constant_night_pain", "Does the pain stay all night, whichever way you lie?"),
    (
        "immunosuppression_or_iv_drug_use",
        "Do you take medicine that weakens your immune system, or inject drugs?",
    ),
    (
        "severe_pain_not_easing_for_days",
        "Has the pain been severe for days without easing at all?",
    ),
)


def _pregnant(answers: Mapping[str, Any]) -> bool:
    return "pregnancy" in answers.get("conditions", [])


def _floor(answers: Mapping[str, Any]) -> bool:
    return bool(answers.get("can_get_to_floor", True))


QUESTIONS: tuple[Question, ...] = (
    Question("pain_areas", "Where is the pain?", "choices", AREAS, hint="pick all that apply"),
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
    *(Question("red_flags", text, "red_flag", flag=flag) for flag, text in RED_FLAG_QUESTIONS),
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
        asked_if=_pregnant,
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


class AnswerError(ValueError):
    """A typed answer that does not fit its question; the message says what to type."""


def parse_answer(question: Question, raw: str) -> Any:
    """The value of a typed answer to a number or choices question (None: skipped)."""
    text = raw.strip()
    if question.kind == "number":
        if not text and question.optional:
            return None
        try:
            value = float(text)
        except ValueError:
            raise AnswerError("Please type a number.") from None
        if not question.low <= value <= question.high:
            raise AnswerError(f"Please give a number from {question.low:g} to {question.high:g}.")
        if question.whole:
            if value != int(value):
                raise AnswerError("Please give a whole number.")
            return int(value)
        return value
    if question.kind != "choices":
        raise ValueError(f"{question.field} is answered yes or no, not typed")
    try:
        picked = [int(p) for p in text.replace(" ", ",").split(",") if p.strip()]
    except ValueError:
        raise AnswerError("Please type the numbers of your choices, like 1,3.") from None
    if any(not 1 <= p <= len(question.choices) for p in picked):
        raise AnswerError(f"Please pick numbers from 1 to {len(question.choices)}.")
    return list(dict.fromkeys(question.choices[p - 1][0] for p in picked))
