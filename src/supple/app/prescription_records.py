"""A clinician's programme as kept: its versions per patient and the clinic's templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from supple.planner.prescription import Prescription


@dataclass(frozen=True)
class Version:
    """One saved version of a patient's programme (never changed once saved)."""

    number: int
    author_id: int | None
    #: who saved it, as the patient is told ("your programme from ...")
    author_name: str
    created_at: datetime
    prescription: Prescription
    #: what changed from the version before, in words
    summary: str


@dataclass(frozen=True)
class Template:
    """A programme kept by a clinic to start other patients' programmes from."""

    id: int
    name: str
    clinic_id: int
    author_id: int | None
    author_name: str
    created_at: datetime
    prescription: Prescription


__all__ = ["Template", "Version"]
