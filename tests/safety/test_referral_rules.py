"""One table test per referral rule, plus how rules combine."""

from __future__ import annotations

from typing import Any

import pytest

from supple.safety import Profile, load_rules, matched_rules, routine_allowed, screen
from supple.safety.exclusion_rule import ExclusionRule
from supple.safety.rules import ReferralRule, RulesError, parse_rules

QUIET: dict[str, Any] = {"age": 35, "pain_weeks": 1, "pain_now": 3}

NECK = {"pain_areas": ["neck"]}
# rule id -> (answers that trigger it, expected urgency, routine still given)
CASES: dict[str, tuple[dict[str, Any], str, bool]] = {
    # emergency: now
    "cauda_equina_signs": ({"red_flags": ["saddle_numbness"]}, "emergency", False),
    "both_legs": ({"red_flags": ["both_legs_symptoms"]}, "emergency", False),
    "chest_pain": ({"red_flags": ["chest_pain"]}, "emergency", False),
    "serious_injury": ({"red_flags": ["major_trauma"]}, "emergency", False),
    "infection_with_nerve_signs": (
        {"red_flags": ["fever_or_chills", "hand_clumsiness_or_unsteady_walking"]},
        "emergency",
        False,
    ),
    "stroke_signs": ({**NECK, "red_flags": ["stroke_like_signs"]}, "emergency", False),
    "sudden_headache": ({**NECK, "red_flags": ["sudden_severe_headache"]}, "emergency", False),
    "pulsing_belly_pain": (
        {"age": 62, "red_flags": ["pulsing_abdominal_pain"]},
        "emergency",
        False,
    ),
    "pregnancy_warning": (
        {"conditions": ["pregnancy"], "red_flags": ["pregnancy_warning_signs"]},
        "emergency",
        False,
    ),
    # urgent: today
    "infection_signs": ({"red_flags": ["fever_or_chills"]}, "urgent", False),
    "recent_infection_or_procedure": (
        {"red_flags": ["recent_infection_or_spinal_procedure"]},
        "urgent",
        False,
    ),
    "pulsing_belly_pain_under_50": (
        {"age": 40, "red_flags": ["pulsing_abdominal_pain"]},
        "urgent",
        False,
    ),
    "cancer_signs": ({"red_flags": ["unexplained_weight_loss"]}, "urgent", False),
    "past_cancer_with_signs": ({"age": 55, "red_flags": ["cancer_history"]}, "urgent", False),
    "fracture_signs": (
        {"red_flags": ["minor_trauma_with_osteoporosis_or_steroids"]},
        "urgent",
        False,
    ),
    "neck_injury": ({**NECK, "red_flags": ["recent_neck_injury_or_manipulation"]}, "urgent", False),
    "neck_nerve_signs": (
        {**NECK, "red_flags": ["hand_clumsiness_or_unsteady_walking"]},
        "urgent",
        False,
    ),
    "thoracic_pain_with_risk": (
        {"age": 58, "pain_areas": ["upper_back"], "red_flags": ["thoracic_pain_non_mechanical"]},
        "urgent",
        False,
    ),
    # soon: within one to two weeks
    "thoracic_pain": (
        {"pain_areas": ["upper_back"], "red_flags": ["thoracic_pain_non_mechanical"]},
        "soon",
        True,
    ),
    "cancer_history_alone": ({"red_flags": ["cancer_history"]}, "soon", True),
    "immune_risk": ({"red_flags": ["immunosuppression_or_iv_drug_use"]}, "soon", True),
    "inflammatory_back_pain": (
        {
            "age": 30,
            "pain_weeks": 20,
            "red_flags": ["morning_stiffness_over_30_min", "pain_better_with_exercise_not_rest"],
        },
        "soon",
        True,
    ),
    "severe_pain_not_easing": (
        {"red_flags": ["severe_pain_not_easing_for_days"]},
        "soon",
        True,
    ),
    "new_pain_past_50": ({"age": 51, "pain_weeks": 2}, "soon", True),
    "new_pain_under_20": ({"age": 19, "pain_weeks": 1}, "soon", True),
    "no_improvement_4_weeks": ({"pain_weeks": 4, "pain_now": 5}, "soon", True),
    "recent_spinal_surgery": ({"conditions": ["recent_spinal_surgery"]}, "soon", False),
    "under_16": ({"age": 15, "pain_weeks": 8}, "soon", False),
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
        {"age": 16, "pain_weeks": 8},  # 16 is an adult for NICE NG59
        {"pain_weeks": 3.5, "pain_now": 8},  # under four weeks
        {"pain_weeks": 10, "pain_now": 4},  # improving: below 5 out of 10
        {"age": None, "pain_weeks": 1},  # age unknown: the age rules stay quiet
        # inflammatory back pain needs both features, 3 months, and a start before 45
        {"age": 30, "pain_weeks": 20, "red_flags": ["morning_stiffness_over_30_min"]},
        {
            "age": 30,
            "pain_weeks": 12,
            "red_flags": ["morning_stiffness_over_30_min", "pain_better_with_exercise_not_rest"],
        },
        {
            "age": 46,
            "pain_weeks": 26,  # began at about 45.5
            "red_flags": ["morning_stiffness_over_30_min", "pain_better_with_exercise_not_rest"],
        },
    ],
)
def test_soon_rules_boundaries(answers: dict[str, Any]) -> None:
    assert screen(Profile(**{**QUIET, **answers})) is None


