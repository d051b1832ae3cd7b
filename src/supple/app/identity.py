"""Who uses an install: accounts and their roles, and who is asking (the principal).

Plain records the store fills and the rules on them, with no I/O. An install with no account is
in single-person mode (whoever reaches the loopback address is its one person); creating the
first account puts it in accounts mode for good.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

Role = Literal["patient", "clinician", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
#: How a request proved who it is: the one person of single-person mode, a browser's session
#: cookie, or a personal access token.
Via = Literal["local", "session", "token"]


@dataclass(frozen=True)
class Account:
    """An account as the rules see it (never its password hash)."""

    id: int
    email: str
    role: Role
    clinic_id: int | None
    clinic: str | None
    person_id: int | None
    created_at: datetime
    disabled: bool = False
    deleted: bool = False

    @property
    def active(self) -> bool:
        """Whether it may sign in and act."""
        return not (self.disabled or self.deleted)


@dataclass(frozen=True)
class Principal:
    """Who a request comes from; ``account`` is None in single-person mode."""

    via: Via
    account: Account | None = None
    person_id: int | None = None
    session_id: int | None = None
    #: the session's form token (None without a session)
    csrf_token: str | None = None

    @classmethod
    def local(cls, person_id: int) -> Principal:
        """The one person of single-person mode."""
        return cls(via="local", person_id=person_id)

    @property
    def role(self) -> Role:
        return "patient" if self.account is None else self.account.role

    @property
    def account_id(self) -> int | None:
        return None if self.account is None else self.account.id

    @property
    def name(self) -> str:
        """How the audit log names them."""
        return "the local person" if self.account is None else self.account.email


@dataclass(frozen=True)
class CareLink:
    """A clinician looks after a patient, in the clinician's clinic."""

    clinician_id: int
    patient: Account
    clinic_id: int
    since: datetime


def manages(admin: Account, other: Account) -> bool:
    """Whether ``admin`` may manage ``other``: an admin of no clinic manages every account, an
    admin of a clinic those of that clinic (never their health data)."""
    return admin.role == "admin" and (admin.clinic_id is None or admin.clinic_id == other.clinic_id)


def normal_email(email: str) -> str:
    """The email as accounts are keyed: trimmed, lower case."""
    return email.strip().lower()


__all__ = [
    "ROLES",
    "Account",
    "CareLink",
    "Principal",
    "Role",
    "Via",
    "manages",
    "normal_email",
]
