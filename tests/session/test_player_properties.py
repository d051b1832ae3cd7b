"""Whatever a person presses and however late the loop wakes, the player stays consistent."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.library.loader import Library
from supple.planner.model import Plan, PlanItem
from supple.session.player import Player
from supple.session.timeline import build_timeline

ACTIONS = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=40, allow_nan=False),
        st.sampled_from(["poll", "poll", "poll", "pause", "resume", "skip", "back", "repeat"]),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(actions=ACTIONS, quit_at_end=st.booleans())
def test_any_sequence_of_keys_keeps_the_books_straight(
    library: Library,
    make_item: Callable[..., PlanItem],
    actions: list[tuple[float, str]],
    quit_at_end: bool,
) -> None:
    plan = Plan(
        status="plan",
        items=[
            make_item("standing_reach", hold_s=15, reps=2, rest_s=5),
            make_item("wave", duration_s=30),
            make_item("lying_twist", hold_s=20),
        ],
    )
    tl = build_timeline(plan, library)
    now = [0.0]
    player = Player(tl, lambda: now[0])
    player.start()
    heard = []
    for wait, action in actions:
        now[0] += wait
        if action == "poll":
            heard.extend(player.poll())
        else:
            getattr(player, action)()
        assert 0 <= player.offset <= tl.total_seconds
    if quit_at_end:
        player.quit()
    else:
        player.resume()
        now[0] += tl.total_seconds + 1
        heard.extend(player.poll())
        assert player.finished and heard[-1].kind == "end"
    outcomes = player.outcomes()
    for outcome in outcomes:
        item = tl.items[outcome.index]
        assert outcome.exercise == item.exercise
        assert 0 <= outcome.held_seconds <= item.planned_seconds
        if outcome.status == "done":
            assert outcome.held_seconds == item.planned_seconds
    if not quit_at_end:
        last = [o for o in outcomes if o.index == len(tl.items) - 1]
        assert last, "the last exercise is always accounted for at the end"
