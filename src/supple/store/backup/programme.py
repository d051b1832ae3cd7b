"""An imported programme and its outcomes as an :class:`ExportFile`, so it loads as one."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from supple.store.backup.schema import (
    ExportFile,
    PainRec,
    PersonRec,
    PlanRec,
    PsfsActivityRec,
    PsfsScoreRec,
    SessionRec,
)
from supple.store.entries import plan_body
from supple.store.timeutil import now

if TYPE_CHECKING:
    from supple.app.records import ImportedProgramme
    from supple.planner.model import Plan

#: A record that carries only its day is kept at local noon, so it stays on that day wherever
#: the clock moves by daylight saving.
NOON = time(12, 0)


def _noon(day: date) -> datetime:
    return datetime.combine(day, NOON).astimezone()


def _plan(imported: ImportedProgramme) -> Plan:
    """The programme's moves as a routine, in words."""
    from supple.planner.model import Plan
    from supple.presentation import render_plan

    total = sum(item.seconds for item in imported.items)
    return render_plan(Plan(status="plan", items=list(imported.items), total_seconds=total))


def as_export(imported: ImportedProgramme, *, kind: str, name: str, days: int) -> ExportFile:
    """The records of ``imported`` with fresh ids; ``name`` and ``days`` are the person's own
    where the import does not say."""
    made = now()
    sessions = [
        SessionRec(
            id=n,
            plan_id=1,
            key=uuid.uuid4().hex,
            started_at=_noon(rec.day),
            ended_at=None if rec.status == "in_progress" else _noon(rec.day),
            status=rec.status,
        )
        for n, rec in enumerate(imported.sessions, 1)
    ]
    pain = [
        PainRec(id=n, session_id=None, at=_noon(p.day), score=p.score, moment=p.moment, note=None)
        for n, p in enumerate(imported.pain, 1)
    ]
    names = list(dict.fromkeys(p.activity for p in imported.psfs))
    activities = [
        PsfsActivityRec(id=n, name=activity, created_at=made) for n, activity in enumerate(names, 1)
    ]
    scores = [
        PsfsScoreRec(id=n, activity_id=names.index(p.activity) + 1, at=_noon(p.day), score=p.score)
        for n, p in enumerate(imported.psfs, 1)
    ]
    return ExportFile(
        exported_at=made,
        person=PersonRec(name=name, days_per_week=imported.days_per_week or days, created_at=made),
        plans=[PlanRec(id=1, kind=kind, created_at=made, body=plan_body(_plan(imported)))],
        sessions=sessions,
        pain=pain,
        psfs_activities=activities,
        psfs_scores=scores,
    )
