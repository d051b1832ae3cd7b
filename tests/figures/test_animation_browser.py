"""The animated SVG really moves in Chromium, a sided move flips to the other side, and readers
who ask for less motion see the still instead."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from supple.figures import load_figure, render_exercise_svg
from supple.figures.parts import PART_NAMES
from supple.library import load_library

pytestmark = [pytest.mark.browser]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which(CHROMIUM):
        pytest.skip("no Chromium on this machine")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def _knee_at(page: Any, t: float) -> dict[str, float]:
    """The drawn box of the right shank and the scene's flip at ``t`` seconds."""
    box: dict[str, float] = page.evaluate(
        """t => {
            const svg = document.getElementById('fig-knee_to_chest_single-a-root');
            svg.pauseAnimations();
            svg.setCurrentTime(t);
            const shank = document.getElementById(SHANK);
            const box = shank.getBBox();
            const flip = svg.querySelector('animateTransform').parentNode.transform.animVal;
            const scale = flip.numberOfItems ? flip.getItem(0).matrix.a : 1;
            return {x: box.x, y: box.y, w: box.width, h: box.height, scale};
        }""".replace("SHANK", repr(f"fig-knee_to_chest_single-a-m0-{PART_NAMES.index('shank_r')}")),
        t,
    )
    return box


def test_knee_to_chest_moves_and_changes_sides(page: Any) -> None:
    figure = load_figure("knee_to_chest_single")
    assert figure.keyframes[0].hold_s == 2.5 and figure.keyframes[0].move_s == 1.5
    library = load_library()
    svg = render_exercise_svg(library["knee_to_chest_single"])
    # Other figures on the same page first: their ids must not capture this one's parts.
    still = render_exercise_svg(library["knee_to_chest_single"], animated=False)
    other_move = render_exercise_svg(library["knee_to_chest_double"])
    page.set_content(f"<html><body>{still}{other_move}{svg}</body></html>")
    held = _knee_at(page, 1.0)  # right knee hugged
    rested = _knee_at(page, 4.5)  # both feet down
    other = _knee_at(page, 8.0)  # the other side, knee hugged again
    assert (held["y"], held["h"]) != pytest.approx((rested["y"], rested["h"]), abs=2)
    assert held["scale"] == 1 and rested["scale"] == 1
    assert other["scale"] == -1


def _shown(page: Any) -> dict[str, str]:
    shown: dict[str, str] = page.evaluate(
        """() => {
            const svg = document.getElementById('fig-cat_cow-a-root');
            const style = el => getComputedStyle(svg.querySelector(el)).display;
            return {motion: style('.fig-motion'), still: style('.fig-still')};
        }"""
    )
    return shown


def test_reduced_motion_shows_the_still(page: Any) -> None:
    svg = render_exercise_svg(load_library()["cat_cow"])
    page.set_content(f"<html><body>{svg}</body></html>")
    page.emulate_media(reduced_motion="no-preference")
    assert _shown(page) == {"motion": "inline", "still": "none"}
    page.emulate_media(reduced_motion="reduce")
    assert _shown(page) == {"motion": "none", "still": "inline"}
