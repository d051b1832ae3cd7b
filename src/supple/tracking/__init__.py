"""Tracking: adherence, streaks, pain trends, meaningful change and warnings (pure domain)."""

from supple.tracking.model import (
    FeedbackRecord,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    TrackingInput,
)

__all__ = ["FeedbackRecord", "PainRecord", "PsfsRecord", "SessionRecord", "TrackingInput"]
