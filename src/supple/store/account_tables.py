"""The tables of accounts mode: who may sign in, how, to whose records, and what they did.

None of them holds health data: a patient's records stay in the person tables, reached through
``account.person_id``. The audit table keeps plain ids (no foreign keys), so its entries outlive
the accounts they name; triggers in the migration refuse to change or delete an entry.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from supple.store.schema import Base
from supple.store.timeutil import UTCDateTime


class Clinic(Base):
    """An organisation that clinicians, admins and their patients belong to."""

    __tablename__ = "clinic"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AccountRow(Base):
    """Someone who signs in: a patient (with records), a clinician or an admin.

    A deleted account stays as a row without email, password or records, so that the install
    never falls back to single-person mode and the audit log's ids keep their meaning.
    """

    __tablename__ = "account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    clinic_id: Mapped[int | None] = mapped_column(ForeignKey("clinic.id", ondelete="SET NULL"))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), unique=True
    )
    password_hash: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (
        CheckConstraint("role IN ('patient', 'clinician', 'admin')", name="role"),
        Index("ix_account_clinic", "clinic_id"),
    )


class WebSessionRow(Base):
    """A signed-in browser: the cookie holds a random token, this row only its SHA-256."""

    __tablename__ = "web_session"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    address: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_web_session_account", "account_id"),)


class AccessTokenRow(Base):
    """A personal access token for API clients (``Authorization: Bearer``), stored hashed."""

    __tablename__ = "access_token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (Index("ix_access_token_account", "account_id"),)


class OneTimeCodeRow(Base):
    """An invitation from a clinician, or a password reset of an account: used once, expires."""

    __tablename__ = "one_time_code"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purpose: Mapped[str] = mapped_column(String(8))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: the inviting clinician, or the account whose password the code resets
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_by: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("purpose IN ('invite', 'reset')", name="purpose"),
        Index("ix_one_time_code_account", "account_id"),
    )


class CareLinkRow(Base):
    """A clinician looks after a patient, within the clinician's clinic (made by an invitation)."""

    __tablename__ = "care_link"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clinician_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (
        UniqueConstraint("clinician_id", "patient_id", name="uq_care_link_pair"),
        Index("ix_care_link_patient", "patient_id"),
    )


class FailedAttemptRow(Base):
    """A failed sign-in or a wrong code, counted for throttling (kept 15 minutes' worth)."""

    __tablename__ = "failed_attempt"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    email: Mapped[str] = mapped_column(String(254))
    address: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        CheckConstraint("kind IN ('sign_in', 'code')", name="kind"),
        Index("ix_failed_attempt_email_at", "email", "at"),
        Index("ix_failed_attempt_address_at", "address", "at"),
    )


class AuditRow(Base):
    """One audit entry: who did what, to whom, when and from where (never health data)."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40))
    subject_account_id: Mapped[int | None] = mapped_column(Integer)
    subject_person_id: Mapped[int | None] = mapped_column(Integer)
    clinic_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(String(300))
    address: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_audit_at", "at"), Index("ix_audit_clinic_at", "clinic_id", "at"))


ACCOUNT_TABLES = [
    Clinic,
    AccountRow,
    WebSessionRow,
    AccessTokenRow,
    OneTimeCodeRow,
    CareLinkRow,
    FailedAttemptRow,
    AuditRow,
]


class FlagSeenRow(Base):
    """A clinician marked one triage flag of a patient seen (by the flag's occurrence key)."""

    __tablename__ = "flag_seen"
    clinician_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    )
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    )
    flag_key: Mapped[str] = mapped_column(String(120), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
