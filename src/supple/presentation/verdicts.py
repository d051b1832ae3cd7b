"""How things are going, in words: pain since the first week, the activities scale, and what
tracking learned (light to import: `supple progress` starts fast)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from supple.planner.phrase import Phrase, phrase
from supple.presentation.phrases import say

if TYPE_CHECKING:
    from supple.tracking.pain import PainChange
    from supple.tracking.psfs import PsfsChange

#: Where a pain score is logged, for the hint when there is none yet.
LoggedOn = Literal["command", "page"]


def pain_phrase(change: PainChange, *, on: LoggedOn = "command") -> Phrase:
    """The pain verdict as a phrase (``on`` says where a score is logged: a command, a page)."""
    return phrase(
        f"pain_{change.code}",
        baseline=change.baseline,
        now=change.now,
        threshold=change.threshold,
        wait_days=change.wait_days,
        on=on,
    )


def pain_verdict(change: PainChange, *, on: LoggedOn = "command") -> str:
    """Pain since the first week, in words."""
    return say(pain_phrase(change, on=on))


def psfs_verdict(change: PsfsChange) -> str:
    """The activities scale since the first scores, in words."""
    found = phrase(
        f"psfs_{change.code}",
        first=change.first,
        latest=change.latest,
        improved=list(change.improved),
    )
    return say(found)
