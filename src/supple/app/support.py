"""Stratified support: the ten-question check, answered, kept and judged."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from supple.app.errors import Refused
from supple.app.ports import Records, TrackingSource
from supple.tracking.model import ScreenRecord
from supple.tracking.stratify import BadAnswers, Screen, Stratification, judge, stratify

#: The instrument's name as the store keeps it: Supple's wording of the ten topics of the
#: Örebro short form (see docs/programme.md).
INSTRUMENT = "supple-omsq10"


def answer(
    *, store: Records, answers: Mapping[str, int], today: date, at: datetime | None = None
) -> Screen:
    """Score and keep the answers (Refused names the first one that does not fit)."""
    try:
        screen = judge(ScreenRecord(today, dict(answers)))
    except BadAnswers as exc:
        raise Refused(str(exc)) from None
    store.save_questionnaire(
        dict(answers), instrument=INSTRUMENT, score=screen.total, tier=screen.tier, at=at
    )
    return screen


def status(*, source: TrackingSource, today: date) -> Stratification:
    """The latest answers scored, and whether it is time to answer again."""
    return stratify(source.tracking_input(today))


__all__ = ["INSTRUMENT", "answer", "status"]
