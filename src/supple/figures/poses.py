"""Named starting poses that keyframes build on (``base:``), so each file says only what differs."""

from __future__ import annotations

from typing import Any

#: Pose fields as in ``Pose``; a keyframe's own values override these, joint by joint.
BASES: dict[str, dict[str, Any]] = {
    "standing": {
        "shoulder_r": {"abd": 6},
        "shoulder_l": {"abd": 6},
        "elbow_r": 8,
        "elbow_l": 8,
        "knee_r": 2,
        "knee_l": 2,
    },
    "seated_chair": {
        "root": {"x": -6},
        "hip_r": {"flex": 90, "abd": 4},
        "hip_l": {"flex": 90, "abd": 4},
        "knee_r": 90,
        "knee_l": 90,
        "shoulder_r": {"flex": 20},
        "shoulder_l": {"flex": 20},
        "elbow_r": 55,
        "elbow_l": 55,
    },
    "seated_floor": {
        "hip_r": {"flex": 90},
        "hip_l": {"flex": 90},
        "ankle_r": -15,
        "ankle_l": -15,
        "shoulder_r": {"flex": 35, "abd": 8},
        "shoulder_l": {"flex": 35, "abd": 8},
        "elbow_r": 45,
        "elbow_l": 45,
    },
    "crook_lying": {
        "root": {"pitch": 90},
        "hip_r": {"flex": 42},
        "hip_l": {"flex": 42},
        "knee_r": 100,
        "knee_l": 100,
        "ankle_r": -31,
        "ankle_l": -31,
        "shoulder_r": {"flex": -8, "abd": 10},
        "shoulder_l": {"flex": -8, "abd": 10},
        "neck": {"flex": -8},
    },
    "supine_flat": {
        "root": {"pitch": 90},
        "hip_r": {"flex": -4},
        "hip_l": {"flex": -4},
        "ankle_r": -30,
        "ankle_l": -30,
        "shoulder_r": {"flex": -8, "abd": 10},
        "shoulder_l": {"flex": -8, "abd": 10},
        "neck": {"flex": -8},
    },
    "prone": {
        "root": {"pitch": -90},
        "hip_r": {"flex": -4},
        "hip_l": {"flex": -4},
        "ankle_r": -80,
        "ankle_l": -80,
        "shoulder_r": {"flex": 8},
        "shoulder_l": {"flex": 8},
    },
    "all_fours": {
        "root": {"pitch": -79},
        "hip_r": {"flex": 80},
        "hip_l": {"flex": 80},
        "knee_r": 90,
        "knee_l": 90,
        "ankle_r": -85,
        "ankle_l": -85,
        "shoulder_r": {"flex": 79},
        "shoulder_l": {"flex": 79},
        # The hands flat on the floor, fingers pointing forward.
        "wrist_r": 86,
        "wrist_l": 86,
    },
    "kneeling": {
        "knee_r": 90,
        "knee_l": 90,
        "ankle_r": -85,
        "ankle_l": -85,
    },
    "side_lying": {
        "root": {"pitch": 90, "roll": -90},
        "hip_r": {"flex": 40},
        "hip_l": {"flex": 40},
        "knee_r": 60,
        "knee_l": 60,
        "shoulder_r": {"flex": 80},
        "shoulder_l": {"flex": 60},
        "elbow_r": 30,
    },
}


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``override`` laid over it; joints merge key by key."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out
