"""The timing model shared by the planner and the session timer, so plan time == session time.

A session is a sequence of items. Before each item there is a *transition* from the previous
item's position (nothing before the first item: the person starts standing), then a *get-ready*
pause to read the step and take the starting shape. An item runs ``sets`` x ``reps``
repetitions of one hold (``hold_s``) or one flowing stretch (``duration_s``) per side, with
``rest_s`` between consecutive repetitions (never after the last one) and ``set_rest_s`` between
sets (``rest_s`` when it has none). A repetition with a ``tempo`` lasts its lift, its hold and its
lowering. A sided item does all of the first side, a *switch-side* pause, then the same on the
other side.

``PlanItem.seconds`` = get-ready + work + rests + switch (both sides); a plan's
``total_seconds`` = the sum of its items' seconds + the transitions between them.
:func:`item_segments` spells the same arithmetic out step by step for the timer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from supple.library.vocab import FLOOR_POSITIONS

if TYPE_CHECKING:
    from supple.library.model import Tempo

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
    @property
    def set_rest_s(self) -> int | None: ...
    @property
    def tempo(self) -> Tempo | None: ...


@dataclass(frozen=True, slots=True)
class Segment:
    """One timed step of a session; ``side`` is 1 or 2 for sided work, else 0; a rest that
    ends a set is ``between_sets``."""

    kind: SegmentKind
    seconds: int
    side: int = 0
    rep: int = 0
    between_sets: bool = False


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


def side_seconds(
    per_rep: int, reps: int, sets: int, rest_s: int, set_rest_s: int | None = None
) -> int:
    """Seconds of one side: every repetition, the rests between them and between sets."""
    between_sets = rest_s if set_rest_s is None else set_rest_s
    one_set = per_rep * reps + rest_s * (reps - 1)
    return one_set * sets + between_sets * (sets - 1)


def dose_seconds(
    *,
    per_rep: int,
    reps: int,
    sets: int,
    rest_s: int,
    sided: bool,
    set_rest_s: int | None = None,
) -> int:
    """Seconds of one item (both sides, rests, switch, and the get-ready pause)."""
    one = side_seconds(per_rep, reps, sets, rest_s, set_rest_s)
    return (2 * one + SWITCH_SIDE_S if sided else one) + GET_READY_S


def per_rep_seconds(item: Timed) -> int:
    """The length of one repetition: the hold (with the tempo's lift and lowering around it),
    or the flowing duration."""
    if item.hold_s is not None:
        return item.hold_s + (item.tempo.seconds if item.tempo is not None else 0)
    if item.duration_s is None:
        raise ValueError("an item needs hold_s or duration_s")
    return item.duration_s


def item_seconds(item: Timed) -> int:
    """Seconds of ``item`` as counted in ``PlanItem.seconds``."""
    return dose_seconds(
        per_rep=per_rep_seconds(item),
        reps=item.reps,
        sets=item.sets,
        rest_s=item.rest_s,
        sided=item.sided,
        set_rest_s=item.set_rest_s,
    )


def item_segments(item: Timed, previous_position: str | None) -> Iterator[Segment]:
    """The timed steps of ``item``, starting with the transition from the previous position."""
    move = transition_seconds(previous_position, item.position)
    if move:
        yield Segment("transition", move)
    yield Segment("get_ready", GET_READY_S)
    per_rep = per_rep_seconds(item)
    count = item.reps * item.sets
    set_rest = item.rest_s if item.set_rest_s is None else item.set_rest_s
    for side in (1, 2) if item.sided else (0,):
        if side == 2:
            yield Segment("switch_side", SWITCH_SIDE_S, side=2)
        for rep in range(1, count + 1):
            yield Segment("work", per_rep, side=side, rep=rep)
            if rep == count:
                continue
            ends_set = rep % item.reps == 0
            pause = set_rest if ends_set else item.rest_s
            if pause:
                yield Segment("rest", pause, side=side, rep=rep, between_sets=ends_set)


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
