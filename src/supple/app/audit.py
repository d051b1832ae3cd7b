"""The audit log as the use cases write it and the admin page and ``supple audit`` read it.

Every sign-in, failed sign-in and account change, and every read or change of a patient's
records by anyone but that patient. An entry names who (account id and email at the time), what
(an action code and a short detail: a route, a field; never health data), when, from where (the
address, or ``command line``) and about whom.
"""

from __future__ import annotations

from datetime import datetime

from supple.app.access_ports import AuditTrail
from supple.app.access_records import AuditEntry
from supple.app.identity import Account, Principal

#: The action codes, and what each means (docs/security.md lists them too).
ACTIONS: dict[str, str] = {
    "sign_in": "signed in",
    "sign_in_failed": "a sign-in failed (wrong email or password, or a disabled account)",
    "sign_out": "signed out",
    "account_created": "an account was made",
    "account_disabled": "an account was disabled",
    "account_enabled": "an account was enabled again",
    "account_deleted": "an account and its records were erased",
    "password_changed": "a password was changed (every session ended)",
    "reset_link_made": "a password reset link was made",
    "password_reset": "a password was reset through a link (every session ended)",
    "token_created": "a personal access token was made",
    "token_revoked": "a personal access token was revoked",
    "invitation_made": "a clinician made an invitation",
    "invitation_accepted": "a patient accepted an invitation (a care link was made)",
    "records_attached": "single-person records were given to an account",
    "records_read": "someone other than the patient read a patient's records",
    "records_changed": "someone other than the patient changed a patient's records",
    "records_exported": "a patient downloaded their records",
    "clinic_left": "a patient left their clinic (their care links ended)",
}
#: Where an entry made from the terminal comes from.
COMMAND_LINE = "command line"


def record(
    trail: AuditTrail,
    *,
    at: datetime,
    action: str,
    by: Principal | Account | str,
    address: str,
    detail: str = "",
    about: Account | None = None,
    person_id: int | None = None,
) -> None:
    """Append one entry; ``by`` is who did it (a principal, an account, or a name such as the
    email typed at a failed sign-in)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    actor = by.account if isinstance(by, Principal) else by
    if isinstance(actor, Account):
        actor_id, name, clinic = actor.id, actor.email, actor.clinic_id
    else:
        actor_id, name, clinic = None, actor or "the local person", None
    if about is not None:
        clinic = about.clinic_id if about.clinic_id is not None else clinic
    trail.append(
        AuditEntry(
            at=at,
            actor_id=actor_id,
            actor=name,
            action=action,
            detail=detail,
            address=address,
            subject_account_id=None if about is None else about.id,
            subject_person_id=person_id
            if person_id is not None or about is None
            else about.person_id,
            clinic_id=clinic,
        )
    )


def entries(
    trail: AuditTrail,
    *,
    since: datetime | None = None,
    clinic_id: int | None = None,
    limit: int = 500,
) -> list[AuditEntry]:
    """The entries since ``since``, newest first (``clinic_id``: only those about that clinic)."""
    return trail.entries(since=since, clinic_id=clinic_id, limit=limit)


__all__ = ["ACTIONS", "COMMAND_LINE", "entries", "record"]
