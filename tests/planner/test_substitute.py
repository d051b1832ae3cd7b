"""One swap rule: the routine page's swaps and the easier variant of a move that hurts agree, on
the planner's dose and the safety exclusions (the terminal's copy used the variant's raw dose)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from supple.library import load_library
from supple.planner import timing
from supple.planner.adjust import Adjustments
from supple.planner.dose import base_dose
from supple.planner.model import Excluded, Plan
from supple.planner.plan import plan_item
from supple.planner.substitute import Substitution, SwapRefused, Variant
from supple.presentation import why
from supple.safety import load_rules
from supple.safety.profile import Profile
from supple.session.coach import Coach
from supple.session.player import Player
from supple.session.timeline import build_timeline

LIB = load_library()


def _plan(*ids: str, profile: Profile, excluded: tuple[str, ...] = ()) -> Plan:
    gentle = load_rules().gentle(profile)
    items = [plan_item(LIB[i], base_dose(LIB[i], gentle=gentle, age=profile.age), []) for i in ids]
    return Plan(
        status="plan",
        items=items,
        total_seconds=timing.total_seconds(items),
        excluded=[Excluded(exercise=e, rule="left out in the test") for e in excluded],
    )


def test_an_older_adults_easier_variant_holds_as_long_as_the_planner_says() -> None:
    older = Profile(age=70)
    plan = _plan("march_on_the_spot", "standing_hamstring_stretch", profile=older)
    rule = Substitution(profile=older, library=LIB)
    variant = rule.easier(plan, 1)
    assert variant is not None and variant.id == "chair_hamstring_stretch"
    after = rule.after_hurt(plan, 1)
    assert after is not None
    assert [i.exercise for i in after.items] == [
        "march_on_the_spot",
        "standing_hamstring_stretch",
        "chair_hamstring_stretch",
    ]
    held = after.items[2].hold_s
    # 30 s from 65 (ACSM), not the entry's 20 s: the terminal's copy of the rule gave 20 s.
    assert held == base_dose(variant, age=70).hold_s
    assert held != variant.dose.hold_s
    assert after.total_seconds == timing.total_seconds(after.items)


def test_gentle_mode_and_earned_hold_steps_shape_the_variant() -> None:
    sore = Profile(pain_now=8)
    plan = _plan("standing_hamstring_stretch", profile=sore)
    variant = LIB["chair_hamstring_stretch"]
    gentle = Substitution(profile=sore, library=LIB).after_hurt(plan, 0)
    assert gentle is not None
    want = base_dose(variant, gentle=True)
    assert (gentle.items[1].hold_s, gentle.items[1].reps) == (want.hold_s, want.reps)
    assert want.reps < variant.dose.reps  # gentle mode takes a repetition away
    steady = Substitution(
        profile=Profile(), library=LIB, adjustments=Adjustments(hold_step=2)
    ).after_hurt(_plan("standing_hamstring_stretch", profile=Profile()), 0)
    assert steady is not None
    assert steady.items[1].hold_s == base_dose(variant, hold_step=2).hold_s
    assert steady.items[1].hold_s != variant.dose.hold_s  # two earned steps: longer holds


def test_the_routine_page_swap_and_the_easier_variant_agree() -> None:
    older = Profile(age=70)
    plan = _plan("march_on_the_spot", "standing_hamstring_stretch", profile=older)
    rule = Substitution(profile=older, library=LIB)
    chosen = rule.swap(plan, 1, "chair_hamstring_stretch", reason="chosen").items[1]
    after = rule.after_hurt(plan, 1)
    assert after is not None
    hurt = after.items[2]
    reasons = {"why", "why_codes"}
    assert chosen.model_dump(exclude=reasons) == hurt.model_dump(exclude=reasons)
    assert "Your swap for Standing hamstring stretch (easier)" in why(chosen)
    assert rule.choices(plan)["standing_hamstring_stretch"] == [
        Variant("chair_hamstring_stretch", True),
        Variant("lying_hamstring_stretch_strap", True),
    ]


@pytest.mark.parametrize(
    ("profile", "plan_ids", "excluded", "new", "words"),
    [
        (Profile(), ("standing_hamstring_stretch",), (), "cat_cow", "is not a variant"),
        (
            Profile(),
            ("standing_hamstring_stretch", "chair_hamstring_stretch"),
            (),
            "chair_hamstring_stretch",
            "already in the plan",
        ),
        (
            Profile(),
            ("standing_hamstring_stretch",),
            ("chair_hamstring_stretch",),
            "chair_hamstring_stretch",
            "left out of this plan",
        ),
        (
            Profile(can_kneel=False),
            ("downward_dog",),
            (),
            "childs_pose",
            "left out for you",
        ),
    ],
    ids=["not-a-variant", "already-in", "plan-left-it-out", "safety-rule"],
)
def test_a_swap_the_rule_does_not_allow_is_refused(
    profile: Profile, plan_ids: tuple[str, ...], excluded: tuple[str, ...], new: str, words: str
) -> None:
    plan = _plan(*plan_ids, profile=profile, excluded=excluded)
    rule = Substitution(profile=profile, library=LIB)
    with pytest.raises(SwapRefused, match=words):
        rule.swap(plan, 0, new, reason="chosen")
    assert new not in [v.exercise for v in rule.variants(plan, plan_ids[0])]


def test_the_terminal_coach_takes_the_planners_variant() -> None:
    """The fix seen from `supple start`: a hamstring stretch hurts a 70-year-old."""
    older = Profile(age=70)
    plan = _plan("march_on_the_spot", "standing_hamstring_stretch", profile=older)
    now = [0.0]
    player = Player(build_timeline(plan, LIB), lambda: now[0])
    coach = Coach(
        player,
        plan=plan,
        library=LIB,
        substitute=Substitution(profile=older, library=LIB),
        record=lambda event: None,
        say=lambda cue: None,
        countdown_s=5,
        wall=lambda: datetime(2026, 3, 2, tzinfo=UTC),
    )
    player.start()
    now[0] = player.timeline.items[1].work_start + 2
    coach.tick()
    coach.give_feedback("painful")
    assert coach.variant is not None and coach.variant.id == "chair_hamstring_stretch"
    coach.take_variant()
    assert coach.plan.items[2].hold_s == base_dose(LIB["chair_hamstring_stretch"], age=70).hold_s
    assert coach.player.item is not None
    assert coach.player.item.exercise == "chair_hamstring_stretch"
