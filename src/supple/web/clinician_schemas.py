"""Response models of the clinician's patient list and triage flags (``/api/v1/clinician``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from supple.app.caseload import PatientSummary
from supple.presentation.triage import flag_reason, flag_title
from supple.presentation.verdicts import pain_verdict, psfs_verdict
from supple.tracking.triage import Flag, FlagCode

if TYPE_CHECKING:
    from supple.library import Library
    from supple.web.deps import Web

#: What the list filters by: one flag's code, or any unseen flag.
FlagFilter = FlagCode | Literal["any"]


def exercise_names(library: Library) -> dict[str, str]:
    """Exercise id -> name, for the flags' reasons."""
    return {key: exercise.name for key, exercise in library.items()}


def today_of(web: Web) -> date:
    """The local day the clinic's clock says."""
    return web.clock().astimezone().date()


class SeenIn(BaseModel):
    """Which flag was seen: its key, as the patient list gave it."""

    key: str = Field(min_length=1, max_length=120)


class FlagOut(BaseModel):
    """One triage flag: its code, the key "mark as seen" takes, its facts and its reason."""

    code: FlagCode
    key: str = Field(description="names this occurrence; POST it to mark the flag seen")
    title: str
    reason: str
    params: dict[str, Any]

    @classmethod
    def of(cls, flag: Flag, names: Mapping[str, str]) -> FlagOut:
        params = {k: v.isoformat() if isinstance(v, date) else v for k, v in flag.params.items()}
        return cls(
            code=flag.code,
            key=flag.key,
            title=flag_title(flag),
            reason=flag_reason(flag, names),
            params=params,
        )


class AdherenceOut(BaseModel):
    done: int = Field(description="days with a finished session")
    planned: int = Field(description="days the plan asks for")


class PainTrendOut(BaseModel):
    """The 7-day mean against the first week's, with the meaningful-change verdict."""

    verdict: str
    baseline: float | None
    now: float | None
    threshold: int | None = Field(description="the smallest change that means something")
    words: str


class PsfsOut(BaseModel):
    meaningful: bool
    first: float | None
    latest: float | None
    words: str


class PatientRowOut(BaseModel):
    """One of a clinician's patients, as the patient list shows them."""

    id: int = Field(description="the patient's account id")
    email: str
    name: str
    since: datetime = Field(description="when they were linked to this clinician")
    last_session: date | None
    week: AdherenceOut = Field(description="this week (from Monday)")
    four_weeks: AdherenceOut = Field(description="this week and the three before")
    pain: PainTrendOut
    psfs: PsfsOut | None
    flags: list[FlagOut] = Field(description="unseen flags, most pressing first")
    seen_flags: int = Field(description="flags that still hold but were marked seen")

    @classmethod
    def of(cls, row: PatientSummary, names: Mapping[str, str]) -> PatientRowOut:
        p, s = row.pain, row.psfs
        return cls(
            id=row.account_id,
            email=row.email,
            name=row.name,
            since=row.since,
            last_session=row.last_session,
            week=AdherenceOut(done=row.week_done, planned=row.week_planned),
            four_weeks=AdherenceOut(done=row.month_done, planned=row.month_planned),
            pain=PainTrendOut(
                verdict=p.verdict,
                baseline=p.baseline,
                now=p.now,
                threshold=p.threshold,
                words=pain_verdict(p, on="page"),
            ),
            psfs=None
            if s is None
            else PsfsOut(
                meaningful=s.meaningful, first=s.first, latest=s.latest, words=psfs_verdict(s)
            ),
            flags=[FlagOut.of(f, names) for f in row.flags],
            seen_flags=row.seen,
        )
