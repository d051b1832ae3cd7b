"""The screening questions as web steps, and the form answers turned into a Profile.

The questions ask for exactly the fields of :class:`supple.safety.profile.Profile`; the rules
that judge the answers are the domain's (``supple.safety.screen``), the same as ``supple check``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from supple.safety.profile import Profile

PAIN_AREAS = {
    "lower_back": "Lower back",
    "upper_back": "Upper back, between the shoulder blades",
    "neck": "Neck",
    "buttock_or_leg": "Buttock or down a leg",
    "hip": "Hip",
}
ACTIVITIES = {
    "bending_forward": "Bending forward",
    "bending_backward": "Leaning back",
    "sitting": "Sitting",
    "standing": "Standing",
    "walking": "Walking",
    "lying_down": "Lying down",
    "twisting": "Twisting",
}
RED_FLAGS = {
    "bladder_or_bowel_change": "New trouble holding or passing urine, or controlling the bowels",
    "saddle_numbness": "Numbness or tingling around the genitals, bottom or inner thighs",
    "leg_weakness_or_numbness_worsening": "Weakness or numbness in a leg that is getting worse",
    "both_legs_symptoms": "Pain, pins and needles or weakness in both legs",
    "chest_pain": "Chest pain together with the back pain",
    "fever_or_chills": "A fever, chills or feeling generally unwell",
    "unexplained_weight_loss": "Losing weight without trying",
    "cancer_history": "Cancer now or in the past",
    "major_trauma": "The pain started after a fall, crash or heavy blow",
    "minor_trauma_with_osteoporosis_or_steroids": (
        "A small knock or fall, and you have thin bones or take steroid tablets long-term"
    ),
    "constant_night_pain": "Pain at night that does not change whatever position you lie in",
    "immunosuppression_or_iv_drug_use": (
        "A weakened immune system (from illness or medicine), or injecting drugs"
    ),
    "severe_pain_not_easing_for_days": "Severe pain that has not eased at all for several days",
}
CONDITIONS = {
    "pregnancy": "Pregnant",
    "osteoporosis": "Osteoporosis (thin bones)",
    "hip_replacement": "A hip replacement",
    "recent_spinal_surgery": "Back or neck surgery in the last months",
    "spinal_stenosis": "Spinal stenosis (a narrowed spinal canal)",
    "spondylolisthesis": "Spondylolisthesis (a slipped vertebra)",
    "disc_herniation": "A slipped or bulging disc",
    "knee_problem": "A knee problem",
    "wrist_problem": "A wrist problem",
    "balance_problem": "Trouble keeping your balance",
}
EQUIPMENT = {
    "mat": "A mat or soft floor",
    "towel_or_strap": "A towel or strap",
    "chair": "A sturdy chair",
    "wall": "A clear wall",
    "doorway": "A doorway",
    "step": "A step or stair",
}
MULTI = ("pain_areas", "eases_with", "worse_with", "red_flags", "conditions", "equipment")
BOOLS = ("can_get_to_floor", "can_kneel", "can_lie_on_front")


@dataclass(frozen=True)
class Step:
    """One screen of the questionnaire."""

    id: str
    title: str
    hint: str
    fields: Sequence[str] = field(default_factory=tuple)


STEPS: tuple[Step, ...] = (
    Step(
        "flags",
        "First, a safety check",
        "Do any of these apply to you right now? Tick every one that does. If none do, go on.",
        ("red_flags",),
    ),
    Step("where", "Where does it hurt?", "Tick every area that hurts.", ("pain_areas",)),
    Step(
        "how",
        "How is it today?",
        "0 means no pain and 10 the worst pain you can imagine.",
        ("pain_now", "pain_weeks", "age"),
    ),
    Step(
        "moves",
        "What helps and what makes it worse?",
        "Leave a box empty when you are not sure.",
        ("eases_with", "worse_with"),
    ),
    Step(
        "health",
        "Anything we should plan around?",
        "Tick what applies; these change which moves you get.",
        ("conditions", "pregnancy_weeks"),
    ),
    Step(
        "body",
        "Getting down and what you have",
        "Your routine only uses positions you can reach and things you have.",
        ("can_get_to_floor", "can_kneel", "can_lie_on_front", "equipment", "minutes"),
    ),
)


class FormError(ValueError):
    """Answers that do not make a valid profile; the message names the question."""


def _int(raw: str | None, name: str) -> int | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise FormError(f"{name}: '{raw}' is not a whole number") from None


def _float(raw: str | None, name: str) -> float | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return float(raw)
    except ValueError:
        raise FormError(f"{name}: '{raw}' is not a number") from None


def profile_from_form(form: Mapping[str, Sequence[str]]) -> Profile:
    """Build a Profile from the screening form (multi-valued fields are lists)."""
    data: dict[str, Any] = {name: list(form.get(name, [])) for name in MULTI}
    if not data["pain_areas"]:
        data["pain_areas"] = ["lower_back"]
    for name in BOOLS:
        values = form.get(name, ["yes"])
        data[name] = (values[-1] if values else "yes") != "no"
    for name, convert in (
        ("pain_now", _int),
        ("pain_weeks", _float),
        ("age", _int),
        ("pregnancy_weeks", _int),
        ("minutes", _int),
    ):
        values = form.get(name, [])
        value = convert(values[-1] if values else None, name)
        if value is not None:
            data[name] = value
    if data.get("pregnancy_weeks") is not None and "pregnancy" not in data["conditions"]:
        data.pop("pregnancy_weeks")  # a stray number left in a hidden box is not a contradiction
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise FormError(readable(exc)) from None


def readable(exc: ValidationError) -> str:
    """One line naming the field and the problem."""
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"] if p != "body") or "request"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)
