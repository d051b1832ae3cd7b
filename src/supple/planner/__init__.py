"""Planner: choose, dose, order and explain a routine for a screened profile.

The names below load on first use, so importing a light part (``supple.planner.adjust``, as
tracking does) does not load the whole planner.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supple.planner.adjust import Adjustments
    from supple.planner.model import Excluded, Plan, PlanItem
    from supple.planner.plan import make_plan
    from supple.safety.referral import Referral  # the plan carries it; safety owns it

_HOMES = {
    "Adjustments": "supple.planner.adjust",
    "Excluded": "supple.planner.model",
    "Plan": "supple.planner.model",
    "PlanItem": "supple.planner.model",
    "Referral": "supple.safety.referral",
    "make_plan": "supple.planner.plan",
}

__all__ = ["Adjustments", "Excluded", "Plan", "PlanItem", "Referral", "make_plan"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'supple.planner' has no attribute '{name}'")
