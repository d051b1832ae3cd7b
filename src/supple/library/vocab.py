"""The fixed vocabularies an exercise entry is written in."""

from typing import Literal, get_args

Kind = Literal["warm_up", "stretch", "mobility", "strength", "relaxation", "aerobic"]
Region = Literal[
    "lower_back",
    "upper_back",
    "neck",
    "shoulders",
    "chest",
    "hips",
    "glutes",
    "hamstrings",
    "hip_flexors",
    "core",
    "legs",
]
Position = Literal[
    "standing",
    "seated_chair",
    "seated_floor",
    "kneeling",
    "all_fours",
    "supine",
    "prone",
    "side_lying",
]
Equipment = Literal["mat", "towel_or_strap", "chair", "wall", "doorway", "step", "band", "stick"]
Load = Literal[
    "spinal_flexion",
    "spinal_extension",
    "spinal_rotation",
    "spinal_side_bend",
    "hip_flexion_deep",
    "hip_adduction_across_midline",
    "hip_internal_rotation",
    "kneeling",
    "wrist_weight_bearing",
    "prone_lying",
    "supine_lying",
    "single_leg_balance",
    "head_below_hips",
    "spinal_flexion_gentle",
    "neural_tension",
    "deep_knee_flexion",
    "hand_support",
    "balance_challenge",
    "hip_extension_external_rotation",
    "leg_lever_rotation",
    "loaded_arms_overhead",
]

KINDS: tuple[str, ...] = get_args(Kind)
REGIONS: tuple[str, ...] = get_args(Region)
POSITIONS: tuple[str, ...] = get_args(Position)
EQUIPMENT: tuple[str, ...] = get_args(Equipment)
LOADS: tuple[str, ...] = get_args(Load)

#: Positions on the floor: getting into any of them from standing or a chair is a descent.
FLOOR_POSITIONS: frozenset[str] = frozenset(
    {"seated_floor", "kneeling", "all_fours", "supine", "prone", "side_lying"}
)
