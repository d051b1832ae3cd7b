"""What the FHIR export is made from, and what reading a bundle back gives: plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from supple.library.model import Exercise
from supple.planner.model import Plan, PlanItem
from supple.tracking.model import PainRecord, PsfsRecord, SessionRecord

CarePlanStatus = Literal["draft", "active", "on-hold", "revoked", "completed"]


class FhirError(ValueError):
    """A record that cannot be exported, or a bundle that cannot be read; one line says why."""


@dataclass(frozen=True)
class PatientInput:
    """The person, minimally: Supple's id for them and, if they gave one, a name."""

    key: str
    name: str | None = None


@dataclass(frozen=True)
class PractitionerInput:
    """The clinician who assigned the programme."""

    name: str
    key: str | None = None


@dataclass(frozen=True)
class CarePlanInput:
    """The current programme: its moves and doses, when it runs, and who assigned it."""

    plan: Plan
    library: Mapping[str, Exercise]
    start: date
    end: date | None = None
    days: tuple[str, ...] = ()
    days_per_week: int = 7
    practitioner: PractitionerInput | None = None
    status: CarePlanStatus = "active"


@dataclass(frozen=True)
class RecordInput:
    """Everything one person's bundle holds."""

    patient: PatientInput
    careplan: CarePlanInput | None = None
    pain: tuple[PainRecord, ...] = ()
    psfs: tuple[PsfsRecord, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()


@dataclass(frozen=True)
class ImportedRecord:
    """What a bundle read back holds, as Supple's domain data."""

    patient_name: str | None
    items: tuple[PlanItem, ...]
    start: date | None
    end: date | None
    days: tuple[str, ...]
    days_per_week: int | None
    practitioner: PractitionerInput | None
    pain: tuple[PainRecord, ...]
    psfs: tuple[PsfsRecord, ...]
    sessions: tuple[SessionRecord, ...]
