"""Signing in and out, and finding who a request comes from (a session cookie or an access
token), with throttling and without telling whether an email has an account.

An unknown email, a wrong password and a disabled account get the same answer in about the same
time (a dummy hash is checked when there is no real one). After 5 failed attempts for one email,
or 20 from one address, within 15 minutes, the next ones are refused (Throttled) until the
oldest of them is 15 minutes old.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from supple.app import audit, keys
from supple.app.access_ports import AccountsDatabase, Directory
from supple.app.access_records import AttemptKind
from supple.app.errors import SignInNeeded, Throttled
from supple.app.identity import Account, Principal, normal_email
from supple.app.passwords import Passwords

SESSION_LIFETIME = timedelta(days=30)
WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5
PER_ADDRESS = 20
WRONG = "the email or the password is wrong"


@dataclass(frozen=True)
class SignedIn:
    """A new session: the cookie's token (shown once, kept hashed) and the principal."""

    token: str
    principal: Principal

    @property
    def account(self) -> Account:
        assert self.principal.account is not None
        return self.principal.account


def throttle(
    directory: Directory,
    kind: AttemptKind,
    *,
    address: str,
    now: datetime,
    email: str | None = None,
) -> None:
    """Refuse (Throttled, with the seconds to wait) when too many attempts failed lately."""
    since = now - WINDOW
    waits = []
    checks = [(directory.failures(kind, since=since, address=address), PER_ADDRESS)]
    if email is not None:
        checks.append((directory.failures(kind, since=since, email=email), PER_ACCOUNT))
    for times, limit in checks:
        if len(times) >= limit:
            waits.append(times[len(times) - limit] + WINDOW - now)
    if waits:
        seconds = max(1, int(max(waits).total_seconds()) + 1)
        minutes = -(-seconds // 60)
        raise Throttled(
            f"too many failed attempts: try again in {minutes} minute{'s' if minutes > 1 else ''}",
            retry_after=seconds,
        )


def start_session(
    db: AccountsDatabase, account: Account, *, address: str, now: datetime
) -> SignedIn:
    """A new signed-in session for ``account``."""
    token, csrf = keys.session_token(), secrets.token_urlsafe(32)
    session_id = db.for_account(account.id).start_session(
        token_hash=keys.digest(token),
        csrf_token=csrf,
        at=now,
        lifetime=SESSION_LIFETIME,
        address=address,
    )
    principal = Principal(
        via="session",
        account=account,
        person_id=account.person_id,
        session_id=session_id,
        csrf_token=csrf,
    )
    return SignedIn(token, principal)


def sign_in(
    *,
    db: AccountsDatabase,
    passwords: Passwords,
    email: str,
    password: str,
    address: str,
    now: datetime,
) -> SignedIn:
    """Check the email and password and start a session (SignInNeeded or Throttled)."""
    directory = db.directory()
    key = normal_email(email)[:254]
    throttle(directory, "sign_in", email=key, address=address, now=now)
    stored = directory.by_email(key) if key else None
    usable = stored if stored is not None and stored.account.active else None
    checked = passwords.check(None if usable is None else usable.password_hash, password)
    if usable is None or not checked.ok:
        directory.fail("sign_in", email=key, address=address, at=now)
        by = key if stored is None else stored.account
        audit.record(db.audit_log(), at=now, action="sign_in_failed", by=by, address=address)
        raise SignInNeeded(WRONG)
    account = usable.account
    if checked.new_hash is not None:  # argon2's parameters changed since this hash was made
        db.for_account(account.id).set_password(checked.new_hash, at=None)
    directory.forget_failures(key)
    audit.record(db.audit_log(), at=now, action="sign_in", by=account, address=address)
    return start_session(db, account, address=address, now=now)


def sign_out(*, db: AccountsDatabase, principal: Principal, address: str, now: datetime) -> None:
    """End the principal's session (nothing to end for a token or single-person mode)."""
    if principal.account is None or principal.session_id is None:
        return
    db.for_account(principal.account.id).end_session(principal.session_id)
    audit.record(db.audit_log(), at=now, action="sign_out", by=principal, address=address)


def from_session(*, directory: Directory, token: str, now: datetime) -> Principal | None:
    """Who holds the session cookie ``token`` (None: unknown, expired, or the account can no
    longer sign in); each use moves the expiry 30 days on."""
    found = directory.session(keys.digest(token), now=now, lifetime=SESSION_LIFETIME)
    if found is None:
        return None
    return Principal(
        via="session",
        account=found.account,
        person_id=found.account.person_id,
        session_id=found.id,
        csrf_token=found.csrf_token,
    )


def from_token(*, directory: Directory, token: str, now: datetime) -> Principal | None:
    """Who holds the personal access token ``token`` (None: unknown or revoked)."""
    if not token.startswith(keys.TOKEN_PREFIX) or len(token) > 100:
        return None
    account = directory.token_owner(keys.digest(token), now=now)
    if account is None:
        return None
    return Principal(via="token", account=account, person_id=account.person_id)


__all__ = [
    "PER_ACCOUNT",
    "PER_ADDRESS",
    "SESSION_LIFETIME",
    "WINDOW",
    "SignedIn",
    "from_session",
    "from_token",
    "sign_in",
    "sign_out",
    "start_session",
    "throttle",
]
