"""A person's credentials: change the password (every session ends), reset it through a
one-time link, and personal access tokens for API clients (shown once, kept hashed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from supple.app import audit, keys, signin
from supple.app.access_ports import AccountsDatabase
from supple.app.access_records import TokenInfo
from supple.app.errors import NotAllowed, NotFound, Refused
from supple.app.identity import Account, Principal
from supple.app.passwords import Passwords, check_new_password

RESET_LIFETIME = timedelta(hours=24)
MAX_TOKENS = 20
BAD_LINK = "this link is not valid: it may have expired or been used already"


def _own(principal: Principal) -> Account:
    if principal.account is None:
        raise NotAllowed("single-person mode has no account: there is no password to change")
    return principal.account


def change_password(
    *,
    db: AccountsDatabase,
    passwords: Passwords,
    principal: Principal,
    current: str,
    new: str,
    address: str,
    now: datetime,
) -> signin.SignedIn:
    """Change the password and sign out everywhere; this browser gets a new session."""
    account = _own(principal)
    records = db.for_account(account.id)
    if not passwords.check(records.password_hash(), current).ok:
        raise Refused("the current password is wrong: nothing was changed")
    return _new_password(
        db, passwords, account, new, action="password_changed", address=address, now=now
    )


def _new_password(
    db: AccountsDatabase,
    passwords: Passwords,
    account: Account,
    new: str,
    *,
    action: str,
    address: str,
    now: datetime,
) -> signin.SignedIn:
    """Keep ``new`` as the password (if it is good enough), sign out everywhere, and start a
    session for the browser that asked."""
    check_new_password(new, email=account.email)
    records = db.for_account(account.id)
    records.set_password(passwords.hash(new), at=now)
    records.end_all_sessions()
    audit.record(db.audit_log(), at=now, action=action, by=account, address=address)
    return signin.start_session(db, account, address=address, now=now)


@dataclass(frozen=True)
class ResetLink:
    """A one-time code that sets a new password (the adapter makes it a link)."""

    code: str
    account: Account
    expires_at: datetime


def make_reset(
    *, db: AccountsDatabase, account: Account, by: Principal | str, address: str, now: datetime
) -> ResetLink:
    """A reset code for ``account``, valid 24 hours (an earlier unused one stops working)."""
    if account.deleted:
        raise NotFound("that account was deleted")
    code = keys.reset_code()
    expires = now + RESET_LIFETIME
    db.for_account(account.id).add_code(
        "reset", code_hash=keys.digest(code), at=now, expires_at=expires
    )
    audit.record(
        db.audit_log(), at=now, action="reset_link_made", by=by, address=address, about=account
    )
    return ResetLink(code, account, expires)


def reset_account(*, db: AccountsDatabase, code: str, address: str, now: datetime) -> Account:
    """The account a reset code is for (NotFound when it is unknown, used or expired; wrong
    codes count towards the address's throttling)."""
    directory = db.directory()
    signin.throttle(directory, "code", address=address, now=now)
    found = directory.code(keys.digest(code), "reset") if len(code) <= 100 else None
    if found is None or found.used_at is not None or found.expires_at <= now:
        directory.fail("code", email="", address=address, at=now)
        raise NotFound(BAD_LINK)
    return found.account


def redeem_reset(
    *,
    db: AccountsDatabase,
    passwords: Passwords,
    code: str,
    new: str,
    address: str,
    now: datetime,
) -> signin.SignedIn:
    """Set a new password through a reset code; every session ends and this one starts."""
    account = reset_account(db=db, code=code, address=address, now=now)
    check_new_password(new, email=account.email)
    found = db.directory().code(keys.digest(code), "reset")
    if found is None or not db.directory().use_code(found.id, by=account.id, at=now):
        raise NotFound(BAD_LINK)
    return _new_password(
        db, passwords, account, new, action="password_reset", address=address, now=now
    )


@dataclass(frozen=True)
class NewToken:
    """A token just made: ``token`` is shown this once and never again."""

    token: str
    info: TokenInfo


def create_token(
    *, db: AccountsDatabase, principal: Principal, name: str, address: str, now: datetime
) -> NewToken:
    """Make a personal access token named ``name`` (1 to 60 characters)."""
    account = _own(principal)
    label = " ".join(name.split())
    if not 1 <= len(label) <= 60:
        raise Refused("a token's name is 1 to 60 characters")
    records = db.for_account(account.id)
    if len(records.tokens()) >= MAX_TOKENS:
        raise Refused(f"an account has at most {MAX_TOKENS} tokens: revoke one first")
    token = keys.access_token()
    hint = token[: len(keys.TOKEN_PREFIX) + 4] + "…"
    token_id = records.add_token(name=label, token_hash=keys.digest(token), hint=hint, at=now)
    audit.record(
        db.audit_log(), at=now, action="token_created", by=principal, address=address, detail=label
    )
    info = next(t for t in records.tokens() if t.id == token_id)
    return NewToken(token, info)


def tokens(*, db: AccountsDatabase, principal: Principal) -> list[TokenInfo]:
    if principal.account is None:
        return []
    return db.for_account(principal.account.id).tokens()


def revoke_token(
    *, db: AccountsDatabase, principal: Principal, token_id: int, address: str, now: datetime
) -> None:
    """Revoke one of the principal's tokens (NotFound for any other id)."""
    account = _own(principal)
    if not db.for_account(account.id).drop_token(token_id):
        raise NotFound(f"you have no token {token_id}")
    audit.record(
        db.audit_log(),
        at=now,
        action="token_revoked",
        by=principal,
        address=address,
        detail=f"token {token_id}",
    )


__all__ = [
    "NewToken",
    "ResetLink",
    "change_password",
    "create_token",
    "make_reset",
    "redeem_reset",
    "reset_account",
    "revoke_token",
    "tokens",
]
