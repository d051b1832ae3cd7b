"""Accounts: make one (the first puts the install in accounts mode), list, disable, erase.

A patient account holds a person's records. A patient made from the command line takes the
records no account holds yet (the single-person data of the install, which is how an install
moves to accounts mode without losing anything), unless asked for fresh ones or for another
person's; one made through an invitation always starts with fresh records.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from supple.app import audit
from supple.app.access_ports import AccountsDatabase
from supple.app.errors import NotAllowed, NotFound, Refused
from supple.app.identity import ROLES, Account, Principal, Role, manages, normal_email
from supple.app.passwords import Passwords, check_new_password

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")
#: Whose records a new patient account holds: a person by id (one no account holds), the
#: records no account holds yet (when there is one such person), or new ones.
Records = int | Literal["unowned", "new"]


def checked_email(email: str) -> str:
    """The email, normalised; Refused when it does not look like one."""
    key = normal_email(email)
    if len(key) > 254 or not _EMAIL.match(key):
        raise Refused(f"'{email[:80]}' is not an email address")
    return key


def display_name(name: str) -> str:
    """The name a patient goes by, tidied ("me" when they gave none); Refused when too long."""
    tidy = " ".join(name.split())
    if len(tidy) > 100:
        raise Refused("a name is at most 100 characters")
    return tidy or "me"


def _person_for(db: AccountsDatabase, role: Role, records: Records, name: str = "me") -> int | None:
    if role != "patient":
        return None
    unowned = db.directory().unowned_people()
    if isinstance(records, int):
        if records not in unowned:
            raise Refused(f"person {records} does not exist or already has an account")
        return records
    if records == "unowned" and len(unowned) == 1:
        return unowned[0]
    if records == "unowned" and len(unowned) > 1:
        raise Refused(
            f"{len(unowned)} people's records have no account yet "
            f"({', '.join(map(str, unowned))}): name the one this account takes "
            "(--person ID), or ask for fresh records (--fresh)"
        )
    return db.add_person(name)


def create_account(
    *,
    db: AccountsDatabase,
    passwords: Passwords,
    email: str,
    role: str,
    password: str,
    by: Principal | Account | str,
    address: str,
    now: datetime,
    clinic: str | None = None,
    records: Records = "new",
    name: str = "",
) -> Account:
    """Make an account (Refused for a bad email, role or password, or a clinician without a
    clinic); the first account ever made switches the install to accounts mode."""
    key = checked_email(email)
    if role not in ROLES:
        raise Refused(f"the role is one of {', '.join(ROLES)}, not '{role}'")
    if role == "clinician" and not clinic:
        raise Refused("a clinician belongs to a clinic: give its name (--clinic NAME)")
    check_new_password(password, email=key)
    directory = db.directory()
    if directory.by_email(key) is not None:
        raise Refused(f"there is an account for {key} already")
    clinic_id = directory.clinic_id(clinic.strip()[:100], at=now) if clinic else None
    person_id = _person_for(db, role, records, display_name(name))  # type: ignore[arg-type]
    account = directory.create_account(
        email=key,
        role=role,  # type: ignore[arg-type]
        password_hash=passwords.hash(password),
        clinic_id=clinic_id,
        person_id=person_id,
        at=now,
    )
    trail = db.audit_log()
    audit.record(
        trail,
        at=now,
        action="account_created",
        by=by,
        address=address,
        about=account,
        detail=f"role {role}",
    )
    if records != "new" and person_id is not None:
        audit.record(
            trail,
            at=now,
            action="records_attached",
            by=by,
            address=address,
            about=account,
            detail=f"person {person_id}",
        )
    return account


def find(*, db: AccountsDatabase, email: str) -> Account:
    """The account of ``email`` (NotFound)."""
    stored = db.directory().by_email(normal_email(email))
    if stored is None or stored.account.deleted:
        raise NotFound(f"there is no account for {email}")
    return stored.account


def managed(*, db: AccountsDatabase, admin: Principal, account_id: int) -> Account:
    """An account the admin manages (NotFound for any other, so ids reveal nothing)."""
    if admin.account is None or admin.role != "admin":
        raise NotAllowed("only an admin manages accounts")
    found = db.clinic_accounts(admin.account.clinic_id).account(account_id)
    if found is None or not manages(admin.account, found):
        raise NotFound(f"no account {account_id} among those you manage")
    return found


def set_disabled(
    *,
    db: AccountsDatabase,
    account: Account,
    disabled: bool,
    by: Principal | str,
    address: str,
    now: datetime,
) -> Account:
    """Disable an account (its sessions end and it can no longer sign in), or enable it again."""
    records = db.for_account(account.id)
    records.set_disabled(now if disabled else None)
    action = "account_disabled" if disabled else "account_enabled"
    audit.record(db.audit_log(), at=now, action=action, by=by, address=address, about=account)
    return records.account()


def erase(
    *, db: AccountsDatabase, account: Account, by: Principal | str, address: str, now: datetime
) -> None:
    """Erase an account and every record of it; an audit entry without health data stays."""
    person_id = db.for_account(account.id).erase(at=now)
    audit.record(
        db.audit_log(),
        at=now,
        action="account_deleted",
        by=by if not isinstance(by, Principal) or by.account_id != account.id else account.email,
        address=address,
        about=account,
        person_id=person_id,
        detail=f"role {account.role}",
    )


def erase_own(
    *,
    db: AccountsDatabase,
    passwords: Passwords,
    principal: Principal,
    password: str,
    address: str,
    now: datetime,
) -> None:
    """Erase the signed-in person's own account, once they confirm with their password."""
    if principal.account is None:
        raise NotAllowed("single-person mode has no account to delete")
    if not passwords.check(db.for_account(principal.account.id).password_hash(), password).ok:
        raise Refused("the password is wrong: nothing was deleted")
    erase(db=db, account=principal.account, by=principal, address=address, now=now)


__all__ = [
    "Records",
    "checked_email",
    "create_account",
    "erase",
    "erase_own",
    "find",
    "managed",
    "set_disabled",
]
