"""Hands on what they hold (a chair, a rail, the stick), props drawn as props (a banister, a band
under the feet, a cushion between the knees), and a still's cues along the body."""

from __future__ import annotations

import itertools
import math
import re

import pytest

from supple.figures import load_figure, render_frames, render_svg
from supple.figures.arrows import screen_path
from supple.figures.body import forward
from supple.figures.camera import Projection
from supple.figures.grip import grip
from supple.figures.held import CUSHION, held_path
from supple.figures.loader import FigureError, parse_figure
from supple.figures.model import Figure, Pose, Prop
from supple.figures.motion import motion
from supple.figures.props import prop_shapes
from supple.figures.scene import BACKREST_H, RAIL_H, SEAT_HALF, grip_bar
from supple.figures.still import PRESS_GAP, plan_still
from supple.figures.validate import figure_errors

STANDING_AT_A_CHAIR = """
props: [{kind: chair, x: 50}]
keyframes:
- label: standing behind a chair, holding its back
  contacts: {floor: [feet]}
  grip: {hand_r: chair, hand_l: chair}
  pose: {base: standing, shoulder_r: {flex: 30}, shoulder_l: {flex: 30}}
"""


def _figure(text: str) -> Figure:
    return parse_figure(text, "test_move")


def _drawn(figure: Figure, k: int = 0) -> dict[str, tuple[float, float, float]]:
    return motion(figure).drawn[k].points


def _hand(points: dict[str, tuple[float, float, float]], s: str) -> tuple[float, float, float]:
    w, t = points[f"wrist_{s}"], points[f"tip_{s}"]
    return ((w[0] + t[0]) / 2, (w[1] + t[1]) / 2, (w[2] + t[2]) / 2)


def test_hands_hold_the_top_of_the_chair_back() -> None:
    figure = _figure(STANDING_AT_A_CHAIR)
    assert figure_errors(figure, "standing", flowing_or_sided=False) == []
    points = _drawn(figure)
    top_x = 50 - SEAT_HALF - 1.5
    for s in "rl":
        x, y, z = _hand(points, s)
        # On the backrest's top edge, within a hand's thickness of it, and between its posts.
        assert math.hypot(x - top_x, y - BACKREST_H) < 4.0, (s, x, y)
        assert abs(z) < SEAT_HALF


def test_a_hand_goes_to_the_nearest_point_of_a_rail_and_a_banister_climbs() -> None:
    rail = Prop(kind="rail", x=20, z=-38, rise=40)
    low, high = grip_bar(rail, {})  # type: ignore[misc]
    assert low[1] == RAIL_H and high[1] == RAIL_H + 40
    points = forward(Pose(), 100.0)
    grip(points, "hand_l", "rail", [rail])
    x, y, z = _hand(points, "l")
    # The point of the rail nearest the hand, the hand resting on it.
    t = (x - low[0]) / (high[0] - low[0])
    on_rail = (low[1] + t * (high[1] - low[1]), low[2])
    assert 0 <= t <= 1 and math.hypot(y - on_rail[0], z - on_rail[1]) < 5.0


def test_a_rail_is_drawn_with_its_posts() -> None:
    rail = Prop(kind="rail", x=0, z=-38, rise=30)
    shapes = prop_shapes(rail, Projection("side"), (0, 0, 0, 0), {})
    # Two posts (their faces the camera sees) and the bar on top of them.
    assert len(shapes) >= 3
    top = max(v for s in shapes for _, v in s.points)
    assert top >= RAIL_H + 30


def test_hands_hold_the_stick_along_the_back() -> None:
    figure = load_figure("hip_hinge_stick")
    for k in range(len(figure.keyframes)):
        points = _drawn(figure, k)
        prop = next(p for p in figure.props if p.kind == "stick")
        a, b = grip_bar(prop, points)  # type: ignore[misc]
        for s in "rl":
            assert _distance_to_line(_hand(points, s), a, b) < 4.0
        # The stick touches the head, the upper back and the tailbone.
        for name in ("occiput", "upper_back", "sacrum"):
            assert _distance_to_line(points[name], a, b) < 3.0, (k, name)


