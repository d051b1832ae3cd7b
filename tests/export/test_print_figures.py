"""The pictures a handout prints: a strip of key frames for a move whose frames differ, the still
(a before-and-after pair, a circular arrow) for one whose frames would look alike."""

from __future__ import annotations

from supple.export import print_figures
from supple.export.handout import HandoutInput, handout_html
from supple.library import load_library
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.phrase import phrase
from supple.planner.plan import plan_item

LIBRARY = load_library()


def test_a_flowing_move_prints_each_keyframe() -> None:
    frames = print_figures.key_frames(LIBRARY["cat_cow"])
    assert [f.label for f in frames] == ["cat, back rounded up", "cow, belly low and chest lifted"]
    assert all("fig-arrow" not in f.svg for f in frames)
    # A body on hands and knees is wide: its frames go one above the other.
    assert not print_figures.tall(frames)


def test_a_standing_move_prints_its_frames_side_by_side() -> None:
    frames = print_figures.key_frames(LIBRARY["march_on_the_spot"])
    assert len(frames) == 2 and print_figures.tall(frames)
    ex = LIBRARY["march_on_the_spot"]
    items = [plan_item(ex, base_dose(ex), [phrase("purpose", text=ex.purpose)])]
    html = handout_html(
        HandoutInput(plan=Plan(status="plan", items=items, total_seconds=60), library=LIBRARY)
    )
    assert 'class="frames frames-2 tall"' in html


def test_a_small_move_or_a_loop_prints_its_still_instead() -> None:
    # Breathing frames would look alike: the still's before-and-after pair shows the breath.
    for exercise_id in ("breathing_crook_lying", "seated_breathing", "body_scan", "shoulder_rolls"):
        assert print_figures.moving(LIBRARY[exercise_id])
        assert print_figures.key_frames(LIBRARY[exercise_id]) == [], exercise_id
        still = print_figures.still(LIBRARY[exercise_id])
        assert still is not None and "fig-arrow" in still


def test_an_exercise_without_a_figure_prints_none() -> None:
    ex = LIBRARY["cat_cow"].model_copy(update={"id": "no_such_move"})
    assert print_figures.key_frames(ex) == [] and print_figures.still(ex) is None
    assert not print_figures.tall([])
