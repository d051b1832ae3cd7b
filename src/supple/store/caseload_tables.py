"""The clinician's patient list kept per patient: one summary row and the flags of its day.

:mod:`supple.store.caseload_summary` writes them in the same transaction as the records they
come from, so the list is one indexed query that searches, filters, sorts and pages in SQL.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from supple.store.schema import Base


class CaseloadRow(Base):
    """What the list reads about one patient: the records triage reads (``records``, JSON,
    its windows taken on ``records_day``) and the figures it sorts by, as of ``as_of``."""

    __tablename__ = "caseload_summary"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    #: counts every write: a refresh on read only replaces the figures it read
    revision: Mapped[int] = mapped_column(Integer)
    records_day: Mapped[date] = mapped_column(Date)
    records: Mapped[str] = mapped_column(Text)
    #: the day the figures and the flags below hold for (a later day refreshes them)
    as_of: Mapped[date] = mapped_column(Date)
    last_session: Mapped[date | None] = mapped_column(Date)
    #: days done over the planned days of the last four weeks (0 when none are planned)
    month_ratio: Mapped[float] = mapped_column(Float)
    #: the 7-day mean's change against the baseline (-99 when there is none), to sort by
    pain_key: Mapped[float] = mapped_column(Float)
    #: the red-flag answer of the latest screening on ``as_of`` (JSON, or None)
    red_flag: Mapped[str | None] = mapped_column(String(200))


class CaseloadFlagRow(Base):
    """One triage flag of a patient on their summary's ``as_of`` day; ``rank`` orders them
    (ten times the flag's rank plus the tier's)."""

    __tablename__ = "caseload_flag"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("caseload_summary.person_id", ondelete="CASCADE"), primary_key=True
    )
    flag_key: Mapped[str] = mapped_column(String(120), primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    rank: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_caseload_flag_code", "code", "person_id"),)


__all__ = ["CaseloadFlagRow", "CaseloadRow"]