@pytest.mark.parametrize(
    ("answers", "rule_id", "urgency"),
    [
        # trauma is an emergency now (it was urgent)
        ({"red_flags": ["major_trauma"]}, "serious_injury", "emergency"),
        # fever: urgent alone, an emergency with any nerve sign
        ({"red_flags": ["fever_or_chills"]}, "infection_signs", "urgent"),
        (
            {"red_flags": ["fever_or_chills", "leg_weakness_or_numbness_worsening"]},
            "infection_with_nerve_signs",
            "emergency",
        ),
        (
            {"red_flags": ["fever_or_chills", "saddle_numbness"]},
            "infection_with_nerve_signs",
            "emergency",
        ),
        # a risk factor alone is weighed: past cancer alone soon, with a symptom urgent
        ({"age": 40, "red_flags": ["cancer_history"]}, "cancer_history_alone", "soon"),
        ({"age": 51, "red_flags": ["cancer_history"]}, "past_cancer_with_signs", "urgent"),
        (
            {"age": 40, "pain_areas": ["upper_back"], "red_flags": ["cancer_history"]},
            "past_cancer_with_signs",
            "urgent",
        ),
        (
            {"age": 40, "red_flags": ["cancer_history", "constant_night_pain"]},
            "past_cancer_with_signs",
            "urgent",
        ),
        (
            {"age": 40, "red_flags": ["cancer_history", "unexplained_weight_loss"]},
            "past_cancer_with_signs",
            "urgent",
        ),
        # immunosuppression alone soon, with a fever urgent
        ({"red_flags": ["immunosuppression_or_iv_drug_use"]}, "immune_risk", "soon"),
        (
            {"red_flags": ["immunosuppression_or_iv_drug_use", "fever_or_chills"]},
            "infection_signs",
            "urgent",
        ),
        # non-mechanical upper back pain: urgent past 50 or with a past cancer, else soon
        ({"age": 40, "red_flags": ["thoracic_pain_non_mechanical"]}, "thoracic_pain", "soon"),
        (
            {"age": 51, "red_flags": ["thoracic_pain_non_mechanical"]},
            "thoracic_pain_with_risk",
            "urgent",
        ),
        (
            {"age": 40, "red_flags": ["thoracic_pain_non_mechanical", "cancer_history"]},
            "past_cancer_with_signs",
            "urgent",
        ),
        # a pulsing belly: an emergency past 50 or when the age is not given
        ({"age": None, "red_flags": ["pulsing_abdominal_pain"]}, "pulsing_belly_pain", "emergency"),
        (
            {"age": 50, "red_flags": ["pulsing_abdominal_pain"]},
            "pulsing_belly_pain_under_50",
            "urgent",
        ),
    ],
)
def test_weighted_rules(answers: dict[str, Any], rule_id: str, urgency: str) -> None:
    profile = Profile(**{**QUIET, **answers})
    active = [r.id for r in matched_rules(profile)]
    assert rule_id in active, active
    assert load_rules().referral(rule_id).urgency == urgency
    referral = screen(profile)
    assert referral is not None and referral.urgency == urgency


