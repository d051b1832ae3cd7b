"""The figure model: keyframes of an articulated body, the view they are drawn from, and props.

Angles are degrees. The body's own axes: x forward, y up, z to its right. Positive values mean:
``flex`` bending forward (spine, neck, hip, shoulder; elbow and knee bend), ``bend`` a side
bend to the right, ``twist`` turning the chest or face to the right, ``abd`` moving a limb out
to its side, ``rot`` turning a limb outwards (external rotation). The root is the centre of the
pelvis: ``pitch`` tips the whole body in the side view (90 lies it on its back, head to the
left; -90 on its front, head to the right), ``tilt`` drops its right hip (a sideways tilt),
``roll`` turns it about its long axis, ``yaw`` about the vertical. Lengths are centimetres;
y is up and the floor is y = 0.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.library.vocab import Equipment, Position

#: Where the camera stands: beside the body (its right side), in front of it, at a three-quarter
#: angle between the two, or straight above (only when nothing else shows the move).
View = Literal["side", "front", "oblique", "above"]
#: The camera's turn about the vertical for each view unless ``azimuth`` says otherwise.
AZIMUTH: dict[str, float] = {"side": 0.0, "front": 90.0, "oblique": 40.0, "above": 0.0}
#: Props are the library's equipment, plus a handrail (a banister or grab rail, which the
#: library does not list as equipment); a support is one of the library's positions.
PropKind = Equipment | Literal["rail"]
#: Props a hand can hold (``grip: {hand_l: chair}``): the top of a chair's backrest, a rail, the
#: stick.
GRIP_PROPS = ("chair", "rail", "stick")
#: What a body point can rest on; ``towel`` is the top of a rolled towel (a prop with
#: ``shape: roll``), which lies under the point it names.
Surface = Literal["floor", "seat", "step", "wall", "doorway", "towel"]
Support = Position


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SpineJoint(_Strict):
    """A joint of the spine or neck: forward flexion, side bend to the right, twist right."""

    flex: float = 0
    bend: float = 0
    twist: float = 0


class BallJoint(_Strict):
    """A shoulder or hip: flexion forward, abduction out to the side, outward rotation."""

    flex: float = 0
    abd: float = 0
    rot: float = 0


class Scapula(_Strict):
    """The shoulder blade's glide in cm: ``elev`` lifts the shoulder, ``retract`` draws it back."""

    elev: float = 0
    retract: float = 0


class Root(_Strict):
    """Where the pelvis is and how the whole body is turned; ``y`` None drops it on its support."""

    x: float = 0
    y: float | None = None
    z: float = 0
    pitch: float = 0
    tilt: float = 0
    yaw: float = 0
    roll: float = 0


class Pose(_Strict):
    """Joint angles for every joint of the figure (``_r`` right side, ``_l`` left side)."""

    root: Root = Root()
    lumbar: SpineJoint = SpineJoint()
    thoracic: SpineJoint = SpineJoint()
    neck: SpineJoint = SpineJoint()
    head: SpineJoint = SpineJoint()
    scapula_r: Scapula = Scapula()
    scapula_l: Scapula = Scapula()
    shoulder_r: BallJoint = BallJoint()
    shoulder_l: BallJoint = BallJoint()
    elbow_r: float = 0
    elbow_l: float = 0
    wrist_r: float = 0
    wrist_l: float = 0
    hip_r: BallJoint = BallJoint()
    hip_l: BallJoint = BallJoint()
    knee_r: float = 0
    knee_l: float = 0
    ankle_r: float = 0
    ankle_l: float = 0
    #: How full the lungs are, 0 (out) to 1 (in): the belly and chest swell with it.
    breath: float = Field(default=0, ge=0, le=1)


#: The body points a held prop runs between when the file does not say.
DEFAULT_ENDS: dict[str, tuple[str, str]] = {
    "towel_or_strap": ("tip_r", "toe_r"),
    "band": ("tip_r", "tip_l"),
    "stick": ("tip_r", "tip_l"),
}


