"""Every figure rendered to PNG (cairosvg): not empty, inside its box, on the floor, and its near
and far limbs apart in grey scale; thumbnails that still show a body. Each picture is rendered
once and shared by the tests that look at it.
"""

from __future__ import annotations

import re
from typing import cast

import pytest
from PIL import Image

from supple.figures import figure_ids
from supple.figures.validate import TOLERANCE
from tests.figures.pictures import (
    PLAYER_PX,
    body_pixels,
    figure_of,
    probe_png,
    still_png,
    still_svg,
)

IDS = figure_ids()
#: Grey levels (of 255) that near and far limbs must differ by once printed in black and white.
CONTRAST = 80


def _near_far_greys(exercise_id: str) -> tuple[list[int], list[int]]:
    """Grey levels of the real render where the probe shows near (red) and far (green) limbs."""
    grey = still_png(exercise_id, "player", PLAYER_PX).convert("L").load()
    probe = probe_png(exercise_id)
    pixels = probe.load()
    assert grey is not None and pixels is not None
    near: list[int] = []
    far: list[int] = []
    for y in range(probe.height):
        for x in range(probe.width):
            r, g, b, a = cast("tuple[int, int, int, int]", pixels[x, y])
            if a > 250 and r > 250 and g < 5 and b < 5:
                near.append(cast(int, grey[x, y]))
            elif a > 250 and g > 250 and r < 5 and b < 5:
                far.append(cast(int, grey[x, y]))
    return near, far


@pytest.mark.parametrize("exercise_id", IDS)
def test_still_is_drawn_inside_its_box(exercise_id: str) -> None:
    image = still_png(exercise_id, "player", PLAYER_PX)
    body = body_pixels(image)
    assert len(body) > 0.02 * image.width * image.height, "the figure is nearly empty"
    cols = [c for c, _ in body]
    rows = [r for _, r in body]
    assert min(cols) > 0 and max(cols) < image.width - 1
    assert min(rows) > 0 and max(rows) < image.height - 1


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_level_still_rests_on_its_floor_line(exercise_id: str) -> None:
    figure = figure_of(exercise_id)
    svg = still_svg(exercise_id)
    one_picture = "fig-then" not in svg and figure.second_view is None
    level = figure.view != "above" and not figure.elevation
    if not (one_picture and level and "floor" in figure.keyframes[figure.still.show].contacts):
        pytest.skip("only a single level picture standing on the floor has one floor line")
    image = still_png(exercise_id, "player", PLAYER_PX)
    box = re.search(r'viewBox="([^"]+)"', svg)
    assert box is not None
    _, y0, _, bh = (float(v) for v in box.group(1).split())
    floor_row = (0 - y0) / bh * image.height
    lowest = max(r for _, r in body_pixels(image))
    # The lowest body pixel touches the floor line: no floating, no sinking.
    assert abs(lowest - floor_row) <= 1.5 + TOLERANCE * image.height / bh, (lowest, floor_row)


@pytest.mark.parametrize("exercise_id", IDS)
def test_near_and_far_limbs_differ_in_grey_scale(exercise_id: str) -> None:
    near, far = _near_far_greys(exercise_id)
    assert len(near) > 200, "no near limb to be seen"
    if len(far) < 300:
        pytest.skip("the far limbs hide behind the near ones in this view")
    near_grey, far_grey = sum(near) / len(near), sum(far) / len(far)
    assert far_grey - near_grey >= CONTRAST, (near_grey, far_grey)
    # The far limbs are hatched, not a flat tint: their greys spread (light with dark lines).
    assert max(far) - min(far) > 40


def test_many_figures_show_a_far_limb() -> None:
    # The check above is skipped where the far limbs hide; make sure it still looks at many.
    shown = [i for i in IDS if len(_near_far_greys(i)[1]) >= 300]
    assert len(shown) >= 15, shown


@pytest.mark.parametrize("exercise_id", IDS)
def test_thumbnail_is_a_square_that_still_shows_the_body(exercise_id: str) -> None:
    thumb = still_png(exercise_id, "thumb")
    assert thumb.size == (96, 96)
    assert len(body_pixels(thumb)) > 0.025 * 96 * 96
    small = thumb.resize((64, 64), Image.Resampling.LANCZOS)
    assert len(body_pixels(small)) > 0.015 * 64 * 64


def test_print_size_is_ninety_millimetres_wide() -> None:
    svg = still_svg("cat_cow", "print")
    assert re.search(r'width="90mm" height="[\d.]+mm"', svg)
