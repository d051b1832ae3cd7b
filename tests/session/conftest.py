"""A small fixed library and a 30-minute plan, independent of the packaged library's growth."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from supple.library.loader import Library
from supple.library.model import Dose, Exercise
from supple.planner.model import Plan, PlanItem

_STEPS = ["Set yourself up comfortably.", "Ease into the stretch slowly.", "Hold and breathe."]


def _ex(id: str, position: str, *, sided: bool, dose: Dose, **more: Any) -> Exercise:
    fields: dict[str, Any] = {
        "id": id,
        "name": id.replace("_", " ").capitalize(),
        "kind": "stretch",
        "level": 2,
        "regions": ["lower_back"],
        "position": position,
        "sided": sided,
        "dose": dose,
        "purpose": "A test exercise that does what its name says.",
        "steps": _STEPS,
        "breathing": "Breathe slowly; let the breath out soften it.",
        "feel": "A mild pull, never pain.",
        "mistakes": ["Rushing."],
        "stop_if": ["It hurts."],
    }
    fields.update(more)
    return Exercise.model_validate(fields)


def _held(s: int) -> Dose:
    return Dose(hold_s=s, hold_min_s=min(s, 10), hold_max_s=max(s, 60))


@pytest.fixture(scope="session")
def library() -> Library:
    flow = Dose(duration_s=60, breath_in_s=3, breath_out_s=3)
    return Library(
        [
            _ex("easy_lying", "supine", sided=True, dose=_held(20), level=1),
            _ex("lying_twist", "supine", sided=True, dose=_held(30), regressions=["easy_lying"]),
            _ex("chair_lean", "seated_chair", sided=False, dose=_held(20), level=1),
            _ex(
                "standing_reach", "standing", sided=True, dose=_held(30), regressions=["chair_lean"]
            ),
            _ex(
                "wave",
                "all_fours",
                sided=False,
                dose=flow,
                steps=[
                    "Come onto your hands and knees.",
                    "Breathing in, let the back dip and look forward.",
                    "Breathing out, round the back up high.",
                ],
            ),
            _ex("rest_breath", "supine", sided=False, dose=_held(60), kind="relaxation", level=1),
        ]
    )


def item(library: Library, exercise: str, **dose: Any) -> PlanItem:
    """A plan item for ``exercise`` with ``dose`` (seconds is informative only here)."""
    ex = library[exercise]
    return PlanItem(
        exercise=exercise,
        name=ex.name,
        position=ex.position,
        sided=ex.sided,
        seconds=0,
        why="test",
        **dose,
    )


@pytest.fixture(scope="session")
def make_item(library: Library) -> Callable[..., PlanItem]:
    """Build a plan item for an exercise of the test library."""
    return lambda exercise, **dose: item(library, exercise, **dose)


@pytest.fixture(scope="session")
def plan30(library: Library) -> Plan:
    """About thirty minutes: standing, chair, down to the floor, a flow, lying, a cool-down."""
    items = [
        item(library, "standing_reach", hold_s=30, reps=3, rest_s=5),
        item(library, "chair_lean", hold_s=20, reps=3, sets=2, rest_s=5),
        item(library, "wave", duration_s=60, reps=3, rest_s=10),
        item(library, "lying_twist", hold_s=45, reps=4, rest_s=10),
        item(library, "easy_lying", hold_s=30, reps=4, rest_s=5),
        item(library, "wave", duration_s=90, reps=2, rest_s=10),
        item(library, "lying_twist", hold_s=30, reps=3, rest_s=5),
        item(library, "rest_breath", hold_s=60, reps=2, rest_s=5),
    ]
    return Plan(status="plan", items=items, total_seconds=0)
