"""Which patients a clinician should look at first, and why: triage flags from a digest.

Each :class:`Flag` has a code, the facts behind it (plain parameters; the words are in
:mod:`supple.presentation.triage`) and a ``key`` that names this occurrence: a clinician marks a
flag seen by its key, and a new occurrence (a later week, another move, a later answer) has a
new key, so it shows again. Flags come most pressing first: a red-flag answer by its tier, then
what may be going wrong, then what was missed, then a meaningful improvement.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from supple.tracking import pain, psfs
from supple.tracking.adherence import week_start
from supple.tracking.digest import Digest
from supple.tracking.model import SpreadRecord

FlagCode = Literal[
    "red_flag",
    "pain_rising",
    "spreading",
    "painful_twice",
    "no_session",
    "low_adherence",
    "improved",
]
Tier = Literal["emergency", "urgent", "soon"]

#: The order flags are listed in (and patients sorted by their most pressing flag).
RANK: dict[FlagCode, int] = {
    "red_flag": 0,
    "pain_rising": 1,
    "spreading": 2,
    "painful_twice": 3,
    "no_session": 4,
    "low_adherence": 5,
    "improved": 6,
}
_TIER_ORDER: dict[Tier, int] = {"emergency": 0, "urgent": 1, "soon": 2}

#: Adherence below this share of the planned days over :data:`ADHERENCE_DAYS` is flagged.
LOW_ADHERENCE = 0.5
ADHERENCE_DAYS = 14
#: Days without a finished session before it is flagged.
QUIET_DAYS = 7
#: Times one move is rated painful (in the digest's feedback window) before it is flagged.
PAINFUL_TIMES = 2
#: Spread reports this recent are flagged.
SPREAD_DAYS = 28


@dataclass(frozen=True, slots=True)
class RedFlagAnswer:
    """A re-screening whose answers matched a referral rule: the day, the rule, its tier."""

    day: date
    rule: str
    tier: Tier


@dataclass(frozen=True)
class TriageInput:
    """What triage reads for one patient: their digest (days, weeks, feedback, PSFS), the day
    care began (nothing is flagged as missed before the patient had the time to do it), the
    last day with a finished session, spread reports and a red-flag answer at re-screening."""

    digest: Digest
    since: date
    last_session: date | None = None
    spreads: tuple[SpreadRecord, ...] = ()
    red_flag: RedFlagAnswer | None = None


@dataclass(frozen=True)
class Flag:
    """One reason to look at a patient: a code, its facts, and the key of this occurrence."""

    code: FlagCode
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def rank(self) -> tuple[int, int]:
        tier = self.params.get("tier")
        return RANK[self.code], _TIER_ORDER.get(tier, 0) if tier else 0


def _window(d: Digest, end_ago: int, days: int) -> tuple[int, int]:
    end = d.today - timedelta(days=end_ago)
    picked = [d.days.get(end - timedelta(days=i)) for i in range(days)]
    return sum(x.pain_sum for x in picked if x), sum(x.pain_count for x in picked if x)


def _done_days(d: Digest, days: int) -> int:
    return sum(
        1
        for i in range(days)
        if (found := d.days.get(d.today - timedelta(days=i))) is not None and found.finished
    )


def _adherence(t: TriageInput) -> Flag | None:
    d = t.digest
    if (d.today - t.since).days + 1 < ADHERENCE_DAYS:
        return None
    planned = d.days_per_week * ADHERENCE_DAYS // 7
    done = _done_days(d, ADHERENCE_DAYS)
    if planned == 0 or done / planned >= LOW_ADHERENCE:
        return None
    key = f"low_adherence:{week_start(d.today).isoformat()}"
    return Flag("low_adherence", key, {"done": done, "planned": planned, "days": ADHERENCE_DAYS})


def _quiet(t: TriageInput) -> Flag | None:
    d = t.digest
    last = t.last_session
    start = last if last is not None else t.since
    idle = (d.today - start).days
    if idle < QUIET_DAYS:
        return None
    anchor = last.isoformat() if last else "never"
    return Flag("no_session", f"no_session:{anchor}", {"last": last, "days": idle})


def _pain_rising(d: Digest) -> Flag | None:
    week = pain.WINDOW_DAYS
    rose = pain.rose(_window(d, week, week), _window(d, 0, week))
    if rose is None:
        return None
    key = f"pain_rising:{week_start(d.today).isoformat()}"
    return Flag("pain_rising", key, {"before": rose[0], "now": rose[1]})


def _painful(d: Digest) -> list[Flag]:
    counts = Counter(f.exercise for f in d.feedback if f.feedback == "painful")
    latest: dict[str, date] = {}
    for f in d.feedback:
        if f.feedback == "painful":
            latest[f.exercise] = f.day
    return [
        Flag(
            "painful_twice",
            f"painful_twice:{exercise}:{latest[exercise].isoformat()}",
            {"exercise": exercise, "times": n, "last": latest[exercise]},
        )
        for exercise, n in sorted(counts.items())
        if n >= PAINFUL_TIMES
    ]


def _spreading(t: TriageInput) -> Flag | None:
    first = t.digest.today - timedelta(days=SPREAD_DAYS - 1)
    recent = [s for s in t.spreads if first <= s.day <= t.digest.today]
    if not recent:
        return None
    last = max(recent, key=lambda s: s.day)
    moves = sorted({s.exercise for s in recent})
    key = f"spreading:{last.day.isoformat()}"
    return Flag("spreading", key, {"exercises": moves, "times": len(recent), "last": last.day})


def _improved(d: Digest) -> Flag | None:
    change = pain.judge(d.first_pain, d.baseline, _window(d, 0, pain.WINDOW_DAYS), d.today)
    scale = psfs.change_of(d.psfs)
    on_pain = change.verdict == "better"
    on_psfs = scale is not None and scale.meaningful
    if not (on_pain or on_psfs):
        return None
    params: dict[str, Any] = {"pain": on_pain, "psfs": on_psfs}
    if on_pain:
        params.update(baseline=change.baseline, now=change.now)
    if scale is not None and on_psfs:
        params.update(psfs_first=scale.first, psfs_latest=scale.latest)
    key = "improved:" + "+".join(k for k in ("pain", "psfs") if params[k])
    return Flag("improved", key, params)


def flags(t: TriageInput) -> list[Flag]:
    """Every flag that holds for the patient today, most pressing first."""
    found: list[Flag] = []
    if t.red_flag is not None:
        r = t.red_flag
        key = f"red_flag:{r.rule}:{r.day.isoformat()}"
        found.append(Flag("red_flag", key, {"rule": r.rule, "tier": r.tier, "day": r.day}))
    for one in (_pain_rising(t.digest), _spreading(t)):
        if one is not None:
            found.append(one)
    found.extend(_painful(t.digest))
    for one in (_quiet(t), _adherence(t), _improved(t.digest)):
        if one is not None:
            found.append(one)
    return sorted(found, key=lambda f: f.rank)


__all__ = ["RANK", "Flag", "FlagCode", "RedFlagAnswer", "Tier", "TriageInput", "flags"]
