"""One person's programme and outcomes as a FHIR R4 Bundle (type collection), checked against
the R4B models of ``fhir.resources`` before it is returned.

Ids are UUIDs derived from the person's key and each record, so the same records always give
the same bundle; every reference is a ``urn:uuid:`` of an entry in the bundle.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from itertools import groupby
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from supple.export.fhir import codes, outcomes, programme
from supple.export.fhir.model import FhirError, RecordInput
from supple.tracking.model import PsfsRecord

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, codes.CANONICAL_BASE)


class _Entries:
    """The bundle's entries, each with a stable id made from the person and a key."""

    def __init__(self, person: str) -> None:
        self.person = person
        self.items: list[dict[str, Any]] = []

    def ref(self, key: str) -> tuple[str, str]:
        """The id and the reference (``urn:uuid:…``) of the resource known by ``key``."""
        rid = str(uuid.uuid5(NAMESPACE, f"{self.person}/{key}"))
        return rid, f"urn:uuid:{rid}"

    def add(self, resource: dict[str, Any]) -> None:
        self.items.append({"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource})


def _check_scores(data: RecordInput) -> None:
    for rec in data.pain:
        if not 0 <= rec.score <= 10:
            raise FhirError(f"a pain score is 0 to 10, not {rec.score} (on {rec.day})")
    for p in data.psfs:
        if not 0 <= p.score <= 10:
            raise FhirError(f"a PSFS score is 0 to 10, not {p.score} (on {p.day})")


def _by_day(records: Iterable[PsfsRecord]) -> list[tuple[date, list[PsfsRecord]]]:
    ordered = sorted(records, key=lambda r: r.day)  # stable: activities keep their order
    return [(day, list(group)) for day, group in groupby(ordered, key=lambda r: r.day)]


def build_bundle(data: RecordInput, *, generated: datetime) -> dict[str, Any]:
    """The Bundle as JSON-ready data; ``generated`` (time-zone aware) is its timestamp."""
    if generated.tzinfo is None:
        raise FhirError("the bundle's timestamp needs a time zone")
    _check_scores(data)
    entries = _Entries(data.patient.key)
    pid, patient = entries.ref("patient")
    entries.add(programme.patient(data.patient, pid))

    careplan_ref: str | None = None
    care = data.careplan
    if care is not None and care.plan.items:
        author = None
        if care.practitioner is not None:
            rid, author = entries.ref("practitioner")
            entries.add(programme.practitioner(care.practitioner, rid))
        for exercise_id in dict.fromkeys(i.exercise for i in care.plan.items):
            exercise = care.library.get(exercise_id)
            if exercise is None:
                raise FhirError(f"the routine names '{exercise_id}', which is not in the library")
            entries.add(
                programme.activity_definition(exercise, entries.ref(f"ad/{exercise_id}")[0])
            )
        rid, careplan_ref = entries.ref("careplan")
        entries.add(programme.careplan(care, rid, subject=patient, author=author))

    for n, rec in enumerate(data.pain):
        entries.add(outcomes.pain_observation(rec, entries.ref(f"pain/{n}")[0], subject=patient))
    days = _by_day(data.psfs)
    if days:
        entries.add(outcomes.psfs_questionnaire(entries.ref("psfs")[0]))
    for day, scores in days:
        rid, response = entries.ref(f"psfs/{day}")
        entries.add(outcomes.psfs_response(day, scores, rid, subject=patient))
        score_id = entries.ref(f"psfs-score/{day}")[0]
        entries.add(outcomes.psfs_score(day, scores, score_id, subject=patient, response=response))
    for n, session in enumerate(data.sessions):
        rid = entries.ref(f"session/{n}")[0]
        entries.add(
            outcomes.session_procedure(session, rid, subject=patient, careplan=careplan_ref)
        )

    bundle = {
        "resourceType": "Bundle",
        "id": entries.ref("bundle")[0],
        "meta": {"lastUpdated": generated.isoformat()},
        "type": "collection",
        "timestamp": generated.isoformat(),
        "entry": entries.items,
    }
    check_structure(bundle)
    return bundle


def check_structure(bundle: dict[str, Any]) -> None:
    """Raise FhirError unless ``bundle`` fits the R4B models (structure and types)."""
    try:
        Bundle.model_validate(bundle)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise FhirError(f"not a valid FHIR bundle at {where}: {first['msg']}") from None


def bundle_json(bundle: dict[str, Any]) -> str:
    """The bundle as FHIR JSON text (UTF-8, two-space indent)."""
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
