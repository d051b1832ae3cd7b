"""Tracking: adherence, streaks, pain trends, meaningful change and warnings (pure domain)."""

from supple.tracking.adapt import Decisions, adjustments_from, decide, pain_warning
from supple.tracking.model import (
    FeedbackRecord,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    TrackingInput,
)
from supple.tracking.summary import Progress, summarize

__all__ = [
    "Decisions",
    "FeedbackRecord",
    "PainRecord",
    "Progress",
    "PsfsRecord",
    "SessionRecord",
    "TrackingInput",
    "adjustments_from",
    "decide",
    "pain_warning",
    "summarize",
]
