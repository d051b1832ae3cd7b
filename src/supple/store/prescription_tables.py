"""The clinician's programmes: each patient's versions (appended, never edited) and each
clinic's templates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from supple.store.schema import Base
from supple.store.timeutil import UTCDateTime


class ProgrammeVersionRow(Base):
    """One version of a person's prescribed programme; the highest number is the current one."""

    __tablename__ = "programme_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    #: the clinician's account (None once it is deleted; the name stays)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("person_id", "number", name="uq_programme_version_number"),)


class ProgrammeTemplateRow(Base):
    """A clinic's programme template, by name."""

    __tablename__ = "programme_template"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (
        UniqueConstraint("clinic_id", "name", name="uq_programme_template_name"),
        Index("ix_programme_template_clinic", "clinic_id"),
    )


__all__ = ["ProgrammeTemplateRow", "ProgrammeVersionRow"]