class Prop(_Strict):
    """A piece of the scene; ``x`` places it along the floor, ``z`` across it."""

    kind: PropKind
    x: float = 0
    z: float = 0
    #: For a towel or strap, a band or a stick: the body points it runs between (a strap from
    #: the hands to a foot, a band or stick from hand to hand). None: the kind's usual ends.
    ends: tuple[str, str] | None = None
    #: A towel drawn as a strap between ``ends``, rolled up and lying under the point ``at``, or
    #: a cushion (a folded towel) held between the two body points ``ends`` (the knees).
    shape: Literal["strap", "roll", "cushion"] = "strap"
    at: str | None = Field(default=None, description="the body point a rolled towel lies under")
    length: float | None = Field(
        default=None, gt=0, le=200, description="a stick's length in cm (default 120)"
    )
    rise: float = Field(
        default=0, ge=0, le=80, description="how far (cm) a rail climbs along its length"
    )

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        return {"kind": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _cushion_between(self) -> Prop:
        if self.shape == "cushion" and self.ends is None:
            raise ValueError("a cushion needs the two body points it sits between (ends)")
        return self

    @property
    def held_ends(self) -> tuple[str, str] | None:
        """The body points a strap, band, stick or cushion runs between; None for other props."""
        if self.kind not in DEFAULT_ENDS or self.shape == "roll":
            return None
        return self.ends or DEFAULT_ENDS[self.kind]


class Camera(_Strict):
    """A view of the scene: where the camera stands and how far it looks down."""

    view: View = "side"
    azimuth: float | None = Field(
        default=None, ge=-180, le=180, description="degrees turned from the side view"
    )
    elevation: float = Field(default=0, ge=0, le=60)

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        return {"view": data} if isinstance(data, str) else data


class Cue(_Strict):
    """An arrow a still draws along body points, for what the body cannot show moving.

    The pelvic floor lifting (``along: [pelvic_floor, waist]``), attention moving up the body
    in a body scan. ``offset`` moves it off the body (cm, to the left of the way it points on
    the screen; negative to the right); ``dashed`` draws it as attention rather than movement.
    ``press`` draws a short arrow coming in from beyond the last point towards it, along the
    line from the point before: a knee squeezing a cushion (``along: [knee_l, knee_r]``).
    """

    along: list[str] = Field(min_length=2)
    offset: float = Field(default=0, ge=-40, le=40)
    two_way: bool = False
    dashed: bool = False
    press: bool = False


class Still(_Strict):
    """How a still shows the move; every field left out is worked out from the keyframes."""

    show: int = Field(default=0, ge=0, description="the keyframe drawn solid")
    ghost: int | Literal["auto", "none"] = Field(
        default="auto", description="the keyframe drawn faint behind it (auto: the farthest)"
    )
    arrows: list[str] | None = Field(
        default=None, description="body points given a curved arrow (None: the one moving most)"
    )
    pair: bool | None = Field(
        default=None, description="before and after side by side (None: when the move is small)"
    )
    cues: list[Cue] = Field(default_factory=list, description="arrows along body points")


class Keyframe(_Strict):
    """One position of the body, held for ``hold_s`` then moved out of in ``move_s``."""

    label: str = Field(min_length=2, max_length=60)
    pose: Pose
    support: Support | None = Field(
        default=None, description="what carries the body; None means the exercise's position"
    )
    contacts: dict[Surface, list[str]] = Field(min_length=1)
    grip: dict[Literal["hand_r", "hand_l", "foot_r", "foot_l"], str] = Field(
        default_factory=dict,
        description="what a hand holds or a foot rests on: a body point, or thigh_r/shin_r",
    )
    hold_s: float = Field(default=1.5, ge=0, le=10)
    move_s: float = Field(default=1.5, gt=0, le=10)


class Figure(_Strict):
    """The drawing of one exercise: keyframes, the view, the props.

    ``sides: both`` repeats the keyframes mirrored, showing the other side after the first.
    """

    exercise_id: str
    view: View = "side"
    azimuth: float | None = Field(
        default=None, ge=-180, le=180, description="degrees the camera is turned from the side"
    )
    elevation: float = Field(
        default=0, ge=0, le=60, description="degrees the camera looks down from (side and front)"
    )
    second_view: Camera | None = Field(
        default=None, description="a second small view drawn beside the first (a twist)"
    )
    still: Still = Still()
    props: list[Prop] = Field(default_factory=list)
    sides: Literal["one", "both"] = "one"
    focus: Literal["r", "l"] | None = Field(
        default=None, description="the side whose limbs are stretched, for the highlight"
    )
    trace: list[str] = Field(
        default_factory=list, description="body points whose path is drawn as a dotted line"
    )
    keyframes: list[Keyframe] = Field(min_length=1)

    @model_validator(mode="after")
    def _still_names_keyframes(self) -> Figure:
        count = len(self.keyframes)
        chosen = [self.still.show] + (
            [self.still.ghost] if isinstance(self.still.ghost, int) else []
        )
        if any(i >= count for i in chosen):
            raise ValueError(f"still: a keyframe index is past the last keyframe ({count - 1})")
        return self

    @property
    def camera(self) -> Camera:
        """The main view as a camera."""
        return Camera(view=self.view, azimuth=self.azimuth, elevation=self.elevation)
