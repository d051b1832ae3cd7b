"""What happens in a guided session, as plain events.

The terminal coach and the browser player emit these; the store persists them. Every event
carries an idempotency ``key`` (a UUID made where the event happened), so an event sent twice —
a retry, or an offline queue flushed after the network returns — is stored once.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from supple.library.jsontypes import Moment, Whole
from supple.session.kinds import EndStatus, Feedback, ItemStatus, PainMoment


def _type_required(schema: dict[str, Any]) -> None:
    # ``type`` has a default for Python callers, but the API needs it to tell events apart.
    schema["required"] = ["type", *(n for n in schema.get("required", []) if n != "type")]


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_type_required)

    key: str = Field(min_length=8, max_length=64, description="idempotency key (a UUID)")
    at: Moment = Field(description="when it happened (timezone-aware)")


class ItemEvent(_Event):
    """An exercise finished or skipped, with the seconds actually held."""

    type: Literal["item"] = "item"
    index: Whole = Field(ge=0, description="position of the item in the plan")
    exercise: str
    planned_seconds: Whole = Field(ge=0)
    held_seconds: Whole = Field(ge=0)
    status: ItemStatus


class FeedbackEvent(_Event):
    """Quick feedback on one exercise."""

    type: Literal["feedback"] = "feedback"
    index: Whole = Field(ge=0)
    exercise: str
    feedback: Feedback


class PainEvent(_Event):
    """Pain 0–10 before the first exercise or after the last."""

    type: Literal["pain"] = "pain"
    when: PainMoment
    score: Whole = Field(ge=0, le=10)


class SpreadEvent(_Event):
    """Leg symptoms spread further down the leg during one exercise (asked when leg pain is
    part of the person's answers): that move, and the direction it bends the spine in, are
    switched out of the next plan."""

    type: Literal["spread"] = "spread"
    index: int = Field(ge=0)
    exercise: str


class EndEvent(_Event):
    """The session ended: finished, or stopped early (quit)."""

    type: Literal["end"] = "end"
    status: EndStatus


SessionEvent = Annotated[
    ItemEvent | FeedbackEvent | PainEvent | SpreadEvent | EndEvent, Field(discriminator="type")
]

__all__ = [
    "EndEvent",
    "FeedbackEvent",
    "ItemEvent",
    "PainEvent",
    "SessionEvent",
    "SpreadEvent",
]
