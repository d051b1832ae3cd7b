"""Ordering that spares the body: positions grouped so the floor is reached once and left once."""

from __future__ import annotations

#: Standing -> chair -> kneeling / all fours -> prone -> supine -> side lying / seated floor.
POSITION_RANK: dict[str, int] = {
    "standing": 0,
    "seated_chair": 1,
    "kneeling": 2,
    "all_fours": 2,
    "prone": 3,
    "supine": 4,
    "side_lying": 5,
    "seated_floor": 5,
}


def position_key(position: str) -> tuple[int, str]:
    """Sort key grouping equal positions and ranking the groups."""
    return POSITION_RANK[position], position
