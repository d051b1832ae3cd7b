"""Outcomes as FHIR R4: pain scores, the PSFS (Questionnaire, responses, score) and sessions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from supple.export.fhir import codes
from supple.tracking.model import PainRecord, PsfsRecord, SessionRecord

Resource = dict[str, Any]
PSFS_VERSION = "1"


def pain_observation(rec: PainRecord, rid: str, *, subject: str) -> Resource:
    """One pain score (LOINC 72514-3); before or after a session is a component."""
    out: Resource = {
        "resourceType": "Observation",
        "id": rid,
        "status": "final",
        "category": codes.SURVEY,
        "code": codes.PAIN_SCORE,
        "subject": {"reference": subject},
        "effectiveDateTime": rec.day.isoformat(),
        "valueInteger": rec.score,
    }
    moment = codes.MOMENTS.get(rec.moment)
    if moment is not None:
        out["component"] = [
            {"code": codes.PAIN_MOMENT, "valueCodeableConcept": {"coding": [moment]}}
        ]
        out["note"] = [{"text": f"Scored {moment['display'].lower()}."}]
    return out


def psfs_questionnaire(rid: str) -> Resource:
    """The Patient-Specific Functional Scale as Supple asks it: activities, each scored 0–10."""
    bounds = [
        {"url": codes.MIN_VALUE, "valueInteger": 0},
        {"url": codes.MAX_VALUE, "valueInteger": 10},
    ]
    return {
        "resourceType": "Questionnaire",
        "id": rid,
        "url": codes.PSFS_URL,
        "version": PSFS_VERSION,
        "name": "PatientSpecificFunctionalScale",
        "title": "Patient-Specific Functional Scale",
        "status": "active",
        "subjectType": ["Patient"],
        "description": (
            "The person names activities their back makes hard and scores each from 0 "
            "(unable to do it) to 10 (able to do it as well as before)."
        ),
        "item": [
            {
                "linkId": "activity",
                "text": "An activity your back makes hard",
                "type": "group",
                "repeats": True,
                "item": [
                    {
                        "linkId": "activity.name",
                        "text": "The activity",
                        "type": "string",
                        "required": True,
                    },
                    {
                        "linkId": "activity.score",
                        "text": "How well you can do it now, 0 to 10",
                        "type": "integer",
                        "required": True,
                        "extension": bounds,
                    },
                ],
            }
        ],
    }


def psfs_response(day: date, scores: Sequence[PsfsRecord], rid: str, *, subject: str) -> Resource:
    """One day's PSFS answers."""
    groups = [
        {
            "linkId": "activity",
            "item": [
                {"linkId": "activity.name", "answer": [{"valueString": rec.activity}]},
                {"linkId": "activity.score", "answer": [{"valueInteger": rec.score}]},
            ],
        }
        for rec in scores
    ]
    return {
        "resourceType": "QuestionnaireResponse",
        "id": rid,
        "questionnaire": f"{codes.PSFS_URL}|{PSFS_VERSION}",
        "status": "completed",
        "subject": {"reference": subject},
        "authored": day.isoformat(),
        "item": groups,
    }


def psfs_score(
    day: date, scores: Sequence[PsfsRecord], rid: str, *, subject: str, response: str
) -> Resource:
    """The day's PSFS score: the mean of its activity scores, derived from the response."""
    mean = round(sum(r.score for r in scores) / len(scores), 2)
    return {
        "resourceType": "Observation",
        "id": rid,
        "status": "final",
        "category": codes.SURVEY,
        "code": codes.PSFS_SCORE,
        "subject": {"reference": subject},
        "effectiveDateTime": day.isoformat(),
        "valueQuantity": {"value": mean, "unit": "score", "system": codes.UCUM, "code": "{score}"},
        "derivedFrom": [{"reference": response}],
    }


def session_procedure(
    rec: SessionRecord, rid: str, *, subject: str, careplan: str | None
) -> Resource:
    """One session of the routine, as a Procedure of exercise therapy."""
    out: Resource = {
        "resourceType": "Procedure",
        "id": rid,
        "status": codes.PROCEDURE_STATUS[rec.status],
        "code": codes.EXERCISE_THERAPY,
        "subject": {"reference": subject},
        "performedDateTime": rec.day.isoformat(),
    }
    if careplan is not None:
        out["basedOn"] = [{"reference": careplan}]
    return out
