"""Every exclusion, checked against an independent reading of issue 10 over random profiles.

``forbids`` below restates each rule from the issue's words, without the rules file; Hypothesis
draws profiles and exercises (the library's and made-up ones) and the two must agree.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.library import load_library
from supple.library.model import Exercise
from supple.library.vocab import EQUIPMENT, FLOOR_POSITIONS, LOADS, POSITIONS
from supple.safety import Profile, load_rules, rule_out
from supple.safety.profile import (
    CONDITIONS,
    HIP_APPROACHES,
    HOUSEHOLD_EQUIPMENT,
    PAIN_AREAS,
    RED_FLAGS,
)
from tests.safety.safetykit import make_exercise

LIBRARY = list(load_library().values())
GENTLE_PAIN = load_rules().gentle_pain_at_least


def hip_precautions(p: Profile) -> set[str]:
    """The loads a replaced hip must avoid now (issue 10: by approach and weeks)."""
    if "hip_replacement" not in p.conditions:
        return set()
    weeks = p.hip_replacement_weeks
    if not (p.hip_precautions_kept or weeks is None or weeks < 12):
        return set()
    out: set[str] = set()
    if p.hip_replacement_approach in ("posterior", "unknown"):
        out |= {"hip_flexion_deep", "hip_adduction_across_midline", "hip_internal_rotation"}
    if p.hip_replacement_approach in ("anterior", "unknown"):
        out.add("hip_extension_external_rotation")
    return out


def forbids(p: Profile, ex: Exercise) -> bool:
    """Whether issue 10 (and the rules before it) keeps ``ex`` out for ``p``."""
    loads, ends, pos = set(ex.loads), set(ex.end_range), ex.position
    has = set(p.conditions).__contains__
    bad: set[str] = set(hip_precautions(p))
    if has("osteoporosis"):
        bad |= {"spinal_flexion", "leg_lever_rotation"}  # gentle flexion is allowed
        if "spinal_rotation" in ends:
            return True
    if has("pregnancy"):
        bad |= {"head_below_hips", "single_leg_balance"}
        weeks = p.pregnancy_weeks
        if weeks is None or weeks > 12:
            bad.add("prone_lying")
            if pos == "prone":
                return True
        if weeks is None or weeks > 16:
            bad.add("supine_lying")
            if pos == "supine":
                return True
    if has("disc_herniation") or p.leg_pain_below_knee:
        bad.add("neural_tension")
    if has("knee_problem"):
        bad |= {"kneeling", "deep_knee_flexion"}
        if pos in ("kneeling", "all_fours"):
            return True
    if has("wrist_problem"):
        bad |= {"wrist_weight_bearing", "hand_support"}
    if has("shoulder_problem"):
        bad |= {"loaded_arms_overhead", "wrist_weight_bearing", "hand_support"}
    if has("balance_problem"):
        bad.add("single_leg_balance")
        if not {"chair", "wall"} & set(p.equipment):
            bad.add("balance_challenge")
    if has("glaucoma_or_high_blood_pressure"):
        bad.add("head_below_hips")
    if (has("spinal_stenosis") or has("spondylolisthesis")) and "spinal_extension" in ends:
        return True
    end_range_out = has("hypermobility") or p.pain_now >= GENTLE_PAIN
    end_range_out = end_range_out or "severe_pain_not_easing_for_days" in p.red_flags
    if end_range_out and ends:
        return True
    if "neck" in p.pain_areas or not p.can_lie_on_front:
        bad.add("prone_lying")
        if pos == "prone":
            return True
    if not p.can_kneel:
        bad.add("kneeling")
        if pos in ("kneeling", "all_fours"):
            return True
    if not p.can_get_to_floor and pos in FLOOR_POSITIONS:
        return True
    if ex.avoid or not set(ex.equipment) <= set(p.equipment):
        return True
    return bool(loads & bad)


@st.composite
def profiles(draw: st.DrawFn, focus: str | None = None) -> Profile:
    """Random valid profiles; ``focus`` (a condition) is always among their conditions."""
    conditions = draw(st.lists(st.sampled_from(CONDITIONS), unique=True, max_size=3))
    if focus is not None and focus not in conditions:
        conditions.append(focus)
    answers: dict[str, Any] = {
        "pain_areas": draw(st.lists(st.sampled_from(PAIN_AREAS), unique=True, max_size=3)),
        "pain_now": draw(st.integers(0, 10)),
        "red_flags": draw(st.lists(st.sampled_from(RED_FLAGS), unique=True, max_size=2)),
        "leg_pain_below_knee": draw(st.booleans()),
        "conditions": conditions,
        "age": draw(st.one_of(st.none(), st.integers(16, 60))),
        "can_get_to_floor": draw(st.booleans()),
        "can_kneel": draw(st.booleans()),
        "can_lie_on_front": draw(st.booleans()),
        "equipment": draw(
            st.one_of(
                st.just(list(HOUSEHOLD_EQUIPMENT)),
                st.lists(st.sampled_from(EQUIPMENT), unique=True),
            )
        ),
    }
    if "pregnancy" in conditions:
        answers["pregnancy_weeks"] = draw(st.one_of(st.none(), st.integers(0, 42)))
    if "hip_replacement" in conditions:
        answers["hip_replacement_approach"] = draw(st.sampled_from(HIP_APPROACHES))
        answers["hip_replacement_weeks"] = draw(
            st.one_of(st.none(), st.sampled_from([0, 6, 11.5, 12, 13, 52]))
        )
        answers["hip_precautions_kept"] = draw(st.booleans())
    return Profile(**answers)


@st.composite
def made_up_exercises(draw: st.DrawFn) -> Exercise:
    loads = draw(st.lists(st.sampled_from(LOADS), unique=True, max_size=4))
    return make_exercise(
        id="made_up",
        position=draw(st.one_of(st.just("standing"), st.sampled_from(POSITIONS))),
        equipment=draw(
            st.one_of(st.just([]), st.lists(st.sampled_from(EQUIPMENT), unique=True, max_size=2))
        ),
        loads=loads,
        end_range=draw(st.lists(st.sampled_from(loads), unique=True)) if loads else [],
    )


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(profiles(), st.sampled_from(LIBRARY))
def test_library_exclusions_match_the_issue(profile: Profile, exercise: Exercise) -> None:
    assert (rule_out(exercise, profile) is not None) == forbids(profile, exercise)


@pytest.mark.parametrize("focus", [None, *CONDITIONS])
def test_made_up_exercises_match_the_issue(focus: str | None) -> None:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(profiles(focus), made_up_exercises())
    def check(profile: Profile, exercise: Exercise) -> None:
        assert (rule_out(exercise, profile) is not None) == forbids(profile, exercise)

    check()
