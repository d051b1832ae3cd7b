"""Properties every plan must have, over random valid profiles and the real library."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.library import load_library
from supple.library.vocab import EQUIPMENT
from supple.planner import make_plan, timing
from supple.planner.advice import GENTLE_MAX_MINUTES
from supple.planner.composition import ACUTE_WALK_S, mix_for
from supple.planner.dose import (
    OLDER_ADULT_AGE,
    STRETCH_MAX_HOLD_TOTAL_S,
    STRETCH_MAX_HOLDS,
    DoseChoice,
    base_dose,
    is_static_stretch,
    ladder,
    walk_ladder,
)
from supple.planner.model import Plan, PlanItem
from supple.presentation import render_plan, why
from supple.safety import Profile, routine_allowed, rule_out, screen
from supple.safety.profile import ACTIVITIES, CONDITIONS, HIP_APPROACHES, PAIN_AREAS, RED_FLAGS

LIBRARY = load_library()


@st.composite
def profiles(draw: st.DrawFn, red_flags: bool = True) -> Profile:
    conditions = draw(st.lists(st.sampled_from(CONDITIONS), unique=True, max_size=4))
    eases = draw(st.lists(st.sampled_from(ACTIVITIES), unique=True, max_size=3))
    worse = draw(
        st.lists(
            st.sampled_from([a for a in ACTIVITIES if a not in eases]), unique=True, max_size=3
        )
    )
    answers: dict[str, Any] = {
        "pain_areas": draw(st.lists(st.sampled_from(PAIN_AREAS), unique=True, max_size=3)),
        "pain_now": draw(st.integers(0, 10)),
        "pain_weeks": draw(st.sampled_from([0, 0.5, 1, 3, 4, 6, 12, 52, 300])),
        "eases_with": eases,
        "worse_with": worse,
        "red_flags": draw(
            st.lists(st.sampled_from(RED_FLAGS), unique=True, max_size=2)
            if red_flags
            else st.just([])
        ),
        "leg_pain_below_knee": draw(st.booleans()),
        "conditions": conditions,
        "age": draw(
            st.one_of(st.none(), st.integers(12, 60 if "pregnancy" in conditions else 110))
        ),
        "can_get_to_floor": draw(st.booleans()),
        "can_kneel": draw(st.booleans()),
        "can_lie_on_front": draw(st.booleans()),
        "equipment": draw(st.lists(st.sampled_from(EQUIPMENT), unique=True)),
        "minutes": draw(st.integers(3, 60)),
    }
    if "pregnancy" in conditions:
        answers["pregnancy_weeks"] = draw(st.one_of(st.none(), st.integers(0, 42)))
    if "hip_replacement" in conditions:
        answers["hip_replacement_approach"] = draw(st.sampled_from(HIP_APPROACHES))
        answers["hip_replacement_weeks"] = draw(st.one_of(st.none(), st.integers(0, 60)))
    return Profile(**answers)


def _dose(item: PlanItem) -> DoseChoice:
    return DoseChoice(
        item.hold_s,
        item.duration_s,
        item.reps,
        item.sets,
        item.rest_s,
        set_rest_s=item.set_rest_s,
        tempo=item.tempo,
        effort=item.effort,
    )


def _ladder(profile: Profile, plan: Plan, item: PlanItem) -> list[DoseChoice]:
    ex = LIBRARY[item.exercise]
    base = base_dose(ex, gentle=plan.gentle, age=profile.age)
    if ex.kind == "aerobic":  # the walk that opens an acute routine
        return walk_ladder(replace(base, duration_s=ACUTE_WALK_S))
    older = profile.age is not None and profile.age >= OLDER_ADULT_AGE
    return ladder(ex, base, gentle=plan.gentle, older=older)


def over_share(profile: Profile, plan: Plan, grown: int) -> bool:
    """Whether a stretch growing by ``grown`` seconds would pass the chronic stretch share."""
    mix = mix_for(profile, profile.minutes, plan.gentle)
    if mix.max_stretch_share is None:
        return False
    stretch = sum(i.seconds for i in plan.items if LIBRARY[i.exercise].kind == "stretch")
    return stretch + grown > mix.max_stretch_share * (plan.total_seconds + grown)


#: The advice lines that explain a routine whose time differs from the minutes asked.
TIME_REASONS = ("could be filled", "Gentle mode keeps today's session", "more than the")


def check_plan(profile: Profile, plan: Plan) -> None:
    """Every promise a plan makes, checked against the library and the rules."""
    referral = screen(profile)
    if referral is not None:
        assert plan.status == "refer" and plan.referral == referral
        if referral.urgency in ("emergency", "urgent") or not routine_allowed(profile):
            assert plan.items == [] and plan.total_seconds == 0
            return
    else:
        assert plan.status == "plan" and plan.referral is None
    excluded = {e.exercise for e in plan.excluded}
    assert all("(rule " in e.rule for e in plan.excluded)
    for item in plan.items:
        ex = LIBRARY[item.exercise]
        assert item.exercise not in excluded
        assert rule_out(ex, profile) is None
        assert set(ex.equipment) <= set(profile.equipment)
        assert item.position == ex.position and item.sided == ex.sided
        assert item.seconds == timing.item_seconds(item)
        assert item.why_codes and why(item).strip()
        if item.hold_s is not None:
            assert ex.dose.hold_min_s is not None and ex.dose.hold_max_s is not None
            assert ex.dose.hold_min_s <= item.hold_s <= ex.dose.hold_max_s
        if is_static_stretch(ex):
            # ACSM: 2-4 holds of 10-30 s (30-60 s from 65), at most about 2 minutes a side.
            assert item.hold_s is not None
            holds = item.reps * item.sets
            assert holds <= STRETCH_MAX_HOLDS
            assert item.hold_s * holds <= STRETCH_MAX_HOLD_TOTAL_S
            older = profile.age is not None and profile.age >= OLDER_ADULT_AGE
            assert item.hold_s <= (60 if older else 30)
        if plan.gentle:
            assert item.sets == 1  # short bouts through the day, never more sets
        if item.sided:
            segs = list(timing.item_segments(item, None))
            side = [
                sum(s.seconds for s in segs if s.side == k and s.kind != "switch_side")
                for k in (1, 2)
            ]
            assert side[0] == side[1] > 0
    ids = [i.exercise for i in plan.items]
    assert len(ids) == len(set(ids))
    assert plan.total_seconds == timing.total_seconds(plan.items)
    descents, rises = timing.floor_moves([i.position for i in plan.items])
    assert descents <= 1 and rises <= 1
    target = profile.minutes * 60
    if plan.items:
        first, last = LIBRARY[plan.items[0].exercise], LIBRARY[plan.items[-1].exercise]
        # An acute routine opens with an easy walk, then any warm-up.
        opening = [LIBRARY[i].kind for i in ids[:2]]
        assert first.kind in ("warm_up", "aerobic") or "warm_up" not in opening
        assert all(LIBRARY[i].kind != "aerobic" for i in ids[1:])
        assert last.kind == "relaxation" or not any(LIBRARY[i].kind == "relaxation" for i in ids)
    if abs(plan.total_seconds - target) > 0.10 * target:
        assert any(reason in a for a in render_plan(plan).advice for reason in TIME_REASONS)
    if plan.gentle and profile.minutes > GENTLE_MAX_MINUTES:
        assert plan.total_seconds <= 1.10 * GENTLE_MAX_MINUTES * 60


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles(), st.integers(0, 10_000))
def test_every_plan_keeps_its_promises(profile: Profile, seed: int) -> None:
    check_plan(profile, make_plan(profile, LIBRARY, seed=seed))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles(red_flags=False), st.integers(0, 10_000))
def test_routines_without_red_flags_fit_the_time(profile: Profile, seed: int) -> None:
    plan = make_plan(profile, LIBRARY, seed=seed)
    check_plan(profile, plan)
    # Outside gentle mode a routine fills the minutes, or it is short because every move is
    # as long as ACSM's caps and its safe range allow (never an inflated stretch), and says so.
    if plan.items and not plan.gentle:
        target = profile.minutes * 60
        total = plan.total_seconds
        if abs(total - target) <= 0.10 * target:
            return
        assert total < target and any("could be filled" in a for a in render_plan(plan).advice)
        for item in plan.items:
            steps = _ladder(profile, plan, item)
            k = steps.index(_dose(item))
            if k + 1 < len(steps):
                grown = steps[k + 1].seconds(item.sided) - item.seconds
                if LIBRARY[item.exercise].kind == "stretch" and over_share(profile, plan, grown):
                    continue  # a chronic routine keeps its stretches within half its time
                longer = total + grown
                assert abs(longer - target) >= abs(total - target), item.exercise
