"""Tracking: adherence, streaks, pain trends, meaningful change and warnings (pure domain)."""

from supple.tracking.adapt import adjustments_from, pain_warning
from supple.tracking.model import (
    FeedbackRecord,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    TrackingInput,
)
from supple.tracking.summary import Progress, summarize

__all__ = [
    "FeedbackRecord",
    "PainRecord",
    "Progress",
    "PsfsRecord",
    "SessionRecord",
    "TrackingInput",
    "adjustments_from",
    "pain_warning",
    "summarize",
]
