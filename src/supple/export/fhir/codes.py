"""The code systems, codes and canonical URLs the FHIR export uses (every code with its system).

Supple has no web domain of its own yet, so its canonical URLs sit under the reserved
``.invalid`` name (RFC 2606): they can never point at someone else's site. Change
``CANONICAL_BASE`` once, here, when the project has a home; the parser reads the same names.
"""

from __future__ import annotations

from typing import Any

from supple.tracking.model import PainMoment, SessionStatus

CANONICAL_BASE = "https://supple.invalid/fhir"

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"

#: Supple's own codes: the library's exercise ids, and the few concepts no standard names.
SUPPLE_CODES = f"{CANONICAL_BASE}/CodeSystem/supple"
EXERCISE_CODES = f"{CANONICAL_BASE}/CodeSystem/exercise"
PERSON_IDS = f"{CANONICAL_BASE}/person"
CLINICIAN_IDS = f"{CANONICAL_BASE}/clinician"
DOSE_EXTENSION = f"{CANONICAL_BASE}/StructureDefinition/exercise-dose"
PSFS_URL = f"{CANONICAL_BASE}/Questionnaire/psfs"


def activity_definition_url(exercise_id: str) -> str:
    """The canonical URL of a library entry as an ActivityDefinition."""
    return f"{CANONICAL_BASE}/ActivityDefinition/{exercise_id}"


def coding(system: str, code: str, display: str) -> dict[str, Any]:
    """A Coding: a code always travels with its system."""
    return {"system": system, "code": code, "display": display}


def concept(system: str, code: str, display: str, text: str | None = None) -> dict[str, Any]:
    """A CodeableConcept of one coding."""
    out: dict[str, Any] = {"coding": [coding(system, code, display)]}
    if text:
        out["text"] = text
    return out


EXERCISE_THERAPY = concept(SNOMED, "229065009", "Exercise therapy")
PAIN_SCORE = concept(
    LOINC,
    "72514-3",
    "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    "Pain, 0 (none) to 10 (worst imaginable)",
)
PSFS_SCORE = concept(
    SUPPLE_CODES,
    "psfs-mean",
    "Patient-Specific Functional Scale, mean of the activity scores",
)
SURVEY = [concept(OBSERVATION_CATEGORY, "survey", "Survey")]
PAIN_MOMENT = concept(SUPPLE_CODES, "pain-moment", "When the pain was scored")
#: Pain scored before or after a session; a daily score carries no moment.
MOMENTS: dict[PainMoment, dict[str, Any]] = {
    "before": coding(SUPPLE_CODES, "before-session", "Before a session"),
    "after": coding(SUPPLE_CODES, "after-session", "After a session"),
}
#: Supple's session ends, as Procedure statuses.
PROCEDURE_STATUS: dict[SessionStatus, str] = {
    "finished": "completed",
    "stopped": "stopped",
    "in_progress": "in-progress",
}
