"""Plain records of sign-ins, tokens, one-time codes and the audit log (the store fills them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from supple.app.identity import Account

CodePurpose = Literal["invite", "reset"]
AttemptKind = Literal["sign_in", "code"]


@dataclass(frozen=True)
class StoredAccount:
    """An account with its password hash, as sign-in needs it (None: it cannot sign in)."""

    account: Account
    password_hash: str | None


@dataclass(frozen=True)
class WebSession:
    """A signed-in browser, found by its cookie's token."""

    id: int
    account: Account
    csrf_token: str
    seen_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class TokenInfo:
    """A personal access token as its owner sees it: never the token itself."""

    id: int
    name: str
    hint: str
    created_at: datetime
    last_used_at: datetime | None


@dataclass(frozen=True)
class Code:
    """A one-time code: an invitation from a clinician, or a password reset of an account."""

    id: int
    purpose: CodePurpose
    #: the inviting clinician, or the account whose password it resets
    account: Account
    expires_at: datetime
    used_at: datetime | None


@dataclass(frozen=True)
class AuditEntry:
    """Who did what, to whom, when and from where; never health data."""

    at: datetime
    actor_id: int | None
    actor: str
    action: str
    detail: str = ""
    address: str = ""
    subject_account_id: int | None = None
    subject_person_id: int | None = None
    clinic_id: int | None = None


__all__ = [
    "AttemptKind",
    "AuditEntry",
    "Code",
    "CodePurpose",
    "StoredAccount",
    "TokenInfo",
    "WebSession",
]
