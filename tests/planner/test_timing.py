"""The shared timing model: segment sums equal item and plan seconds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.library.vocab import POSITIONS
from supple.planner import timing
from supple.planner.model import PlanItem


def _item(position: str, sided: bool, per_rep: int, reps: int, sets: int, rest: int) -> PlanItem:
    return PlanItem(
        exercise="x",
        name="X move",
        position=position,
        sided=sided,
        hold_s=per_rep,
        reps=reps,
        sets=sets,
        rest_s=rest,
        seconds=0,
        why="test",
    )


items = st.builds(
    _item,
    st.sampled_from(POSITIONS),
    st.booleans(),
    st.integers(1, 120),
    st.integers(1, 10),
    st.integers(1, 5),
    st.integers(0, 30),
)


@settings(max_examples=80)
@given(st.lists(items, min_size=1, max_size=8))
def test_segments_add_up_to_the_plan_total(seq: list[PlanItem]) -> None:
    seconds = 0
    previous = None
    for item in seq:
        segs = list(timing.item_segments(item, previous))
        moving = sum(s.seconds for s in segs if s.kind == "transition")
        assert sum(s.seconds for s in segs) - moving == timing.item_seconds(item)
        seconds += sum(s.seconds for s in segs)
        previous = item.position
    assert seconds == timing.total_seconds(seq)


def test_sided_items_work_equal_time_on_both_sides() -> None:
    item = _item("supine", True, 30, 2, 1, 5)
    segs = list(timing.item_segments(item, "supine"))
    side1 = sum(s.seconds for s in segs if s.side == 1 and s.kind != "switch_side")
    side2 = sum(s.seconds for s in segs if s.side == 2 and s.kind != "switch_side")
    assert side1 == side2 == 65
    assert timing.item_seconds(item) == timing.GET_READY_S + 2 * 65 + timing.SWITCH_SIDE_S


def test_transitions() -> None:
    assert timing.transition_seconds(None, "standing") == 0
    assert timing.transition_seconds("standing", "seated_chair") == timing.UPRIGHT_CHANGE_S
    assert timing.transition_seconds("seated_chair", "supine") == timing.DESCENT_S
    assert timing.transition_seconds("prone", "standing") == timing.RISE_S
    assert timing.transition_seconds("prone", "supine") == timing.FLOOR_CHANGE_S


def test_floor_moves_counts_the_final_rise() -> None:
    assert timing.floor_moves(["standing", "supine", "prone"]) == (1, 1)
    assert timing.floor_moves(["standing", "supine", "seated_chair", "prone"]) == (2, 2)
    assert timing.floor_moves(["seated_chair"]) == (0, 0)
