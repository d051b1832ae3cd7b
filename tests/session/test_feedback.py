"""Pain and feedback answers; the easier variant offered when an exercise hurts (the planner's
swap rule, played by the session)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from supple.library.loader import Library
from supple.planner import timing
from supple.planner.dose import base_dose
from supple.planner.model import Excluded, Plan, PlanItem
from supple.planner.substitute import Substitution
from supple.presentation import cue_text
from supple.safety.profile import Profile
from supple.session.feedback import parse_feedback, parse_pain
from supple.session.player import Player
from supple.session.timeline import build_timeline


@pytest.mark.parametrize(("text", "score"), [("0", 0), (" 7\n", 7), ("10", 10)])
def test_pain_scores(text: str, score: int) -> None:
    assert parse_pain(text) == score


@pytest.mark.parametrize("text", ["", "11", "-1", "3.5", "bad"])
def test_bad_pain_scores_explain_themselves(text: str) -> None:
    with pytest.raises(ValueError, match=r"0 .* 10"):
        parse_pain(text)


def test_feedback_by_key_or_word() -> None:
    assert parse_feedback("1") == "fine"
    assert parse_feedback("too easy") == "too_easy"
    assert parse_feedback("Too-Hard") == "too_hard"
    assert parse_feedback("4") == "painful"
    assert parse_feedback("  ") is None
    with pytest.raises(ValueError):
        parse_feedback("9")


def _plan(*items: PlanItem, excluded: tuple[str, ...] = ()) -> Plan:
    return Plan(
        status="plan",
        items=list(items),
        total_seconds=timing.total_seconds(items),
        excluded=[Excluded(exercise=e, rule="test") for e in excluded],
    )


def _rule(library: Library) -> Substitution:
    return Substitution(profile=Profile(), library=library)


def test_the_easier_variant_stays_in_the_same_position_group(
    library: Library, make_item: Callable[..., PlanItem]
) -> None:
    plan = _plan(
        make_item("lying_twist", hold_s=30),
        make_item("standing_reach", hold_s=30),
        make_item("wave", duration_s=60),
    )
    variant = _rule(library).easier(plan, 0)
    assert variant is not None and variant.id == "easy_lying"
    # standing_reach's regression is a chair move: still upright, so it is allowed
    chair = _rule(library).easier(plan, 1)
    assert chair is not None and chair.id == "chair_lean"
    assert _rule(library).easier(plan, 2) is None  # no regression at all


def test_a_variant_the_plan_left_out_is_not_offered(
    library: Library, make_item: Callable[..., PlanItem]
) -> None:
    plan = _plan(make_item("lying_twist", hold_s=30), excluded=("easy_lying",))
    assert _rule(library).easier(plan, 0) is None


def test_swapping_in_the_variant_replays_from_it(
    library: Library, make_item: Callable[..., PlanItem]
) -> None:
    plan = _plan(make_item("wave", duration_s=60), make_item("lying_twist", hold_s=30, reps=2))
    variant = _rule(library).easier(plan, 1)
    assert variant is not None
    easier = _rule(library).swap(plan, 1, variant.id, reason="hurt")
    assert [i.exercise for i in easier.items] == ["wave", "easy_lying"]
    assert easier.items[1].hold_s == base_dose(variant).hold_s  # the planner's dose
    assert easier.total_seconds == timing.total_seconds(easier.items)
    now = [0.0]
    player = Player(build_timeline(plan, library), lambda: now[0])
    player.start()
    now[0] = player.timeline.items[1].work_start + 4
    player.poll()
    new = build_timeline(easier, library)
    player.replace(new, 1)
    assert player.timeline == new and player.offset == new.items[1].start
    assert cue_text(player.poll()[0]) == "Next: Easy lying."
    now[0] += new.total_seconds
    player.poll()
    done = player.outcomes()
    assert [(o.index, o.exercise, o.status) for o in done] == [
        (0, "wave", "done"),
        (1, "easy_lying", "done"),
    ]
