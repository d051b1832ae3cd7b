"""Planner: choose, dose, order and explain a routine for a screened profile."""

from supple.planner.adjust import Adjustments
from supple.planner.model import Excluded, Plan, PlanItem, Referral
from supple.planner.plan import make_plan

__all__ = ["Adjustments", "Excluded", "Plan", "PlanItem", "Referral", "make_plan"]
