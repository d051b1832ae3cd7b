"""With the real planner and library, the timeline lasts exactly what the plan says."""

from __future__ import annotations

from datetime import date

import pytest

from supple.library import load_library
from supple.planner import make_plan
from supple.safety.profile import Profile
from supple.session.timeline import build_timeline


@pytest.mark.parametrize(
    "answers",
    [
        {"minutes": 3},
        {"minutes": 15},
        {"minutes": 30, "pain_areas": ["lower_back", "neck"]},
        {"minutes": 20, "can_get_to_floor": False},
    ],
    ids=["3-min", "15-min", "30-min-back-and-neck", "20-min-no-floor"],
)
def test_timeline_matches_the_plan(answers: dict[str, object]) -> None:
    library = load_library()
    plan = make_plan(Profile.model_validate(answers), library, day=date(2026, 3, 2))
    assert plan.status == "plan" and plan.items
    tl = build_timeline(plan, library)
    assert tl.total_seconds == plan.total_seconds
    assert [i.exercise for i in tl.items] == [i.exercise for i in plan.items]
    for item in tl.items:
        said = [c for s in tl.segments if s.item == item.index for c in s.cues]
        assert sum(c.kind == "safety" for c in said) == 1
        segs = [s for s in tl.segments if s.item == item.index and s.kind != "switch_sides"]
        left = [(s.kind, s.duration) for s in segs if s.side == "left"]
        right = [(s.kind, s.duration) for s in segs if s.side == "right"]
        assert left == right
