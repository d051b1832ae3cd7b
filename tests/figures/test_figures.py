"""Every figure validates, every exercise has one, and its SVG is well formed and labelled."""

from __future__ import annotations

import html
import itertools
import re

import pytest

from supple.figures import figure_ids, load_figure, render_exercise_svg
from supple.figures.validate import TOLERANCE, figure_errors
from supple.library import load_library

LIBRARY = load_library()
IDS = figure_ids()


@pytest.mark.parametrize("exercise_id", IDS)
def test_figure_validates(exercise_id: str) -> None:
    ex = LIBRARY[exercise_id]
    figure = load_figure(exercise_id)
    assert figure_errors(figure, ex.position, flowing_or_sided=ex.sided or ex.dose.flowing) == []


@pytest.mark.parametrize("exercise_id", IDS)
def test_sided_and_flowing_moves_have_two_keyframes(exercise_id: str) -> None:
    ex = LIBRARY[exercise_id]
    figure = load_figure(exercise_id)
    if ex.sided:
        assert figure.sides == "both"
    if ex.sided or ex.dose.flowing:
        assert len(figure.keyframes) >= 2


@pytest.mark.parametrize("exercise_id", IDS)
def test_svg_is_labelled_and_animated(exercise_id: str) -> None:
    ex = LIBRARY[exercise_id]
    svg = render_exercise_svg(ex)
    assert 'role="img"' in svg
    title = re.search(r"<title[^>]*>([^<]+)</title>", svg)
    assert title is not None and html.unescape(title.group(1)) == ex.name
    assert ("<animate " in svg) == (len(load_figure(exercise_id).keyframes) > 1)


def test_missing_figure_raises_lookup_error() -> None:
    ex = LIBRARY["cat_cow"].model_copy(update={"id": "no_such_move"})
    with pytest.raises(LookupError):
        render_exercise_svg(ex)


@pytest.mark.parametrize("exercise_id", IDS)
def test_animation_timing_is_well_formed(exercise_id: str) -> None:
    from xml.etree import ElementTree

    svg = render_exercise_svg(LIBRARY[exercise_id])
    root = ElementTree.fromstring(svg)  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    for anim in root.iter(f"{ns}animate"):
        keys = [float(k) for k in anim.attrib["keyTimes"].split(";")]
        values = anim.attrib["values"].split(";")
        assert len(keys) == len(values)
        assert keys[0] == 0 and keys[-1] == 1
        # Strictly increasing: each drawn position once, in time order.
        assert all(a < b for a, b in itertools.pairwise(keys))
    flips = list(root.iter(f"{ns}animateTransform"))
    figure = load_figure(exercise_id)
    panels = 2 if figure.second_view else 1
    # A sided move flips each picture of the animation to show the other side.
    assert len(flips) == (panels if figure.sides == "both" else 0)


def test_ids_differ_between_figures_and_modes() -> None:
    a = render_exercise_svg(LIBRARY["cat_cow"])
    b = render_exercise_svg(LIBRARY["cat_cow"], animated=False)
    c = render_exercise_svg(LIBRARY["bridge"])
    ids = [set(re.findall(r'id="([^"]+)"', svg)) for svg in (a, b, c)]
    assert not ids[0] & ids[1] and not ids[0] & ids[2] and not ids[1] & ids[2]


@pytest.mark.parametrize("exercise_id", IDS)
def test_moves_between_keyframes_stay_above_the_floor(exercise_id: str) -> None:
    from supple.figures.body import RADIUS
    from supple.figures.motion import samples

    seq, _, _ = samples(load_figure(exercise_id))
    for sample in seq:
        for name, point in sample.points.items():
            assert point[1] - RADIUS[name] >= -TOLERANCE, (sample.t, name)