@pytest.mark.parametrize(
    ("silent", "louder", "answers"),
    [
        (
            "cancer_history_alone",
            "past_cancer_with_signs",
            {"age": 60, "red_flags": ["cancer_history"]},
        ),
        (
            "infection_signs",
            "infection_with_nerve_signs",
            {"red_flags": ["fever_or_chills", "trouble_walking"]},
        ),
        (
            "immune_risk",
            "infection_signs",
            {"red_flags": ["fever_or_chills", "immunosuppression_or_iv_drug_use"]},
        ),
        (
            "thoracic_pain",
            "thoracic_pain_with_risk",
            {"age": 70, "red_flags": ["thoracic_pain_non_mechanical"]},
        ),
        ("new_pain_under_20", "under_16", {"age": 14, "pain_weeks": 1}),
    ],
)
def test_a_louder_rule_silences_its_quieter_twin(
    silent: str, louder: str, answers: dict[str, Any]
) -> None:
    active = [r.id for r in matched_rules(Profile(**{**QUIET, **answers}))]
    assert louder in active and silent not in active


def test_the_most_urgent_rule_leads_and_every_reason_is_given() -> None:
    profile = Profile(**{**QUIET, "age": 70, "red_flags": ["chest_pain", "fever_or_chills"]})
    referral = screen(profile)
    assert referral is not None
    assert referral.urgency == "emergency"
    assert len(referral.reasons) == 3
    assert "emergency" in referral.advice


@pytest.mark.parametrize("rule", load_rules().referrals, ids=lambda r: r.id)
def test_tiers_mean_time(rule: ReferralRule) -> None:
    words = {
        "emergency": ["now"],
        "urgent": ["today", "within 24 hours"],
        "soon": ["within one to two weeks"],
    }[rule.urgency]
    for word in words:
        assert word in rule.advice, (rule.id, word)
    if rule.urgency in ("emergency", "urgent"):
        assert not rule.routine_allowed  # no exercise for emergency or urgent
    if rule.urgency == "emergency":
        assert not rule.clearable


def test_advice_that_breaks_its_tier_is_refused() -> None:
    text = (
        "gentle_pain_at_least: 7\nreferrals:\n- {id: x, urgency: urgent, when: {flags: "
        "[chest_pain]}, reason: some reason here, advice: see a doctor in a while, source: a test, "
        "evidence: weak}\nexclusions:\n- {id: y, always: true, loads: [kneeling], sentence: "
        "needs kneeling a lot, source: a test, evidence: weak}\n"
    )
    with pytest.raises(RulesError, match="today"):
        parse_rules(text)


def test_under_16_gets_a_routine_only_when_a_clinician_assigned_it() -> None:
    child = Profile(**{**QUIET, "age": 14})
    assert not routine_allowed(child)
    assert routine_allowed(child, clinician_assigned=True)
    adult = Profile(**{**QUIET, "age": 40, "conditions": ["recent_spinal_surgery"]})
    assert not routine_allowed(adult, clinician_assigned=True)  # only rules that allow it


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
            "gentle_pain_at_least: 7\nreferrals:\n- {id: x, urgency: later, when: {flags: "
            "[chest_pain]}, reason: some reason here, advice: some advice here, source: me, "
            "evidence: weak}\nexclusions:\n- {id: y, always: true, loads: [kneeling], sentence: "
            "needs kneeling a lot, source: me, evidence: weak}\n"
        )


def test_docs_list_every_rule_with_its_evidence() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "safety.md").read_text("utf-8")
    rules = load_rules()
    rows: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("| `"):
            rows.setdefault(line.split("|")[1].strip(), []).append(line)
    every: list[ReferralRule | ExclusionRule] = [*rules.referrals, *rules.exclusions]
    for rule in every:
        found = rows.get(f"`{rule.id}`", [])
        evidence = rule.evidence.replace("_", " ")
        # the rule's row in its table ends with the strength of the evidence
        assert any(row.rstrip(" |").endswith(evidence) for row in found), (rule.id, evidence)
    assert all(r.source for r in rules.exclusions)


def test_the_plan_carries_the_safety_referral() -> None:
    from supple.planner.model import Plan
    from supple.safety.referral import Referral

    assert Plan.model_fields["referral"].annotation == Referral | None
