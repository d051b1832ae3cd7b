"""Request and response models of the programme builder and templates (``/api/v1/clinician``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pydantic import BaseModel, Field

from supple.app.prescription_records import Template, Version
from supple.app.prescriptions import VersionChanges
from supple.planner.prescription import Change, ChangeKind, Exclusion, Prescription, Problem


class ChangeOut(BaseModel):
    """One change from the version before."""

    kind: ChangeKind
    exercise: str | None
    words: str

    @classmethod
    def of(cls, change: Change) -> ChangeOut:
        return cls(kind=change.kind, exercise=change.exercise, words=change.words)


class VersionOut(BaseModel):
    """One saved version of a patient's programme."""

    number: int
    author: str = Field(description="who saved it (the patient sees 'your programme from ...')")
    created_at: datetime
    summary: str = Field(description="what changed from the version before, in one line")
    prescription: Prescription
    changes: list[ChangeOut] = Field(default_factory=list)

    @classmethod
    def of(cls, version: Version, changes: list[Change] | None = None) -> VersionOut:
        return cls(
            number=version.number,
            author=version.author_name,
            created_at=version.created_at,
            summary=version.summary,
            prescription=version.prescription,
            changes=[ChangeOut.of(c) for c in changes or []],
        )

    @classmethod
    def from_history(cls, entry: VersionChanges) -> VersionOut:
        return cls.of(entry.version, entry.changes)


class ExclusionOut(BaseModel):
    """A move the patient's answers leave out: giving it needs an override with a reason."""

    exercise: str
    rule: str
    sentence: str
    source: str


def exclusions_out(found: Mapping[str, Exclusion]) -> list[ExclusionOut]:
    return [
        ExclusionOut(exercise=k, rule=e.rule, sentence=e.sentence, source=e.source)
        for k, e in sorted(found.items())
    ]


class ProgrammeOut(BaseModel):
    """A patient's current version (None before the first) and the draft to edit from: the
    latest version, or Supple's suggestion for their answers."""

    patient_id: int
    latest: VersionOut | None
    draft: Prescription
    excluded: list[ExclusionOut] = Field(
        description="the moves this patient's answers leave out, with the rule and its source"
    )


class ProblemOut(BaseModel):
    exercise: str | None
    words: str
    rule: str | None = None

    @classmethod
    def of(cls, problem: Problem) -> ProblemOut:
        return cls(exercise=problem.exercise, words=problem.words, rule=problem.rule)


class TemplateIn(BaseModel):
    """A programme to keep as the clinic's template (one of the same name is replaced)."""

    name: str = Field(min_length=1, max_length=100)
    prescription: Prescription


class TemplateOut(BaseModel):
    id: int
    name: str
    author: str
    created_at: datetime
    prescription: Prescription

    @classmethod
    def of(cls, template: Template) -> TemplateOut:
        return cls(
            id=template.id,
            name=template.name,
            author=template.author_name,
            created_at=template.created_at,
            prescription=template.prescription,
        )


class ApplyIn(BaseModel):
    """The patients to give the template to (each gets it as a new version)."""

    patient_ids: list[int] = Field(min_length=1, max_length=200)


class AppliedOut(BaseModel):
    patient_id: int
    version: int


__all__ = [
    "AppliedOut",
    "ApplyIn",
    "ChangeOut",
    "ExclusionOut",
    "ProblemOut",
    "ProgrammeOut",
    "TemplateIn",
    "TemplateOut",
    "VersionOut",
    "exclusions_out",
]
