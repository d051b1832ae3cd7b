"""The timing model shared by the planner and the session timer, so plan time == session time.

A session is a sequence of items. Before each item there is a *transition* from the previous
item's position (nothing before the first item: the person starts standing), then a *get-ready*
pause to read the step and take the starting shape. An item runs ``sets`` x ``reps``
repetitions of one hold (``hold_s``) or one flowing stretch (``duration_s``) per side, with
``rest_s`` between consecutive repetitions (never after the last one). A sided item does all of
the first side, a *switch-side* pause, then the same on the other side.

``PlanItem.seconds`` = get-ready + work + rests + switch (both sides); a plan's
``total_seconds`` = the sum of its items' seconds + the transitions between them.
:func:`item_segments` spells the same arithmetic out step by step for the timer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from supple.library.vocab import FLOOR_POSITIONS

#: Seconds to read the next move and take its starting shape.
GET_READY_S = 5
#: Seconds to change sides in a sided exercise.
SWITCH_SIDE_S = 5
#: Seconds between two items in the same position.
SAME_POSITION_S = 0
#: Seconds between standing and sitting on a chair (either way).
UPRIGHT_CHANGE_S = 5
#: Seconds to change position on the floor (for example from all fours to lying on the back).
FLOOR_CHANGE_S = 8
#: Seconds to get down to the floor from standing or a chair.
DESCENT_S = 20
#: Seconds to get up from the floor.
RISE_S = 20

SegmentKind = Literal["transition", "get_ready", "work", "rest", "switch_side"]


class Timed(Protocol):
    """What the timing needs from an item (``PlanItem`` satisfies it)."""

    @property
    def position(self) -> str: ...
    @property
    def sided(self) -> bool: ...
    @property
    def hold_s(self) -> int | None: ...
    @property
    def duration_s(self) -> int | None: ...
    @property
    def reps(self) -> int: ...
    @property
    def sets(self) -> int: ...
    @property
    def rest_s(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Segment:
    """One timed step of a session; ``side`` is 1 or 2 for sided work, else 0."""

    kind: SegmentKind
    seconds: int
    side: int = 0
    rep: int = 0


def transition_seconds(before: str | None, after: str) -> int:
    """Seconds to move from position ``before`` (None: start of session, standing) to ``after``."""
    start = before if before is not None else "standing"
    if start == after:
        return SAME_POSITION_S
    down_before = start in FLOOR_POSITIONS
    down_after = after in FLOOR_POSITIONS
    if down_before and down_after:
        return FLOOR_CHANGE_S
    if not down_before and not down_after:
        return UPRIGHT_CHANGE_S
    return DESCENT_S if down_after else RISE_S


def side_seconds(per_rep: int, reps: int, sets: int, rest_s: int) -> int:
    """Seconds of one side: every repetition plus the rests between them."""
    count = reps * sets
    return per_rep * count + rest_s * (count - 1)


def dose_seconds(*, per_rep: int, reps: int, sets: int, rest_s: int, sided: bool) -> int:
    """Seconds of one item (both sides, rests, switch, and the get-ready pause)."""
    one = side_seconds(per_rep, reps, sets, rest_s)
    return (2 * one + SWITCH_SIDE_S if sided else one) + GET_READY_S


def per_rep_seconds(item: Timed) -> int:
    """The length of one repetition: the hold, or the flowing duration."""
    value = item.hold_s if item.hold_s is not None else item.duration_s
    if value is None:
        raise ValueError("an item needs hold_s or duration_s")
    return value


def item_seconds(item: Timed) -> int:
    """Seconds of ``item`` as counted in ``PlanItem.seconds``."""
    return dose_seconds(
        per_rep=per_rep_seconds(item),
        reps=item.reps,
        sets=item.sets,
        rest_s=item.rest_s,
        sided=item.sided,
    )


def item_segments(item: Timed, previous_position: str | None) -> Iterator[Segment]:
    """The timed steps of ``item``, starting with the transition from the previous position."""
    move = transition_seconds(previous_position, item.position)
    if move:
        yield Segment("transition", move)
    yield Segment("get_ready", GET_READY_S)
    per_rep = per_rep_seconds(item)
    count = item.reps * item.sets
    for side in (1, 2) if item.sided else (0,):
        if side == 2:
            yield Segment("switch_side", SWITCH_SIDE_S, side=2)
        for rep in range(1, count + 1):
            yield Segment("work", per_rep, side=side, rep=rep)
            if rep < count and item.rest_s:
                yield Segment("rest", item.rest_s, side=side, rep=rep)


def total_seconds(items: Sequence[Timed]) -> int:
    """Seconds of a whole session: items plus the transitions between them."""
    total = 0
    previous: str | None = None
    for item in items:
        total += transition_seconds(previous, item.position) + item_seconds(item)
        previous = item.position
    return total


def floor_moves(positions: Sequence[str]) -> tuple[int, int]:
    """Count descents to and rises from the floor, ending the session on one's feet."""
    descents = rises = 0
    down = False
    for position in [*positions, "standing"]:
        now = position in FLOOR_POSITIONS
        if now and not down:
            descents += 1
        elif down and not now:
            rises += 1
        down = now
    return descents, rises
