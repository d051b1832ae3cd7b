"""Invitations: a clinician invites a patient with a one-time code (a link or a short code to
type, valid 7 days); the patient opens it to make an account, or to join with the account they
have. Either way a care link joins them, in the clinician's clinic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from supple.app import accounts, audit, keys, signin
from supple.app.access_ports import AccountsDatabase
from supple.app.access_records import Code
from supple.app.errors import NotAllowed, NotFound
from supple.app.identity import Account, Principal
from supple.app.passwords import Passwords

INVITE_LIFETIME = timedelta(days=7)
BAD_CODE = "this invitation is not valid: it may have expired or been used already"


@dataclass(frozen=True)
class Invitation:
    """A code just made; ``code`` is shown once (only its hash is kept)."""

    code: str
    clinician: Account
    expires_at: datetime


def invite(*, db: AccountsDatabase, clinician: Account, address: str, now: datetime) -> Invitation:
    """A new invitation from ``clinician`` (NotAllowed for any other role)."""
    if clinician.role != "clinician" or clinician.clinic_id is None or not clinician.active:
        raise NotAllowed("only a clinician of a clinic invites patients")
    code = keys.short_code()
    expires = now + INVITE_LIFETIME
    db.for_account(clinician.id).add_code(
        "invite", code_hash=keys.digest(code), at=now, expires_at=expires
    )
    audit.record(
        db.audit_log(),
        at=now,
        action="invitation_made",
        by=clinician,
        address=address,
        about=clinician,
    )
    return Invitation(code, clinician, expires)


def look_up(*, db: AccountsDatabase, code: str, address: str, now: datetime) -> Code:
    """The invitation of ``code`` as typed (NotFound when unknown, used or expired; wrong codes
    count towards the address's throttling)."""
    directory = db.directory()
    signin.throttle(directory, "code", address=address, now=now)
    typed = keys.typed_code(code[:40])
    found = directory.code(keys.digest(typed), "invite") if typed else None
    if found is None or found.used_at is not None or found.expires_at <= now:
        directory.fail("code", email="", address=address, at=now)
        raise NotFound(BAD_CODE)
    if not found.account.active:
        raise NotFound(BAD_CODE)
    return found


def _join(
    db: AccountsDatabase, invitation: Code, patient: Account, *, address: str, now: datetime
) -> None:
    if not db.directory().use_code(invitation.id, by=patient.id, at=now):
        raise NotFound(BAD_CODE)
    clinician = invitation.account
    assert clinician.clinic_id is not None
    db.care_team(clinician).link(patient.id, at=now)
    if patient.clinic_id is None:
        db.for_account(patient.id).set_clinic(clinician.clinic_id)
    audit.record(
        db.audit_log(),
        at=now,
        action="invitation_accepted",
        by=patient,
        address=address,
        about=patient,
        detail=f"clinician {clinician.id}",
    )


def accept(
    *, db: AccountsDatabase, code: str, principal: Principal, address: str, now: datetime
) -> Account:
    """Join the inviting clinician with the signed-in patient's account; return the clinician."""
    invitation = look_up(db=db, code=code, address=address, now=now)
    if principal.account is None or principal.role != "patient":
        raise NotAllowed("an invitation is for a patient's account")
    _join(db, invitation, principal.account, address=address, now=now)
    return invitation.account


def sign_up(
    *,
    db: AccountsDatabase,
    passwords: Passwords,
    code: str,
    email: str,
    password: str,
    address: str,
    now: datetime,
    name: str = "",
) -> signin.SignedIn:
    """Make a patient account through an invitation (fresh records, under ``name`` as the
    clinician will see it), join the clinician, and sign in."""
    invitation = look_up(db=db, code=code, address=address, now=now)
    clinician = invitation.account
    account = accounts.create_account(
        db=db,
        passwords=passwords,
        email=email,
        role="patient",
        password=password,
        by=f"invitation from {clinician.email}",
        address=address,
        now=now,
        clinic=clinician.clinic,
        records="new",
        name=name,
    )
    _join(db, invitation, account, address=address, now=now)
    return signin.start_session(db, db.for_account(account.id).account(), address=address, now=now)


__all__ = ["INVITE_LIFETIME", "Invitation", "accept", "invite", "look_up", "sign_up"]
