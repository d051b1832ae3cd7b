"""How long the in-between moments last (get-ready, switching sides, changing position)."""

from __future__ import annotations

from supple.library.vocab import FLOOR_POSITIONS

GET_READY_S = 5
SWITCH_SIDES_S = 5
#: Seconds to move between positions: the same spot, upright to upright, within the floor,
#: and up or down between the floor and standing/sitting.
SAME_POSITION_S = 0
UPRIGHT_CHANGE_S = 5
FLOOR_CHANGE_S = 10
UP_OR_DOWN_S = 15


def transition_seconds(came_from: str | None, target: str) -> int:
    """Seconds to allow for moving from ``came_from`` to ``target`` (0 for the same spot)."""
    if came_from is None or came_from == target:
        return SAME_POSITION_S
    down_before = came_from in FLOOR_POSITIONS
    down_after = target in FLOOR_POSITIONS
    if down_before != down_after:
        return UP_OR_DOWN_S
    return FLOOR_CHANGE_S if down_after else UPRIGHT_CHANGE_S
