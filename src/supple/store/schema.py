"""The tables: plain rows, no behaviour (the domain decides what the rows mean)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from supple.store.timeutil import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Person(Base):
    """One person using this installation (one local person for now)."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    days_per_week: Mapped[int] = mapped_column(Integer, default=7)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (CheckConstraint("days_per_week BETWEEN 1 AND 7", name="days_per_week"),)


class ProfileRow(Base):
    """The screening answers as given at one moment (answers change over time)."""

    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (Index("ix_profile_person_created", "person_id", "created_at"),)


class PlanRow(Base):
    """A plan as the planner made it: a daily routine or a programme."""

    __tablename__ = "plan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (Index("ix_plan_person_created", "person_id", "created_at"),)


class SessionRow(Base):
    """One guided session: when it started and ended, and how it ended."""

    __tablename__ = "session"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    key: Mapped[str] = mapped_column(String(64), unique=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12))
    __table_args__ = (
        CheckConstraint("status IN ('in_progress', 'finished', 'stopped')", name="status"),
        Index("ix_session_person_started", "person_id", "started_at"),
        Index("ix_session_person_status", "person_id", "status"),
    )


class ItemRow(Base):
    """One exercise of a session: planned dose, seconds held, done or skipped, feedback."""

    __tablename__ = "session_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    idx: Mapped[int] = mapped_column(Integer)
    exercise: Mapped[str] = mapped_column(String(60))
    planned_seconds: Mapped[int | None] = mapped_column(Integer)
    held_seconds: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str | None] = mapped_column(String(8))
    feedback: Mapped[str | None] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (
        UniqueConstraint("session_id", "idx", name="uq_session_item_session_idx"),
        CheckConstraint("status IS NULL OR status IN ('done', 'skipped')", name="status"),
        CheckConstraint(
            "feedback IS NULL OR feedback IN ('fine', 'too_easy', 'too_hard', 'painful')",
            name="feedback",
        ),
    )


class PainRow(Base):
    """A pain score 0–10: before or after a session, or a daily entry."""

    __tablename__ = "pain"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    score: Mapped[int] = mapped_column(Integer)
    moment: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        CheckConstraint("score BETWEEN 0 AND 10", name="score"),
        CheckConstraint("moment IN ('before', 'after', 'daily')", name="moment"),
        Index("ix_pain_person_at", "person_id", "at"),
        Index("ix_pain_session", "session_id"),
    )


class PsfsActivity(Base):
    """An activity the person finds hard, named for the Patient-Specific Functional Scale."""

    __tablename__ = "psfs_activity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (UniqueConstraint("person_id", "name", name="uq_psfs_activity_person_name"),)


class PsfsScore(Base):
    """One weekly score 0–10 of one activity (10 = as well as before the problem)."""

    __tablename__ = "psfs_score"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("psfs_activity.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    score: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("score BETWEEN 0 AND 10", name="score"),
        Index("ix_psfs_score_activity_at", "activity_id", "at"),
    )


class NoteRow(Base):
    """A free-text note, on its own or attached to a session."""

    __tablename__ = "note"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("ix_note_person_at", "person_id", "at"),)


class EventKey(Base):
    """Every session event's idempotency key, so an event sent twice is stored once."""

    __tablename__ = "event_key"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (Index("ix_event_key_session", "session_id"),)


class WalkPlanRow(Base):
    """A walking plan begun on a day, from the minutes the person can walk comfortably."""

    __tablename__ = "walk_plan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    comfortable_s: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("comfortable_s BETWEEN 60 AND 3600", name="comfortable_s"),
        Index("ix_walk_plan_person_started", "person_id", "started_at"),
    )


class WalkRow(Base):
    """A walk the person logged, in seconds."""

    __tablename__ = "walk"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    seconds: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("seconds BETWEEN 1 AND 18000", name="seconds"),
        Index("ix_walk_person_at", "person_id", "at"),
    )


class LessonReadRow(Base):
    """A lesson the person marked read (the first time)."""

    __tablename__ = "lesson_read"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    lesson: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (UniqueConstraint("person_id", "lesson", name="uq_lesson_read_person_lesson"),)


class DirectionRow(Base):
    """What was found about directions of movement: a directional-preference test (its
    answers), or leg symptoms spreading during a move of a session."""

    __tablename__ = "direction_finding"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(String(8))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    exercise: Mapped[str | None] = mapped_column(String(60))
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    __table_args__ = (
        CheckConstraint("source IN ('test', 'session')", name="source"),
        Index("ix_direction_finding_person_at", "person_id", "at"),
    )


class QuestionnaireRow(Base):
    """The support questionnaire as answered at one moment, with its score and group."""

    __tablename__ = "questionnaire"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    instrument: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    score: Mapped[int] = mapped_column(Integer)
    tier: Mapped[str] = mapped_column(String(8))
    __table_args__ = (
        CheckConstraint("score BETWEEN 0 AND 100", name="score"),
        CheckConstraint("tier IN ('low', 'medium', 'high')", name="tier"),
        Index("ix_questionnaire_person_at", "person_id", "at"),
    )


#: Tables in an order that satisfies the foreign keys (export, import, copy).
TABLES = [
    Person,
    ProfileRow,
    PlanRow,
    SessionRow,
    ItemRow,
    PainRow,
    PsfsActivity,
    PsfsScore,
    NoteRow,
    EventKey,
    WalkPlanRow,
    WalkRow,
    LessonReadRow,
    DirectionRow,
    QuestionnaireRow,
]


# -- summaries kept up to date as records arrive (see supple.store.summary) ------------------


class TrackingState(Base):
    """Per person: the time zone the summaries count days in, and finished sessions in all.

    Every write that changes a summary locks this row first, so two processes writing for the
    same person take turns (PostgreSQL ``FOR UPDATE``; SQLite's write lock already does)."""

    __tablename__ = "tracking_state"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    zone: Mapped[str] = mapped_column(String(64))
    sessions_done: Mapped[int] = mapped_column(Integer, default=0)


class TrackingDay(Base):
    """One local day of a person with a record (``supple.tracking.digest.Day``)."""

    __tablename__ = "tracking_day"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    finished: Mapped[int] = mapped_column(Integer, default=0)
    pain_sum: Mapped[int] = mapped_column(Integer, default=0)
    pain_count: Mapped[int] = mapped_column(Integer, default=0)
    run: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (Index("ix_tracking_day_person_run", "person_id", "run"),)


class TrackingWeek(Base):
    """One week (by its Monday) of a person with a record (``supple.tracking.digest.Week``)."""

    __tablename__ = "tracking_week"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    start: Mapped[date] = mapped_column(Date, primary_key=True)
    done: Mapped[int] = mapped_column(Integer, default=0)
    pain_sum: Mapped[int] = mapped_column(Integer, default=0)
    pain_count: Mapped[int] = mapped_column(Integer, default=0)
    #: weeks in a row ending here with at least 1, 2, ... 7 days done, comma-separated
    runs: Mapped[str] = mapped_column(String(40))
    hold_step: Mapped[int] = mapped_column(Integer, default=0)
    hold_pain_sum: Mapped[int] = mapped_column(Integer, default=0)
    hold_pain_count: Mapped[int] = mapped_column(Integer, default=0)
    hold_started: Mapped[bool] = mapped_column(Boolean, default=False)


#: The summary tables (rebuilt from the records whenever in doubt; not exported).
SUMMARY_TABLES = [TrackingState, TrackingDay, TrackingWeek]
