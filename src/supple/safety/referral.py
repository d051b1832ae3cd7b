"""The referral: why and how urgently to get checked (the planner puts it in the plan)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: emergency: now; urgent: within days; soon: book an appointment.
Urgency = Literal["emergency", "urgent", "soon"]


class Referral(BaseModel):
    """Why and how urgently to get checked; worded as advice, never as a diagnosis."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    urgency: Urgency
    reasons: list[str] = Field(min_length=1)
    advice: str
