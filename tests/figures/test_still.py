"""A still shows the move: a chosen view, a ghost of the start, arrows; worked out from files in
the old format too. The animated SVG carries the still for readers who ask for less motion.
"""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from supple.figures import figure_ids, load_figure, render_svg
from supple.figures.camera import Projection
from supple.figures.loader import FigureError, parse_figure
from supple.figures.model import Figure
from supple.figures.motion import motion
from supple.figures.still import plan_still
from supple.library import load_library
from supple.library.loader import DATA

IDS = figure_ids()
LIBRARY = load_library()

#: A figure file as it was written before stills had ghosts and arrows: no new field at all.
OLD_FORMAT = """
view: side
props: [mat]
sides: both
keyframes:
- label: right knee eased to the chest
  hold_s: 2.5
  contacts:
    floor: [head, back, foot_l]
  pose:
    base: crook_lying
    hip_r: {flex: 120}
    knee_r: 135
    shoulder_r: {flex: 20}
    elbow_r: 76
- label: both feet back on the floor
  contacts: {floor: [head, back, feet]}
  pose: {base: crook_lying}
"""


def _still(figure: Figure, exercise_id: str | None = None) -> str:
    ex = LIBRARY[exercise_id or figure.exercise_id]
    return render_svg(
        figure, title=ex.name, regions=list(ex.regions), animated=False, flowing=ex.dose.flowing
    )


def _raw(exercise_id: str) -> dict[str, object]:
    entry = resources.files(DATA).joinpath("figures", f"{exercise_id}.yaml")
    data = yaml.safe_load(entry.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_figure_chooses_its_view(exercise_id: str) -> None:
    raw = _raw(exercise_id)
    assert raw.get("view") in ("side", "front", "oblique"), "the file names a view, not above"


def _moves(figure: Figure) -> bool:
    """Whether anything in the figure moves far enough for a still to show it."""
    plan = plan_still(figure, motion(figure), Projection.of(figure.camera), flowing=False)
    return plan.ghost is not None


def test_every_figure_in_the_library_moves() -> None:
    # A figure with one keyframe (a body scan, say) would have nothing to show; ours all move.
    assert all(_moves(load_figure(i)) for i in IDS)


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_moving_exercise_has_arrows_and_a_start_position(exercise_id: str) -> None:
    figure = load_figure(exercise_id)
    if not _moves(figure):
        pytest.skip("nothing moves: a still position needs no arrow")
    svg = _still(figure)
    assert 'class="fig-arrow"' in svg
    # The start is a ghost behind the end, or (for a small move) a picture of its own.
    assert 'class="fig-ghost"' in svg or 'class="fig-then"' in svg


def test_small_moves_are_a_before_and_after_pair() -> None:
    for exercise_id in ("breathing_crook_lying", "seated_breathing", "pelvic_tilt"):
        svg = _still(load_figure(exercise_id))
        assert 'class="fig-then"' in svg and 'class="fig-ghost"' not in svg


def test_old_format_files_get_a_ghost_and_an_arrow_from_their_keyframes() -> None:
    figure = parse_figure(OLD_FORMAT, "knee_to_chest_single")
    run = motion(figure)
    plan = plan_still(figure, run, Projection.of(figure.camera), flowing=False)
    assert (plan.show, plan.ghost, plan.pair) == (0, 1, False)
    assert "leg_r" in plan.ghost_chains and "leg_l" not in plan.ghost_chains
    # An arrow follows the right foot, from the floor up towards the chest.
    foot = next(a for a in plan.arrows if a.point == "toe_r")
    assert foot.path[-1][1] > foot.path[0][1] + 30
    svg = _still(figure)
    assert 'class="fig-ghost"' in svg and 'class="fig-arrow"' in svg


def test_the_still_can_be_told_what_to_show() -> None:
    text = OLD_FORMAT.replace("keyframes:", "still: {show: 1, ghost: none}\nkeyframes:")
    figure = parse_figure(text, "knee_to_chest_single")
    plan = plan_still(figure, motion(figure), Projection.of(figure.camera), flowing=False)
    assert (plan.show, plan.ghost, plan.arrows) == (1, None, ())
    with pytest.raises(FigureError, match="past the last keyframe"):
        parse_figure(OLD_FORMAT.replace("keyframes:", "still: {show: 2}\nkeyframes:"), "x")


def test_a_second_view_is_drawn_beside_the_first() -> None:
    one = _still(load_figure("childs_pose"))
    two = _still(load_figure("childs_pose_wide_knee"))
    # Each picture has its own hatch pattern for its far limbs.
    assert one.count("<pattern") == 1 and two.count("<pattern") == 2


def test_flowing_moves_get_arrows_both_ways() -> None:
    flowing = _still(load_figure("cat_cow"))
    held = _still(load_figure("knee_to_chest_single"))
    heads = flowing.split('class="fig-arrow"')[1].split("</g>")[0]
    one_head = held.split('class="fig-arrow"')[1].split("</g>")[0]
    # Two triangles (two "Z"s) in each arrowhead path of a flowing move, one for a held one.
    assert heads.count("Z") == 2 * one_head.count("Z")


def test_the_animation_carries_the_still_for_reduced_motion() -> None:
    ex = LIBRARY["cat_cow"]
    svg = render_svg(load_figure("cat_cow"), title=ex.name, regions=list(ex.regions))
    assert "<animate " in svg
    assert "@media (prefers-reduced-motion: reduce)" in svg
    assert 'class="fig-motion"' in svg and 'class="fig-still"' in svg
    # The rule is scoped to this picture, so it cannot reach anything else on the page.
    assert "#fig-cat_cow-a-root .fig-motion{display:none}" in svg


def test_a_thumbnail_is_a_still_square() -> None:
    ex = LIBRARY["cat_cow"]
    svg = render_svg(load_figure("cat_cow"), title=ex.name, regions=list(ex.regions), size="thumb")
    assert 'width="96" height="96"' in svg
    assert "<animate" not in svg and "prefers-reduced-motion" not in svg


def test_held_props_are_drawn_between_the_hands() -> None:
    from supple.figures.held import BAND, STICK, STRAP

    text = OLD_FORMAT.replace(
        "props: [mat]", "props: [mat, band, {kind: stick, ends: [occiput, sacrum]}]"
    )
    svg = _still(parse_figure(text, "knee_to_chest_single"))
    assert f'stroke="{BAND}"' in svg and f'stroke="{STICK}"' in svg
    strap = _still(load_figure("lying_hamstring_stretch_strap"))
    assert f'stroke="{STRAP}"' in strap


def test_a_single_position_is_drawn_without_arrows() -> None:
    text = OLD_FORMAT.split("- label: both feet back")[0].replace("sides: both\n", "")
    figure = parse_figure(text, "knee_to_chest_single")
    svg = _still(figure)
    assert "fig-arrow" not in svg and "fig-ghost" not in svg and "<animate" not in svg
