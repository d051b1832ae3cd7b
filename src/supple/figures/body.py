"""Forward kinematics: joint angles to the 3-D points of a 170 cm figure.

Segment lengths follow the usual anthropometric fractions of standing height (Drillis and
Contini, as tabled by Winter): thigh 0.245 H, shank 0.246 H, upper arm 0.186 H, forearm
0.146 H, hand 0.108 H, hip to shoulder 0.29 H.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from supple.figures.model import BallJoint, Pose, SpineJoint

H = 170.0
LOWER_TRUNK = 0.135 * H
UPPER_TRUNK = 0.155 * H
NECK = 0.05 * H
HEAD_R = 11.0
THIGH = 0.245 * H
SHANK = 0.246 * H
UPPER_ARM = 0.186 * H
FOREARM = 0.146 * H
HAND = 0.09 * H
HALF_HIPS = 8.5
HALF_SHOULDERS = 17.0

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]


@dataclass(frozen=True)
class Segment:
    """A capsule between two named points, drawn ``width`` cm thick."""

    name: str
    a: str
    b: str
    width: float
    side: str  # "r", "l" or "" for the trunk and head


def _segments() -> tuple[Segment, ...]:
    central = [
        Segment("pelvis", "hip_l", "hip_r", 16, ""),
        Segment("lower_trunk", "pelvis", "waist", 23, ""),
        Segment("upper_trunk", "waist", "chest", 25, ""),
        Segment("shoulder_girdle", "shoulder_l", "shoulder_r", 13, ""),
        Segment("neck", "chest", "neck_top", 10, ""),
    ]
    limbs = [
        ("thigh", "hip", "knee", 15),
        ("shank", "knee", "ankle", 11),
        ("foot", "heel", "toe", 7),
        ("upper_arm", "shoulder", "elbow", 10),
        ("forearm", "elbow", "wrist", 8),
        ("hand", "wrist", "tip", 6),
    ]
    sided = [
        Segment(f"{n}_{s}", f"{a}_{s}", f"{b}_{s}", w, s) for s in "rl" for n, a, b, w in limbs
    ]
    return (*central, *sided)


SEGMENTS = _segments()

#: How far each named point's surface lies from it: the largest capsule radius meeting there.
RADIUS: dict[str, float] = {"head": HEAD_R}
for _seg in SEGMENTS:
    for _p in (_seg.a, _seg.b):
        RADIUS[_p] = max(RADIUS.get(_p, 0.0), _seg.width / 2)
RADIUS["nose"] = 3.5
RADIUS["eye_r"] = RADIUS["eye_l"] = 1.5
RADIUS["crown"] = 1.0
#: Points on the skin of the back and belly: where a stick or a wall touches, where breath shows,
#: and the pelvic floor (the base of the pelvis, between the sitting bones).
SURFACE = (
    "sacrum",
    "pubis",
    "pelvic_floor",
    "mid_back",
    "upper_back",
    "occiput",
    "belly",
    "sternum",
)
for _p in SURFACE:
    RADIUS[_p] = 0.5

#: The trunk's cross-sections, bottom to top: the frame they turn with, the height above that
#: frame's origin, half the width, the depth in front of and behind the spine, and how much a
#: full breath pushes the front out. Ellipses through these make the chest, waist and pelvis.
TORSO_LEVELS: tuple[tuple[str, float, float, float, float, float], ...] = (
    ("pelvis", -7.0, 15.5, 8.0, 11.5, 0.0),
    ("pelvis", 2.0, 16.0, 9.5, 10.0, 1.5),
    ("waist", 0.0, 13.5, 9.5, 8.5, 5.0),
    ("waist", 9.0, 15.0, 10.5, 9.0, 3.0),
    ("chest", -8.0, 16.5, 11.0, 9.5, 1.5),
    ("chest", -1.5, 17.5, 7.0, 7.5, 0.3),
)
RING = 12
#: Ring point names, level by level: ``ring<level>_<k>``, k going round from the front.
RING_POINTS = tuple(f"ring{i}_{k}" for i in range(len(TORSO_LEVELS)) for k in range(RING))
#: Ring points lie on the skin itself.
RADIUS |= dict.fromkeys(RING_POINTS, 0.0)
_RING_DIRS = tuple(
    (math.cos(2 * math.pi * k / RING), math.sin(2 * math.pi * k / RING)) for k in range(RING)
)

#: Shorthand names usable in a keyframe's contacts.
GROUPS: dict[str, tuple[str, ...]] = {
    "feet": ("heel_r", "toe_r", "heel_l", "toe_l"),
    "foot_r": ("heel_r", "toe_r"),
    "foot_l": ("heel_l", "toe_l"),
    "heels": ("heel_r", "heel_l"),
    "toes": ("toe_r", "toe_l"),
    "knees": ("knee_r", "knee_l"),
    "hands": ("wrist_r", "tip_r", "wrist_l", "tip_l"),
    "hand_r": ("wrist_r", "tip_r"),
    "hand_l": ("wrist_l", "tip_l"),
    "forearms": ("elbow_r", "wrist_r", "elbow_l", "wrist_l"),
    "forearm_r": ("elbow_r", "wrist_r"),
    "forearm_l": ("elbow_l", "wrist_l"),
    "shins": ("knee_r", "ankle_r", "knee_l", "ankle_l"),
    "shin_r": ("knee_r", "ankle_r"),
    "shin_l": ("knee_l", "ankle_l"),
    "seat": ("hip_r", "hip_l"),
    "back": ("pelvis", "chest"),
}


def expand(names: list[str]) -> list[str]:
    """Replace group names by their points; raise KeyError on an unknown name."""
    out: list[str] = []
    for name in names:
        if name in GROUPS:
            out.extend(GROUPS[name])
        elif name in RADIUS:
            out.append(name)
        else:
            raise KeyError(name)
    return out


_I: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def _rx(deg: float) -> Mat:
    if not deg:
        return _I
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def _ry(deg: float) -> Mat:
    if not deg:
        return _I
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def _rz(deg: float) -> Mat:
    if not deg:
        return _I
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def _mul(a: Mat, b: Mat) -> Mat:
    # Most joints turn about one axis only; skipping the identity halves the work.
    if a is _I:
        return b
    if b is _I:
        return a
    return (
        (
            a[0][0] * b[0][0] + a[0][1] * b[1][0] + a[0][2] * b[2][0],
            a[0][0] * b[0][1] + a[0][1] * b[1][1] + a[0][2] * b[2][1],
            a[0][0] * b[0][2] + a[0][1] * b[1][2] + a[0][2] * b[2][2],
        ),
        (
            a[1][0] * b[0][0] + a[1][1] * b[1][0] + a[1][2] * b[2][0],
            a[1][0] * b[0][1] + a[1][1] * b[1][1] + a[1][2] * b[2][1],
            a[1][0] * b[0][2] + a[1][1] * b[1][2] + a[1][2] * b[2][2],
        ),
        (
            a[2][0] * b[0][0] + a[2][1] * b[1][0] + a[2][2] * b[2][0],
            a[2][0] * b[0][1] + a[2][1] * b[1][1] + a[2][2] * b[2][1],
            a[2][0] * b[0][2] + a[2][1] * b[1][2] + a[2][2] * b[2][2],
        ),
    )


def _at(origin: Vec, m: Mat, local: Vec) -> Vec:
    x, y, z = local
    return (
        origin[0] + m[0][0] * x + m[0][1] * y + m[0][2] * z,
        origin[1] + m[1][0] * x + m[1][1] * y + m[1][2] * z,
        origin[2] + m[2][0] * x + m[2][1] * y + m[2][2] * z,
    )


def _spine(j: SpineJoint) -> Mat:
    return _mul(_mul(_rz(-j.flex), _rx(j.bend)), _ry(-j.twist))


def _ball(j: BallJoint, side: float) -> Mat:
    return _mul(_mul(_rz(j.flex), _rx(-side * j.abd)), _ry(-side * j.rot))


def _rings(pose: Pose, frames: dict[str, tuple[Vec, Mat]]) -> dict[str, Vec]:
    out: dict[str, Vec] = {}
    for i, (frame, up, half, front, back, swell) in enumerate(TORSO_LEVELS):
        origin, m = frames[frame]
        front += swell * pose.breath
        for k, (c, s) in enumerate(_RING_DIRS):
            depth = front if c >= 0 else back
            out[f"ring{i}_{k}"] = _at(origin, m, (depth * c, up, half * s))
    return out


def forward(pose: Pose, y: float, *, rings: bool = False) -> dict[str, Vec]:
    """Every named point of ``pose`` in world coordinates, the pelvis at height ``y``.

    ``rings`` adds the trunk's cross-sections (``RING_POINTS``), which only drawing needs.
    """
    r = pose.root
    pelvis: Vec = (r.x, y, r.z)
    rp = _mul(_mul(_mul(_ry(r.yaw), _rz(r.pitch)), _rx(r.tilt)), _ry(r.roll))
    rl = _mul(rp, _spine(pose.lumbar))
    waist = _at(pelvis, rl, (0.0, LOWER_TRUNK, 0.0))
    rt = _mul(rl, _spine(pose.thoracic))
    chest = _at(waist, rt, (0.0, UPPER_TRUNK, 0.0))
    rn = _mul(rt, _spine(pose.neck))
    neck_top = _at(chest, rn, (0.0, NECK, 0.0))
    rh = _mul(rn, _spine(pose.head))
    head = _at(neck_top, rh, (1.5, HEAD_R * 0.75, 0.0))
    pts: dict[str, Vec] = {
        "pelvis": pelvis,
        "waist": waist,
        "chest": chest,
        "neck_top": neck_top,
        "head": head,
        "nose": _at(head, rh, (HEAD_R * 0.95, -1.0, 0.0)),
        "eye_r": _at(head, rh, (HEAD_R * 0.72, HEAD_R * 0.2, HEAD_R * 0.42)),
        "eye_l": _at(head, rh, (HEAD_R * 0.72, HEAD_R * 0.2, -HEAD_R * 0.42)),
        "crown": _at(head, rh, (0.0, HEAD_R, 0.0)),
        "occiput": _at(head, rh, (-HEAD_R - 0.5, 0.0, 0.0)),
        "sacrum": _at(pelvis, rp, (-11.0, -2.0, 0.0)),
        "pubis": _at(pelvis, rp, (8.0, -7.0, 0.0)),
        "pelvic_floor": _at(pelvis, rp, (0.0, -9.5, 0.0)),
        "belly": _at(waist, rl, (9.5 + 5.0 * pose.breath, 0.0, 0.0)),
        "upper_back": _at(chest, rt, (-10.0, -9.0, 0.0)),
        "mid_back": _at(waist, rl, (-9.5, 6.0, 0.0)),
        "sternum": _at(chest, rt, (11.0 + 1.2 * pose.breath, -10.0, 0.0)),
    }
    if rings:
        pts |= _rings(pose, {"pelvis": (pelvis, rp), "waist": (waist, rl), "chest": (chest, rt)})
    for s, sign in (("r", 1.0), ("l", -1.0)):
        blade = getattr(pose, f"scapula_{s}")
        shoulder = _at(chest, rt, (-blade.retract, blade.elev - 4.0, sign * HALF_SHOULDERS))
        ra = _mul(rt, _ball(getattr(pose, f"shoulder_{s}"), sign))
        elbow = _at(shoulder, ra, (0.0, -UPPER_ARM, 0.0))
        rf = _mul(ra, _rz(getattr(pose, f"elbow_{s}")))
        wrist = _at(elbow, rf, (0.0, -FOREARM, 0.0))
        rw = _mul(rf, _rz(getattr(pose, f"wrist_{s}")))
        hip = _at(pelvis, rp, (2.0, -4.0, sign * HALF_HIPS))
        rthigh = _mul(rp, _ball(getattr(pose, f"hip_{s}"), sign))
        knee = _at(hip, rthigh, (0.0, -THIGH, 0.0))
        rs = _mul(rthigh, _rz(-getattr(pose, f"knee_{s}")))
        ankle = _at(knee, rs, (0.0, -SHANK, 0.0))
        rfoot = _mul(rs, _rz(getattr(pose, f"ankle_{s}")))
        pts |= {
            f"shoulder_{s}": shoulder,
            f"elbow_{s}": elbow,
            f"wrist_{s}": wrist,
            f"tip_{s}": _at(wrist, rw, (0.0, -HAND, 0.0)),
            f"hip_{s}": hip,
            f"knee_{s}": knee,
            f"ankle_{s}": ankle,
            f"heel_{s}": _at(ankle, rfoot, (-5.0, -3.5, 0.0)),
            f"toe_{s}": _at(ankle, rfoot, (18.0, -3.5, 0.0)),
        }
    return pts
