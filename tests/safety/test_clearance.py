"""Clearance: a clinician's dated check silences a sign for 12 months, never an emergency."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from supple.library import load_library
from supple.planner import make_plan
from supple.presentation import render_plan
from supple.safety import Profile, assess, load_rules, routine_allowed, screen
from supple.safety.screen import bout_clearances

TODAY = date(2026, 5, 4)
QUIET: dict[str, Any] = {"age": 35, "pain_weeks": 1, "pain_now": 3}


def _profile(flags: list[str], cleared: list[tuple[str, date]], **more: Any) -> Profile:
    return Profile(
        **{
            **QUIET,
            **more,
            "red_flags": flags,
            "cleared": [{"flag": f, "on": on, "by": "Dr Lee"} for f, on in cleared],
        }
    )


@pytest.mark.parametrize(
    ("flag", "more"),
    [
        ("cancer_history", {}),  # soon
        ("cancer_history", {"age": 60, "pain_weeks": 8}),  # urgent (with age over 50)
        ("immunosuppression_or_iv_drug_use", {}),
        ("minor_trauma_with_osteoporosis_or_steroids", {}),
        ("recent_infection_or_spinal_procedure", {}),
        ("severe_pain_not_easing_for_days", {}),
        ("unexplained_weight_loss", {}),
        (
            "thoracic_pain_non_mechanical",
            {"pain_areas": ["upper_back"], "age": 55, "pain_weeks": 8},
        ),
        ("recent_neck_injury_or_manipulation", {"pain_areas": ["neck"]}),
    ],
)
def test_a_cleared_urgent_or_soon_flag_no_longer_refers(flag: str, more: dict[str, Any]) -> None:
    before = _profile([flag], [], **more)
    after = _profile([flag], [(flag, TODAY - timedelta(days=30))], **more)
    assert screen(before, today=TODAY) is not None
    assert screen(after, today=TODAY) is None
    assert routine_allowed(after, today=TODAY)


@pytest.mark.parametrize(
    "flag",
    sorted(
        {
            f
            for r in load_rules().referrals
            if r.urgency == "emergency"
            for f in r.when.flags_named()
        }
    ),
)
def test_emergency_signs_are_never_cleared(flag: str) -> None:
    more: dict[str, Any] = {"age": 60, "pain_weeks": 8}
    if flag == "pregnancy_warning_signs":
        more["conditions"] = ["pregnancy"]
    # Fever and clumsy hands are emergencies together (each alone is urgent).
    pair = {"fever_or_chills", "hand_clumsiness_or_unsteady_walking"}
    flags = sorted(pair) if flag in pair else [flag]
    profile = _profile(flags, [(f, TODAY) for f in flags], **more)
    referral = screen(profile, today=TODAY)
    assert referral is not None and referral.urgency == "emergency"
    assert flag not in load_rules().clearable_flags()


@pytest.mark.parametrize(
    ("rule_id", "answers"),
    [
        ("no_improvement_4_weeks", {"pain_weeks": 30, "pain_now": 6}),
        ("new_pain_past_50", {"age": 70, "pain_weeks": 2}),
        ("new_pain_under_20", {"age": 18, "pain_weeks": 2}),
        ("recent_spinal_surgery", {"conditions": ["recent_spinal_surgery"]}),
    ],
)
def test_derived_rules_are_cleared_by_their_id(rule_id: str, answers: dict[str, Any]) -> None:
    plain = _profile([], [], **answers)
    assert [r.id for r in assess(plain, today=TODAY).rules] == [rule_id]
    [entry] = bout_clearances(plain, by="my physio", on=TODAY - timedelta(weeks=2))
    assert entry.flag == rule_id
    cleared = plain.model_copy(update={"cleared": [entry]})
    assert screen(cleared, today=TODAY) is None
    assert routine_allowed(cleared, today=TODAY)


@pytest.mark.parametrize(
    ("age_days", "counts"),
    [(0, True), (365, True), (366, False), (-1, False)],  # -1: dated tomorrow
)
def test_clearance_lapses_after_12_months(age_days: int, counts: bool) -> None:
    on = TODAY - timedelta(days=age_days)
    profile = _profile(["cancer_history"], [("cancer_history", on)])
    assert (screen(profile, today=TODAY) is None) is counts
    if age_days == 366:
        notes = assess(profile, today=TODAY).notes()
        assert any("more than 12 months old" in n for n in notes)


def test_the_newest_clearance_counts() -> None:
    old, new = TODAY - timedelta(days=500), TODAY - timedelta(days=10)
    profile = _profile(["cancer_history"], [("cancer_history", old), ("cancer_history", new)])
    [used] = assess(profile, today=TODAY).cleared
    assert used.on == new


def test_a_new_sign_beside_a_checked_one_still_refers() -> None:
    # The past cancer was checked; new night pain has not been: the urgent rule stays.
    profile = _profile(
        ["cancer_history", "constant_night_pain"], [("cancer_history", TODAY - timedelta(days=3))]
    )
    referral = screen(profile, today=TODAY)
    assert referral is not None and referral.urgency == "urgent"


def test_the_routine_says_who_checked_and_when() -> None:
    profile = _profile(
        ["cancer_history"],
        [("cancer_history", date(2026, 3, 10))],
        age=60,
        pain_weeks=8,
        minutes=10,
    )
    plan = render_plan(make_plan(profile, load_library(), seed=1, day=TODAY))
    assert plan.status == "plan" and plan.items
    line = next(a for a in plan.advice if a.startswith("Checked by"))
    assert "Dr Lee" in line and "10 March 2026" in line


def test_clearing_an_absent_sign_changes_nothing() -> None:
    profile = _profile([], [("cancer_history", TODAY)])
    assert screen(profile, today=TODAY) is None
    assert assess(profile, today=TODAY).cleared == []
