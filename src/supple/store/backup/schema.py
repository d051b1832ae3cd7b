"""The export file: every record of one person, validated before anything is written."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from supple.session.kinds import Feedback, ItemStatus
from supple.tracking.model import PainMoment, SessionStatus


class _Rec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonRec(_Rec):
    name: str = Field(min_length=1, max_length=100)
    days_per_week: int = Field(ge=1, le=7)
    created_at: AwareDatetime


class ProfileRec(_Rec):
    id: int = Field(ge=1)
    created_at: AwareDatetime
    answers: dict[str, Any]


class PlanRec(_Rec):
    id: int = Field(ge=1)
    kind: str = Field(min_length=1, max_length=20)
    created_at: AwareDatetime
    body: dict[str, Any]


class SessionRec(_Rec):
    id: int = Field(ge=1)
    plan_id: int | None
    key: str = Field(min_length=8, max_length=64)
    started_at: AwareDatetime
    ended_at: AwareDatetime | None
    status: SessionStatus


class ItemRec(_Rec):
    id: int = Field(ge=1)
    session_id: int
    idx: int = Field(ge=0)
    exercise: str = Field(min_length=1, max_length=60)
    planned_seconds: int | None = Field(ge=0)
    held_seconds: int | None = Field(ge=0)
    status: ItemStatus | None
    feedback: Feedback | None
    at: AwareDatetime


class PainRec(_Rec):
    id: int = Field(ge=1)
    session_id: int | None
    at: AwareDatetime
    score: int = Field(ge=0, le=10)
    moment: PainMoment
    note: str | None = Field(max_length=2000)


class PsfsActivityRec(_Rec):
    id: int = Field(ge=1)
    name: str = Field(min_length=2, max_length=80)
    created_at: AwareDatetime


class PsfsScoreRec(_Rec):
    id: int = Field(ge=1)
    activity_id: int
    at: AwareDatetime
    score: int = Field(ge=0, le=10)


class NoteRec(_Rec):
    id: int = Field(ge=1)
    session_id: int | None
    at: AwareDatetime
    text: str = Field(min_length=1)


class EventKeyRec(_Rec):
    key: str = Field(min_length=8, max_length=64)
    session_id: int
    type: Literal["item", "feedback", "pain", "spread", "end"]
    at: AwareDatetime


class WalkPlanRec(_Rec):
    id: int = Field(ge=1)
    started_at: AwareDatetime
    comfortable_s: int = Field(ge=60, le=3600)


class WalkRec(_Rec):
    id: int = Field(ge=1)
    at: AwareDatetime
    seconds: int = Field(ge=1, le=18000)


class LessonReadRec(_Rec):
    id: int = Field(ge=1)
    lesson: str = Field(min_length=1, max_length=60)
    at: AwareDatetime


class DirectionRec(_Rec):
    id: int = Field(ge=1)
    at: AwareDatetime
    source: Literal["test", "session"]
    session_id: int | None
    exercise: str | None = Field(max_length=60)
    answers: dict[str, Any] | None


class QuestionnaireRec(_Rec):
    id: int = Field(ge=1)
    at: AwareDatetime
    instrument: str = Field(min_length=1, max_length=20)
    answers: dict[str, Any]
    score: int = Field(ge=0, le=100)
    tier: Literal["low", "medium", "high"]


#: File section -> record model, in an order that satisfies the references.
SECTIONS: dict[str, type[_Rec]] = {
    "profiles": ProfileRec,
    "plans": PlanRec,
    "sessions": SessionRec,
    "items": ItemRec,
    "pain": PainRec,
    "psfs_activities": PsfsActivityRec,
    "psfs_scores": PsfsScoreRec,
    "notes": NoteRec,
    "event_keys": EventKeyRec,
    "walk_plans": WalkPlanRec,
    "walks": WalkRec,
    "lessons_read": LessonReadRec,
    "direction_findings": DirectionRec,
    "questionnaires": QuestionnaireRec,
}


class ExportFile(_Rec):
    """One person's data; ids are kept so references between records survive the trip."""

    format: Literal["supple-export"] = "supple-export"
    version: Literal[1] = 1
    exported_at: datetime
    person: PersonRec
    profiles: list[ProfileRec] = Field(default_factory=list)
    plans: list[PlanRec] = Field(default_factory=list)
    sessions: list[SessionRec] = Field(default_factory=list)
    items: list[ItemRec] = Field(default_factory=list)
    pain: list[PainRec] = Field(default_factory=list)
    psfs_activities: list[PsfsActivityRec] = Field(default_factory=list, max_length=5)
    psfs_scores: list[PsfsScoreRec] = Field(default_factory=list)
    notes: list[NoteRec] = Field(default_factory=list)
    event_keys: list[EventKeyRec] = Field(default_factory=list)
    walk_plans: list[WalkPlanRec] = Field(default_factory=list)
    walks: list[WalkRec] = Field(default_factory=list)
    lessons_read: list[LessonReadRec] = Field(default_factory=list)
    direction_findings: list[DirectionRec] = Field(default_factory=list)
    questionnaires: list[QuestionnaireRec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> Self:
        for section in SECTIONS:
            rows = getattr(self, section)
            ids = [getattr(r, "id", None) or getattr(r, "key", None) for r in rows]
            if len(set(ids)) != len(ids):
                raise ValueError(f"{section}: the same id appears twice")
        plans = {p.id for p in self.plans}
        sessions = {s.id for s in self.sessions}
        activities = {a.id for a in self.psfs_activities}
        for s in self.sessions:
            if s.plan_id is not None and s.plan_id not in plans:
                raise ValueError(f"session {s.id} refers to a missing plan {s.plan_id}")
        if len({s.key for s in self.sessions}) != len(self.sessions):
            raise ValueError("sessions: the same key appears twice")
        for section in ("items", "pain", "notes", "event_keys", "direction_findings"):
            for r in getattr(self, section):
                if r.session_id is not None and r.session_id not in sessions:
                    raise ValueError(f"{section}: refers to a missing session {r.session_id}")
        if len({(i.session_id, i.idx) for i in self.items}) != len(self.items):
            raise ValueError("items: the same session item appears twice")
        for sc in self.psfs_scores:
            if sc.activity_id not in activities:
                raise ValueError(f"psfs_scores: refers to a missing activity {sc.activity_id}")
        return self
