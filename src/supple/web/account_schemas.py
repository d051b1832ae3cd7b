"""Request and response models of the accounts part of the JSON API (sign-in, the clinician's
and the admin's views). Inputs are strict: a number is a JSON number, text is a JSON string."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from supple.app.access_records import AuditEntry
from supple.app.identity import Account, CareLink, Role


class _StrictIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class LoginIn(_StrictIn):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=200)


class AccountOut(BaseModel):
    """An account as its owner or an admin sees it (never a password or a hash)."""

    id: int
    email: str
    role: Role
    clinic: str | None = None
    disabled: bool = False
    created_at: datetime

    @classmethod
    def of(cls, account: Account) -> AccountOut:
        return cls(
            id=account.id,
            email=account.email,
            role=account.role,
            clinic=account.clinic,
            disabled=account.disabled,
            created_at=account.created_at,
        )


class SignedInOut(BaseModel):
    """Signed in: the answer sets the session cookie."""

    account: AccountOut


class WhoOut(BaseModel):
    """Who the request is from: ``single`` (no accounts: the install's one person) or an
    account."""

    mode: Literal["single", "accounts"]
    via: Literal["local", "session", "token"]
    account: AccountOut | None = None


class OkOut(BaseModel):
    ok: bool = True


class PatientOut(BaseModel):
    """One of a clinician's patients."""

    id: int = Field(description="the patient's account id")
    email: str
    since: datetime = Field(description="when they were linked to this clinician")

    @classmethod
    def of(cls, link: CareLink) -> PatientOut:
        return cls(id=link.patient.id, email=link.patient.email, since=link.since)


class InvitationOut(BaseModel):
    """A one-time invitation: send the link, or read out the code (shown this once)."""

    code: str
    link: str
    expires_at: datetime


class ResetOut(BaseModel):
    """A one-time link that sets a new password (shown this once; valid 24 hours)."""

    link: str
    expires_at: datetime


class AuditOut(BaseModel):
    """One audit entry: who, what, when, from where, about whom."""

    at: datetime
    actor_id: int | None
    actor: str
    action: str
    detail: str
    address: str
    subject_account_id: int | None
    subject_person_id: int | None

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls(
            at=entry.at,
            actor_id=entry.actor_id,
            actor=entry.actor,
            action=entry.action,
            detail=entry.detail,
            address=entry.address,
            subject_account_id=entry.subject_account_id,
            subject_person_id=entry.subject_person_id,
        )
