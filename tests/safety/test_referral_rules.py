"""One table test per referral rule, plus how rules combine."""

from __future__ import annotations

from typing import Any

import pytest

from supple.safety import Profile, load_rules, routine_allowed, screen
from supple.safety.rules import RulesError, parse_rules

QUIET: dict[str, Any] = {"age": 35, "pain_weeks": 1, "pain_now": 3}

# rule id -> (answers that trigger it, expected urgency, routine still given)
CASES: dict[str, tuple[dict[str, Any], str, bool]] = {
    "cauda_equina_signs": ({"red_flags": ["saddle_numbness"]}, "emergency", False),
    "both_legs": ({"red_flags": ["both_legs_symptoms"]}, "emergency", False),
    "chest_pain": ({"red_flags": ["chest_pain"]}, "emergency", False),
    "infection_signs": ({"red_flags": ["fever_or_chills"]}, "urgent", False),
    "cancer_signs": ({"red_flags": ["unexplained_weight_loss"]}, "urgent", False),
    "fracture_signs": ({"red_flags": ["major_trauma"]}, "urgent", False),
    "severe_pain_not_easing": (
        {"red_flags": ["severe_pain_not_easing_for_days"]},
        "soon",
        True,
    ),
    "new_pain_past_50": ({"age": 51, "pain_weeks": 2}, "soon", True),
    "new_pain_under_20": ({"age": 19, "pain_weeks": 1}, "soon", True),
    "no_improvement_4_weeks": ({"pain_weeks": 4, "pain_now": 5}, "soon", True),
    "recent_spinal_surgery": ({"conditions": ["recent_spinal_surgery"]}, "soon", False),
}


def test_every_referral_rule_has_a_case() -> None:
    assert {r.id for r in load_rules().referrals} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_referral_rule(rule_id: str) -> None:
    answers, urgency, routine = CASES[rule_id]
    profile = Profile(**{**QUIET, **answers})
    rule = load_rules().referral(rule_id)
    assert rule.matches(profile)
    referral = screen(profile)
    assert referral is not None
    assert referral.urgency == urgency
    assert rule.reason in referral.reasons
    assert routine_allowed(profile) is routine
    assert rule.source


def test_a_quiet_profile_is_not_referred() -> None:
    assert screen(Profile(**QUIET)) is None
    assert routine_allowed(Profile(**QUIET))


@pytest.mark.parametrize(
    "answers",
    [
        {"age": 50, "pain_weeks": 1},  # 50 is not past 50
        {"age": 60, "pain_weeks": 6},  # not new any more
        {"age": 20, "pain_weeks": 1},
        {"pain_weeks": 3.5, "pain_now": 8},  # under four weeks
        {"pain_weeks": 10, "pain_now": 4},  # improving: below 5 out of 10
        {"age": None, "pain_weeks": 1},  # age unknown: the age rules stay quiet
    ],
)
def test_soon_rules_boundaries(answers: dict[str, Any]) -> None:
    assert screen(Profile(**{**QUIET, **answers})) is None


def test_the_most_urgent_rule_leads_and_every_reason_is_given() -> None:
    profile = Profile(**{**QUIET, "age": 70, "red_flags": ["chest_pain", "fever_or_chills"]})
    referral = screen(profile)
    assert referral is not None
    assert referral.urgency == "emergency"
    assert len(referral.reasons) == 3
    assert "emergency" in referral.advice


def test_blocking_advice_never_invites_exercise() -> None:
    profile = Profile(**{**QUIET, "age": 70, "conditions": ["recent_spinal_surgery"]})
    referral = screen(profile)
    assert referral is not None and referral.urgency == "soon"
    assert "routine below" not in referral.advice
    assert not routine_allowed(profile)


def test_wording_never_diagnoses() -> None:
    for rule in load_rules().referrals:
        text = f"{rule.reason} {rule.advice}".lower()
        for word in ("you have cancer", "diagnos", "you have an infection", "fracture"):
            assert word not in text, (rule.id, word)


def test_a_broken_rules_file_names_the_field() -> None:
    with pytest.raises(RulesError, match="urgency"):
        parse_rules(
            "gentle_pain_at_least: 7\nreferrals:\n- {id: x, urgency: later, flags: [chest_pain],"
            " reason: some reason here, advice: some advice here, source: me}\n"
            "exclusions:\n- {id: y, always: true, loads: [kneeling], sentence: needs kneeling"
            " a lot, source: me}\n"
        )


def test_docs_list_every_rule() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "safety.md").read_text("utf-8")
    rules = load_rules()
    for rule_id in [r.id for r in rules.referrals] + [r.id for r in rules.exclusions]:
        assert f"`{rule_id}`" in text, rule_id
    assert all(r.source for r in rules.exclusions)


def test_the_plan_carries_the_safety_referral() -> None:
    from supple.planner.model import Plan
    from supple.safety.referral import Referral

    assert Plan.model_fields["referral"].annotation == Referral | None
