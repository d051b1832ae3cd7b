"""The programme as FHIR R4: Patient, Practitioner, an ActivityDefinition per library entry, and
the CarePlan with one activity per move (the person's own dose)."""

from __future__ import annotations

import re
from typing import Any

from supple import __version__
from supple.export.fhir import codes
from supple.export.fhir.model import CarePlanInput, PatientInput, PractitionerInput
from supple.library.model import Exercise
from supple.planner.model import PlanItem
from supple.presentation.render import why
from supple.presentation.words import dose_sentence

Resource = dict[str, Any]


def patient(person: PatientInput, rid: str) -> Resource:
    """A minimal Patient: Supple's id for the person and the name they gave, if any."""
    out: Resource = {
        "resourceType": "Patient",
        "id": rid,
        "identifier": [{"system": codes.PERSON_IDS, "value": person.key}],
    }
    if person.name:
        out["name"] = [{"text": person.name}]
    return out


def practitioner(clinician: PractitionerInput, rid: str) -> Resource:
    """The clinician who assigned the programme."""
    out: Resource = {"resourceType": "Practitioner", "id": rid, "name": [{"text": clinician.name}]}
    if clinician.key:
        out["identifier"] = [{"system": codes.CLINICIAN_IDS, "value": clinician.key}]
    return out


def _computable(name: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", name)
    return "".join(w[:1].upper() + w[1:] for w in words) or "Exercise"


def instructions(ex: Exercise) -> str:
    """The library entry's guidance as Markdown: why, the steps, breathing, feel, when to stop."""
    steps = "\n".join(f"{n}. {s}" for n, s in enumerate(ex.steps, 1))
    stops = "\n".join(f"- {s}" for s in ex.stop_if)
    return (
        f"{ex.purpose}\n\n{steps}\n\n**Breathing.** {ex.breathing}\n\n"
        f"**What you should feel.** {ex.feel}\n\n**Stop if**\n\n{stops}"
    )


def activity_definition(ex: Exercise, rid: str) -> Resource:
    """The library entry: exercise therapy, its usual dose, and its instructions."""
    d = ex.dose
    per_rep = d.hold_s if d.hold_s is not None else d.duration_s
    return {
        "resourceType": "ActivityDefinition",
        "id": rid,
        "url": codes.activity_definition_url(ex.id),
        "identifier": [{"system": codes.EXERCISE_CODES, "value": ex.id}],
        "version": __version__,
        "name": _computable(ex.name),
        "title": ex.name,
        "status": "active",
        "description": instructions(ex),
        "purpose": ex.purpose,
        "copyright": f"{ex.licence}; {ex.attribution}",
        "code": {
            "coding": [
                *codes.EXERCISE_THERAPY["coding"],
                codes.coding(codes.EXERCISE_CODES, ex.id, ex.name),
            ]
        },
        # The usual dose: each repetition's length, and how many (per side when sided).
        "timingTiming": {"repeat": {"duration": per_rep, "durationUnit": "s"}},
        "quantity": _repetitions(d.reps * d.sets),
    }


def _repetitions(count: int) -> dict[str, Any]:
    return {"value": count, "unit": "repetitions", "system": codes.UCUM, "code": "{repetitions}"}


def dose_extension(item: PlanItem) -> dict[str, Any]:
    """The dose exactly as Supple plays it, so an import loses nothing."""
    parts: list[dict[str, Any]] = []
    if item.hold_s is not None:
        parts.append({"url": "holdSeconds", "valueInteger": item.hold_s})
    if item.duration_s is not None:
        parts.append({"url": "flowSeconds", "valueInteger": item.duration_s})
    parts += [
        {"url": "repetitions", "valueInteger": item.reps},
        {"url": "sets", "valueInteger": item.sets},
        {"url": "restSeconds", "valueInteger": item.rest_s},
        {"url": "eachSide", "valueBoolean": item.sided},
    ]
    # A strength move's tempo, effort and rest between sets (issue 11), when it has them.
    optional = {
        "setRestSeconds": item.set_rest_s,
        "tempoMoveSeconds": item.tempo.move_s if item.tempo else None,
        "tempoBackSeconds": item.tempo.back_s if item.tempo else None,
        "effortLow": item.effort.low if item.effort else None,
        "effortHigh": item.effort.high if item.effort else None,
        "reserveLow": item.effort.reserve_low if item.effort else None,
        "reserveHigh": item.effort.reserve_high if item.effort else None,
    }
    parts += [{"url": k, "valueInteger": v} for k, v in optional.items() if v is not None]
    return {"url": codes.DOSE_EXTENSION, "extension": parts}


def _timing(item: PlanItem, care: CarePlanInput) -> dict[str, Any]:
    repeat: dict[str, Any] = {"duration": item.seconds, "durationUnit": "s"}
    if care.days:
        repeat |= {"frequency": 1, "period": 1, "periodUnit": "d", "dayOfWeek": list(care.days)}
    else:
        repeat |= {"frequency": care.days_per_week, "period": 1, "periodUnit": "wk"}
    return {"repeat": repeat}


def activity(item: PlanItem, care: CarePlanInput) -> dict[str, Any]:
    """One move of the CarePlan: what to do (the ActivityDefinition), how much and how often."""
    return {
        "detail": {
            "extension": [dose_extension(item)],
            "instantiatesCanonical": [codes.activity_definition_url(item.exercise)],
            "code": {
                "coding": [
                    *codes.EXERCISE_THERAPY["coding"],
                    codes.coding(codes.EXERCISE_CODES, item.exercise, item.name),
                ],
                "text": item.name,
            },
            "reasonCode": [{"text": why(item)}],
            "status": "scheduled",
            "scheduledTiming": _timing(item, care),
            "quantity": _repetitions(item.reps * item.sets),
            "description": f"{dose_sentence(item)}.",
        }
    }


def careplan(care: CarePlanInput, rid: str, *, subject: str, author: str | None) -> Resource:
    """The programme: status, period, author when a clinician assigned it, a move per activity."""
    period = {"start": care.start.isoformat()}
    if care.end is not None:
        period["end"] = care.end.isoformat()
    out: Resource = {
        "resourceType": "CarePlan",
        "id": rid,
        "status": care.status,
        "intent": "plan",
        "title": "Back-care routine",
        "description": (
            "Assigned by a clinician." if author else "Made by Supple from the screening answers."
        ),
        "subject": {"reference": subject},
        "period": period,
        "activity": [activity(item, care) for item in care.plan.items],
    }
    if author is not None:
        out["author"] = {"reference": author}
    return out
