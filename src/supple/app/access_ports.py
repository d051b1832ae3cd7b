"""What the account use cases need from the store, as protocols (``supple.store`` fulfils them;
``app.ports`` has the person's records)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol

from supple.app.access_records import (
    AttemptKind,
    AuditEntry,
    Code,
    CodePurpose,
    StoredAccount,
    TokenInfo,
    WebSession,
)
from supple.app.caseload_records import CaseloadPage, PatientRecords
from supple.app.identity import Account, CareLink, Role
from supple.tracking.model import ScreenRecord


class Directory(Protocol):
    """Install-wide account lookups."""

    def accounts_mode(self) -> bool: ...

    def clinic_id(self, name: str, *, at: datetime) -> int: ...

    def unowned_people(self) -> list[int]: ...

    def create_account(
        self,
        *,
        email: str,
        role: Role,
        password_hash: str | None,
        clinic_id: int | None,
        person_id: int | None,
        at: datetime,
    ) -> Account: ...

    def by_email(self, email: str) -> StoredAccount | None: ...

    def account(self, account_id: int) -> Account | None: ...

    def all_accounts(self) -> list[Account]: ...

    def session(
        self, token_hash: str, *, now: datetime, lifetime: timedelta
    ) -> WebSession | None: ...

    def token_owner(self, token_hash: str, *, now: datetime) -> Account | None: ...

    def code(self, code_hash: str, purpose: CodePurpose) -> Code | None: ...

    def use_code(self, code_id: int, *, by: int, at: datetime) -> bool: ...

    def fail(self, kind: AttemptKind, *, email: str, address: str, at: datetime) -> None: ...

    def failures(
        self,
        kind: AttemptKind,
        *,
        since: datetime,
        email: str | None = None,
        address: str | None = None,
    ) -> list[datetime]: ...

    def forget_failures(self, email: str) -> None: ...


class AccountRecords(Protocol):
    """One account's own rows."""

    def account(self) -> Account: ...

    def password_hash(self) -> str | None: ...

    def set_password(self, password_hash: str, *, at: datetime | None) -> None: ...

    def set_disabled(self, at: datetime | None) -> None: ...

    def set_clinic(self, clinic_id: int) -> None: ...

    def start_session(
        self, *, token_hash: str, csrf_token: str, at: datetime, lifetime: timedelta, address: str
    ) -> int: ...

    def end_session(self, session_id: int) -> None: ...

    def end_all_sessions(self) -> int: ...

    def add_token(self, *, name: str, token_hash: str, hint: str, at: datetime) -> int: ...

    def tokens(self) -> list[TokenInfo]: ...

    def drop_token(self, token_id: int) -> bool: ...

    def add_code(
        self, purpose: CodePurpose, *, code_hash: str, at: datetime, expires_at: datetime
    ) -> int: ...

    def erase(self, *, at: datetime) -> int | None: ...


class CareTeam(Protocol):
    """One clinician's linked patients."""

    def patients(self) -> list[CareLink]: ...

    def patient(self, patient_id: int) -> CareLink | None: ...

    def link(self, patient_id: int, *, at: datetime) -> None: ...

    def caseload(self, today: date) -> list[PatientRecords]: ...

    def caseload_page(
        self,
        today: date,
        *,
        search: str,
        flagged: str | None,
        sort: str,
        limit: int | None,
        offset: int,
        patient: int | None = None,
    ) -> CaseloadPage: ...

    def screens(self) -> dict[int, list[ScreenRecord]]: ...

    def mark_seen(self, patient_id: int, key: str, *, at: datetime) -> None: ...


class ClinicAccounts(Protocol):
    """The accounts one admin manages."""

    def accounts(self) -> list[Account]: ...

    def account(self, account_id: int) -> Account | None: ...


class AuditTrail(Protocol):
    """The audit log: append and read, nothing else."""

    def append(self, entry: AuditEntry) -> None: ...

    def entries(
        self, *, since: datetime | None = None, clinic_id: int | None = None, limit: int = 500
    ) -> list[AuditEntry]: ...


class AccountsDatabase(Protocol):
    """The database as the account use cases open its parts."""

    def directory(self) -> Directory: ...

    def for_account(self, account_id: int) -> AccountRecords: ...

    def care_team(self, clinician: Account) -> CareTeam: ...

    def clinic_accounts(self, clinic_id: int | None) -> ClinicAccounts: ...

    def audit_log(self) -> AuditTrail: ...

    def add_person(self, name: str = "me", *, days_per_week: int = 7) -> int: ...


__all__ = [
    "AccountRecords",
    "AccountsDatabase",
    "AuditTrail",
    "CareTeam",
    "ClinicAccounts",
    "Directory",
]
