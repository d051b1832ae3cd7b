"""What a clinician may see: their linked patients, in their clinic, and nobody else's records.

Every read or change of a patient's records by a clinician is written to the audit log by the
adapter that serves it (it knows the route and the address).
"""

from __future__ import annotations

from supple.app.access_ports import AccountsDatabase
from supple.app.errors import NotAllowed, NotFound
from supple.app.identity import Account, CareLink, Principal


def clinician_only(principal: Principal) -> Account:
    """The clinician's account (NotAllowed for anyone who is not a clinician of a clinic)."""
    account = principal.account
    if account is None or account.role != "clinician" or account.clinic_id is None:
        raise NotAllowed("only a clinician of a clinic sees patients")
    return account


def _clinician(principal: Principal) -> None:
    clinician_only(principal)


def patients(*, db: AccountsDatabase, principal: Principal) -> list[CareLink]:
    """The clinician's linked patients, longest linked first."""
    _clinician(principal)
    assert principal.account is not None
    return db.care_team(principal.account).patients()


def patient(*, db: AccountsDatabase, principal: Principal, patient_id: int) -> CareLink:
    """The link to one of the clinician's patients (NotFound for anyone else, so an id says
    nothing about who exists)."""
    _clinician(principal)
    assert principal.account is not None
    found = db.care_team(principal.account).patient(patient_id) if 0 < patient_id < 2**31 else None
    if found is None or found.patient.person_id is None:
        raise NotFound(f"no patient {patient_id} among yours")
    return found


__all__ = ["clinician_only", "patient", "patients"]
