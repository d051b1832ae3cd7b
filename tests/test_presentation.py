"""One place for words: every code the domain makes has its words, and the words for doses,
positions, durations and verdicts are written nowhere else."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from supple.app import plans
from supple.library import load_library
from supple.planner import make_plan
from supple.planner.adjust import NO_ADJUSTMENTS, Adjustments
from supple.planner.advice import time_line
from supple.planner.phrase import Phrase
from supple.planner.program import make_program
from supple.planner.substitute import Substitution
from supple.presentation import (
    clock,
    countdown,
    entry_dose,
    item_dose,
    position,
    render_plan,
    render_timeline,
    say,
)
from supple.presentation.phrases import ALL
from supple.presentation.verdicts import pain_phrase
from supple.safety.profile import Clearance, Profile
from supple.session.timeline import build_timeline
from supple.tracking import (
    FeedbackRecord,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    TrackingInput,
    adjustments_from,
    summarize,
)
from supple.tracking import pain as pain_mod
from supple.tracking import psfs as psfs_mod

SRC = Path(__file__).resolve().parents[1] / "src" / "supple"
LIB = load_library()
DAY = date(2026, 3, 2)
PROFILES = [
    Profile(),
    Profile(minutes=3, pain_now=8, eases_with=["walking"], pain_areas=["neck"]),
    Profile(minutes=30, conditions=["spinal_stenosis"]),
    Profile(minutes=20, conditions=["osteoporosis"], pain_areas=["buttock_or_leg", "hip"]),
    Profile(minutes=12, eases_with=["sitting"], worse_with=["walking"]),
    Profile(minutes=14, eases_with=["sitting"], worse_with=["bending_forward"]),
    Profile(minutes=60, can_get_to_floor=False, equipment=[], age=70, pain_now=8),
    Profile(red_flags=["severe_pain_not_easing_for_days"], minutes=10),
    Profile(conditions=["pregnancy"], pregnancy_weeks=20, eases_with=["walking"]),
    Profile(conditions=["hip_replacement"], hip_replacement_approach="posterior"),
    Profile(conditions=["hip_replacement"], hip_replacement_weeks=20),
    Profile(
        conditions=["hypermobility", "balance_problem"],
        pain_areas=["buttock_or_leg"],
        leg_pain_below_knee=True,
    ),
    Profile(pain_now=8, minutes=30),
    Profile(
        red_flags=["severe_pain_not_easing_for_days"],
        cleared=[Clearance(flag="severe_pain_not_easing_for_days", on=DAY, by="a GP")],
    ),
    # Issue 11: the chronic mix, the pathways by stage, a chair-only routine long enough for
    # the body scan.
    Profile(pain_weeks=26, minutes=15),
    Profile(conditions=["hip_replacement"], hip_replacement_weeks=3),
    Profile(conditions=["hip_replacement"], hip_replacement_weeks=8),
    Profile(pain_weeks=30, minutes=20, can_get_to_floor=False, equipment=["chair"]),
]


def _plan_codes() -> list[Phrase]:
    found: list[Phrase] = []
    learned = Adjustments(replace={"cat_cow": "chair_cat_cow"})
    for profile in PROFILES:
        plan = make_plan(profile, LIB, day=DAY, adjustments=learned)
        found += [*plan.bias_codes, *plan.advice_codes]
        found += [c for i in plan.items for c in i.why_codes]
        rule = Substitution(profile=profile, library=LIB)
        for index in range(len(plan.items)):
            swapped = rule.after_hurt(plan, index)
            if swapped is not None:
                found += swapped.items[index + 1].why_codes
            for variant in rule.variants(plan, plan.items[index].exercise):
                chosen = rule.swap(plan, index, variant.exercise, reason="chosen")
                found += chosen.items[index].why_codes
        if plan.items:
            timeline = build_timeline(plan, LIB)
            found += [c.say for c in timeline.all_cues()]
        for week in make_program(profile, LIB, weeks=5, start=DAY).weeks:
            found += week.change_codes
    flat = Profile(minutes=20, pain_weeks=52, age=60, conditions=["osteoporosis"])
    for week in make_program(flat, LIB, weeks=8, start=DAY, seed=1).weeks:
        found += week.change_codes  # strength moves at the top of their ladders: the same week
    found += plans.solo(LIB["cat_cow"], Profile()).items[0].why_codes
    # A swap that puts a floor move among the chair moves is put right, and said so.
    broken = plans.make(
        plans.PlanRequest(Profile(), NO_ADJUSTMENTS, DAY, swaps=(("chair_cat_cow", "cat_cow"),)),
        LIB,
    )
    found += broken.advice_codes
    return found


def _direction_codes(today: date) -> list[Phrase]:
    """The movement test's and the sessions' findings, and the bias they set."""
    from supple.tracking.model import DirectionTestRecord, SpreadRecord

    def rounds(ext: str, flex: str, change: str = "less") -> dict[str, object]:
        return {
            "position": "lying",
            "rounds": [
                {
                    "direction": "extension",
                    "before": "thigh",
                    "reps": 10,
                    "after": {"where": ext, "change": change},
                },
                {
                    "direction": "flexion",
                    "before": "buttock",
                    "reps": 10,
                    "after": {"where": flex, "change": change},
                },
            ],
        }

    found: list[Phrase] = []
    leg = Profile(pain_areas=["lower_back", "buttock_or_leg"], eases_with=["sitting"])
    for answers, spreads in (
        (rounds("back", "buttock"), ()),  # extension centralises, flexion eases
        (rounds("below_knee", "buttock"), ()),  # extension spreads
        (rounds("thigh", "thigh", "same"), (SpreadRecord(today, "knee_to_chest_single"),)),
    ):
        data = TrackingInput(
            today=today,
            direction_tests=(DirectionTestRecord(today - timedelta(days=1), answers),),
            spreads=spreads,
        )
        adj = adjustments_from(data, LIB)
        assert adj.direction is not None
        found += adj.direction.reasons
        found += make_plan(leg, LIB, day=today, adjustments=adj).bias_codes
    return found


def _load_codes(today: date) -> list[Phrase]:
    """The load ladder's notes: up through repetitions and a set to the harder variant, and
    back down after a session that hurt or a flare the next morning."""
    from supple.tracking.model import DoneRecord

    def rec(n: int, exercise: str, feedback: str) -> FeedbackRecord:
        return FeedbackRecord(today - timedelta(days=n), exercise, feedback, session=n)  # type: ignore[arg-type]

    easy = tuple(rec(2 * k + 1, "bridge", "too_easy") for k in range(8))
    hurt = (rec(20, "bird_dog", "painful"), rec(18, "bird_dog", "painful"))
    gone = (rec(20, "chin_tuck_lying", "painful"), rec(18, "chin_tuck_lying", "painful"))
    back_up = (
        rec(20, "wall_squat", "painful"),
        rec(18, "wall_squat", "too_easy"),
        rec(16, "wall_squat", "too_easy"),
    )
    data = TrackingInput(today=today, feedback=easy + hurt + gone + back_up)
    found = list(adjustments_from(data, LIB).notes)
    usual = tuple(PainRecord(today - timedelta(days=n), 2) for n in range(6, 14))
    flare = TrackingInput(
        today=today,
        done=(DoneRecord(today - timedelta(days=5), "bridge", 5),),
        pain=(*usual, PainRecord(today - timedelta(days=4), 7)),
    )
    return found + list(adjustments_from(flare, LIB).notes)


def _tracking_codes() -> list[Phrase]:
    today = DAY + timedelta(days=40)

    def back(n: int) -> date:
        return today - timedelta(days=n)

    feedback = tuple(
        FeedbackRecord(back(d), ex, fb, session=d)  # type: ignore[arg-type]
        for d in (1, 2)
        for ex, fb in (
            ("knee_to_chest_double", "painful"),
            ("shoulder_rolls", "painful"),
            ("chair_forward_lean", "too_easy"),
            ("chair_twist", "too_easy"),
        )
    ) + tuple(FeedbackRecord(back(d), "cobra", "too_easy", session=d) for d in (1, 2))
    rising = tuple(PainRecord(back(d), s) for d, s in ((10, 2), (9, 2), (2, 6), (1, 7)))
    steady = tuple(SessionRecord(back(d), "finished") for d in range(8, 30))
    data = TrackingInput(today=today, feedback=feedback, pain=rising, sessions=steady)
    found = list(summarize(data, LIB).adjustments.notes)
    cases: list[dict[int, int]] = [
        {30: 6, 28: 6, 3: 2, 1: 2},  # better
        {30: 2, 28: 2, 3: 7, 1: 7},  # worse
        {30: 5, 28: 5, 2: 5, 1: 5},  # no clear change
        {},  # no scores
        {3: 4},  # too early
        {30: 0, 28: 0, 2: 0, 1: 0},  # no pain
        {30: 5, 1: 5},  # too few
    ]
    for scores in cases:
        pain = tuple(PainRecord(back(d), s) for d, s in scores.items())
        change = pain_mod.change(TrackingInput(today=today, pain=pain))
        found += [pain_phrase(change, on="command"), pain_phrase(change, on="page")]
    return found + _direction_codes(today) + _load_codes(today)


def test_every_code_the_domain_makes_has_words() -> None:
    codes = _plan_codes() + _tracking_codes()
    made = {c.code for c in codes}
    assert {"for_areas", "lean_flexion_stenosis", "time_short", "into_position"} <= made
    assert {"painful_replaced", "easy_hardest", "pain_rising", "pain_better", "pain_worse"} <= made
    for code in codes:
        words = say(code)
        assert words.strip() and "{" not in words and "None" not in words, code


def test_every_psfs_verdict_has_words() -> None:
    today = DAY + timedelta(days=14)
    cases = [
        [PsfsRecord(today, "stairs", 3)],
        [PsfsRecord(DAY, "stairs", 2), PsfsRecord(today, "stairs", 7)],
        [
            PsfsRecord(DAY, "a", 2),
            PsfsRecord(DAY, "b", 5),
            PsfsRecord(today, "a", 5),
            PsfsRecord(today, "b", 4),
        ],
        [PsfsRecord(DAY, "stairs", 4), PsfsRecord(today, "stairs", 5)],
    ]
    seen = set()
    for records in cases:
        change = psfs_mod.change(TrackingInput(today=today, psfs=tuple(records)))
        assert change is not None
        seen.add(change.code)
        from supple.presentation import psfs_verdict

        assert psfs_verdict(change).strip()
    assert seen == {"again_next_week", "easier", "some_easier", "no_clear_change"}


def test_no_phrase_is_left_without_a_maker() -> None:
    """Every code with words is one the domain makes (no dead words)."""
    made = {c.code for c in _plan_codes() + _tracking_codes()}
    made |= {f"psfs_{c}" for c in ("again_next_week", "easier", "some_easier", "no_clear_change")}
    # A routine longer than asked, which no library move is short enough to cause today.
    long = time_line(total=400, target=180, asked=180)
    assert long is not None
    made.add(long.code)
    assert set(ALL) - made == set()


def test_the_words_read_as_before() -> None:
    plan = render_plan(make_plan(Profile(eases_with=["walking"]), LIB, day=DAY))
    assert plan.advice[0].startswith("Move slowly and only to a mild stretch, never into pain.")
    assert "because of your answers about walking" in (plan.bias_reason or "")
    assert all(i.why for i in plan.items)
    timeline = render_timeline(build_timeline(plan, LIB))
    first = timeline.segments[0]
    assert first.title.startswith(("Get ready: ", "Next: "))
    assert timeline.all_cues()[-1].text == "That is the end of today's routine. Well done."


def test_a_plan_kept_before_the_codes_keeps_its_words() -> None:
    old = make_plan(Profile(), LIB, day=DAY).model_dump(mode="json")
    for item in old["items"]:
        item.pop("why_codes")
        item["why"] = "an old reason"
    old.pop("advice_codes")
    old.pop("bias_codes")
    old["advice"], old["bias_reason"] = ["old advice"], "old bias"
    from supple.planner.model import Plan

    again = render_plan(Plan.model_validate(old))
    assert {i.why for i in again.items} == {"an old reason"}
    assert again.advice == ["old advice"] and again.bias_reason == "old bias"


@pytest.mark.parametrize(
    ("seconds", "plain", "left"),
    [(0, "0:00", "0:00"), (29.2, "0:29", "0:30"), (125, "2:05", "2:05")],
)
def test_durations(seconds: float, plain: str, left: str) -> None:
    assert clock(seconds) == plain and countdown(seconds) == left


def test_doses_and_positions() -> None:
    plan = make_plan(Profile(minutes=15), LIB, day=DAY)
    held = next(i for i in plan.items if i.hold_s and i.hold_s >= 10 and i.reps > 1)
    assert item_dose(held).startswith(f"{held.reps} holds of {held.hold_s} seconds")
    reps = next(i for i in plan.items if i.hold_s and i.hold_s <= 3 and i.reps > 1)
    assert item_dose(reps).startswith(f"{reps.reps} repetitions")
    assert "hold" not in item_dose(reps)
    assert entry_dose(LIB["chair_twist"]).startswith("hold 15 s (safe range 10-30 s), 3 times")
    assert position("seated_chair") == "on a chair"


#: Words that belong to the presentation module only (a second copy would drift from it).
ONLY_HERE = [
    r"\(safe range \{",  # a library entry's dose
    r"holds of \{",  # a plan item's dose
    r"on hands and knees",  # a position
    r"lying on your back",
    r"// 60\}",  # a duration as m:ss
    r"Breathe in",  # a cue
    r"clearly lower",  # a verdict
    r"hurt twice",  # what tracking learned
]


def test_the_words_are_written_in_one_place() -> None:
    allowed = SRC / "presentation"
    offenders = []
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".py", ".html") or allowed in path.parents:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in ONLY_HERE:
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(SRC)}: {pattern}")
    assert offenders == []