def _distance_to_line(p: tuple[float, ...], a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ab = [b[i] - a[i] for i in range(3)]
    ap = [p[i] - a[i] for i in range(3)]
    t = sum(x * y for x, y in zip(ab, ap, strict=True)) / sum(x * x for x in ab)
    return math.dist(p, [a[i] + t * ab[i] for i in range(3)])


def test_a_grip_on_a_prop_the_figure_lacks_is_caught() -> None:
    text = STANDING_AT_A_CHAIR.replace("props: [{kind: chair, x: 50}]", "props: []")
    errors = figure_errors(_figure(text), "standing", flowing_or_sided=False)
    assert errors[0].endswith("hand_r holds a chair the figure lacks")


def test_a_band_under_the_feet_loops_round_the_sole_to_the_other_hand() -> None:
    figure = load_figure("seated_back_extension_band")
    band = next(p for p in figure.props if p.kind == "band")
    shown = motion(figure).memo.project(_drawn(figure), figure_projection(figure))
    path = held_path(band, shown.__getitem__)
    # Hand, three points round the sole, the other hand.
    assert path.count("L") == 4


def figure_projection(figure: Figure) -> Projection:
    """The main view's projection."""
    return Projection.of(figure.camera)


def test_a_cushion_sits_between_the_knees_under_the_body() -> None:
    with pytest.raises(FigureError, match="cushion needs"):
        _figure(
            STANDING_AT_A_CHAIR.replace("x: 50}", "x: 50}, {kind: towel_or_strap, shape: cushion}")
        )
    figure = load_figure("seated_cushion_squeeze")
    svg = render_svg(figure, title="x", regions=[], animated=False)
    cushion = svg.index(f'fill="{CUSHION}"')
    # Drawn before any limb, so the knees press into it rather than hide behind it.
    assert cushion < svg.index('class="fig-near"')


def test_cues_are_drawn_along_their_points_and_pressing_cues_stop_short() -> None:
    figure = load_figure("seated_cushion_squeeze")
    proj = figure_projection(figure)
    plan = plan_still(figure, motion(figure), proj, flowing=False)
    cues = [a for a in plan.arrows if a.cue]
    assert len(cues) == 2 and not [a for a in plan.arrows if not a.cue]
    points = _drawn(figure, plan.show)
    for cue, (knee, other) in zip(cues, [("knee_r", "knee_l"), ("knee_l", "knee_r")], strict=True):
        start, end = cue.path
        # It comes in from outside the knee and stops short of it, pointing at the other knee.
        assert math.dist(end, points[knee]) == pytest.approx(PRESS_GAP, abs=0.01)
        assert math.dist(start, points[other]) > math.dist(end, points[other])
    svg = render_svg(figure, title="x", regions=[], animated=False)
    assert svg.count('class="fig-arrow"') == 2


def test_a_dashed_cue_runs_beside_the_body() -> None:
    figure = load_figure("body_scan")
    proj = figure_projection(figure)
    plan = plan_still(figure, motion(figure), proj, flowing=True)
    scan = next(a for a in plan.arrows if a.cue)
    assert scan.dashed and scan.offset
    path = screen_path(scan, proj)
    # From the feet up to the head: it ends far higher than it starts.
    assert path[-1][1] - path[0][1] > 60
    svg = render_svg(figure, title="x", regions=[], animated=False, flowing=True)
    assert "stroke-dasharray" in svg.split('class="fig-arrow"')[-1]


def test_a_cue_on_an_unknown_point_is_caught() -> None:
    text = "still: {cues: [{along: [pelvic_floor, navel]}]}\n" + STANDING_AT_A_CHAIR
    errors = figure_errors(_figure(text), "standing", flowing_or_sided=False)
    assert errors == ["a still's cue runs along an unknown point 'navel'"]


def test_the_pelvic_floor_is_the_base_of_the_pelvis() -> None:
    seated = load_figure("pelvic_floor_seated")
    points = _drawn(seated)
    assert points["pelvic_floor"][1] < points["pelvis"][1] - 8
    # On a chair it lies just over the seat, between the sitting bones.
    assert 42 <= points["pelvic_floor"][1] <= 48


def test_an_arc_turns_the_way_its_path_does() -> None:
    # A foot lifting behind the standing leg: its arrow is a short arc, not a loop round the hip.
    figure = load_figure("single_leg_stance")
    proj = figure_projection(figure)
    plan = plan_still(figure, motion(figure), proj, flowing=False)
    (arrow,) = plan.arrows
    path = screen_path(arrow, proj)
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(path))
    assert length < 60


def test_key_frames_share_one_box_and_are_drawn_as_the_animation_draws_them() -> None:
    figure = load_figure("thread_the_needle")
    frames = render_frames(figure, title="Thread the needle", regions=["upper_back"])
    assert len(frames) == len(figure.keyframes)
    boxes = {re.search(r'viewBox="([^"]+)"', f)[1] for f in frames}  # type: ignore[index]
    assert len(boxes) == 1
    ids = [set(re.findall(r'id="([^"]+)"', f)) for f in frames]
    assert not ids[0] & ids[1]
    for frame, key in zip(frames, figure.keyframes, strict=True):
        assert "fig-arrow" not in frame and "fig-ghost" not in frame and "<animate" not in frame
        assert key.label in frame
