"""Read a bundle made by :func:`build_bundle` back into Supple's domain data.

The bundle is first checked against the R4B models; then the CarePlan's moves are rebuilt from
the dose extension and the library, pain scores from LOINC 72514-3 Observations, the PSFS from
the responses to Supple's questionnaire, and sessions from Procedures of exercise therapy. A
reference that does not resolve inside the bundle, or a move the library does not hold, is an
error, not a silent gap.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from supple.export.fhir import codes
from supple.export.fhir.build import check_structure
from supple.export.fhir.model import FhirError, ImportedRecord, PractitionerInput
from supple.library.model import Effort, Exercise, Tempo
from supple.planner.dose import DoseChoice
from supple.planner.model import PlanItem
from supple.planner.plan import plan_item
from supple.tracking.model import (
    PainMoment,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    SessionStatus,
)

Resource = dict[str, Any]
_STATUS: dict[str, SessionStatus] = {fhir: ours for ours, fhir in codes.PROCEDURE_STATUS.items()}
_MOMENTS: dict[str, PainMoment] = {c["code"]: moment for moment, c in codes.MOMENTS.items()}


def _has(concept: Mapping[str, Any] | None, wanted: Mapping[str, Any]) -> bool:
    target = wanted["coding"][0]
    return any(
        c.get("system") == target["system"] and c.get("code") == target["code"]
        for c in (concept or {}).get("coding", [])
    )


def _day(text: object, what: str) -> date:
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        raise FhirError(f"{what} has no readable date: {text!r}") from None


class _Index:
    """The bundle's resources by fullUrl, with references resolved strictly."""

    def __init__(self, bundle: Mapping[str, Any]) -> None:
        self.by_url: dict[str, Resource] = {}
        for entry in bundle.get("entry", []):
            url = entry.get("fullUrl")
            if not url:
                raise FhirError("every entry of the bundle needs a fullUrl")
            self.by_url[url] = entry["resource"]

    def of_type(self, kind: str) -> list[Resource]:
        return [r for r in self.by_url.values() if r.get("resourceType") == kind]

    def resolve(self, ref: Mapping[str, Any] | None, kind: str) -> Resource:
        target = self.by_url.get(str((ref or {}).get("reference")))
        if target is None or target.get("resourceType") != kind:
            raise FhirError(f"a reference to a {kind} does not resolve inside the bundle: {ref}")
        return target


def _dose(detail: Mapping[str, Any]) -> DoseChoice:
    ext = next(
        (e for e in detail.get("extension", []) if e.get("url") == codes.DOSE_EXTENSION), None
    )
    if ext is None:
        raise FhirError("a CarePlan activity has no Supple dose extension")
    values = {
        part["url"]: next(v for k, v in part.items() if k.startswith("value"))
        for part in ext["extension"]
    }
    try:
        dose = DoseChoice(
            hold_s=values.get("holdSeconds"),
            duration_s=values.get("flowSeconds"),
            reps=int(values["repetitions"]),
            sets=int(values["sets"]),
            rest_s=int(values["restSeconds"]),
            set_rest_s=values.get("setRestSeconds"),
            tempo=_tempo(values),
            effort=_effort(values),
        )
    except KeyError as missing:
        raise FhirError(f"a dose extension lacks {missing}") from None
    except ValueError as bad:  # a tempo or effort out of its range
        raise FhirError(f"a dose extension has a bad tempo or effort: {bad}") from None
    if (dose.hold_s is None) == (dose.duration_s is None):
        raise FhirError("a dose gives either holdSeconds or flowSeconds")
    return dose


def _tempo(values: Mapping[str, Any]) -> Tempo | None:
    if "tempoMoveSeconds" not in values and "tempoBackSeconds" not in values:
        return None
    return Tempo(move_s=values["tempoMoveSeconds"], back_s=values["tempoBackSeconds"])


def _effort(values: Mapping[str, Any]) -> Effort | None:
    names = {"effortLow": "low", "effortHigh": "high"}
    names |= {"reserveLow": "reserve_low", "reserveHigh": "reserve_high"}
    given = {field: values[url] for url, field in names.items() if url in values}
    return Effort(**given) if given else None


def _items(careplan: Resource, library: Mapping[str, Exercise]) -> tuple[PlanItem, ...]:
    items = []
    for act in careplan.get("activity", []):
        detail = act.get("detail") or {}
        exercise_ids = [
            c["code"]
            for c in detail.get("code", {}).get("coding", [])
            if c.get("system") == codes.EXERCISE_CODES
        ]
        if not exercise_ids:
            raise FhirError("a CarePlan activity does not name a Supple exercise")
        exercise = library.get(exercise_ids[0])
        if exercise is None:
            raise FhirError(
                f"the bundle names the exercise '{exercise_ids[0]}', not in this library"
            )
        dose = _dose(detail)  # sides come from the library entry, as when it was planned
        why = " ".join(r.get("text", "") for r in detail.get("reasonCode", [])).strip()
        # The reason comes in the sender's words, not as codes: it is kept as they wrote it.
        items.append(plan_item(exercise, dose, []).model_copy(update={"why": why}))
    return tuple(items)


@dataclass(frozen=True)
class _Programme:
    items: tuple[PlanItem, ...] = ()
    start: date | None = None
    end: date | None = None
    days: tuple[str, ...] = ()
    days_per_week: int | None = None
    practitioner: PractitionerInput | None = None


def _programme(index: _Index, library: Mapping[str, Exercise]) -> _Programme:
    plans = index.of_type("CarePlan")
    if not plans:
        return _Programme()
    if len(plans) > 1:
        raise FhirError("the bundle holds more than one CarePlan; export one programme at a time")
    plan = plans[0]
    index.resolve(plan.get("subject"), "Patient")
    for act in plan.get("activity", []):
        for url in act.get("detail", {}).get("instantiatesCanonical", []):
            if not any(a.get("url") == url for a in index.of_type("ActivityDefinition")):
                raise FhirError(f"the ActivityDefinition {url} is not in the bundle")
    practitioner = None
    if "author" in plan:
        doc = index.resolve(plan["author"], "Practitioner")
        key = next(
            (
                i["value"]
                for i in doc.get("identifier", [])
                if i.get("system") == codes.CLINICIAN_IDS
            ),
            None,
        )
        practitioner = PractitionerInput(name=doc["name"][0]["text"], key=key)
    period = plan.get("period", {})
    repeat = {}
    if plan.get("activity"):
        repeat = plan["activity"][0]["detail"].get("scheduledTiming", {}).get("repeat", {})
    days = tuple(repeat.get("dayOfWeek", ()))
    return _Programme(
        items=_items(plan, library),
        start=_day(period["start"], "the CarePlan's period") if "start" in period else None,
        end=_day(period["end"], "the CarePlan's period") if "end" in period else None,
        days=days,
        days_per_week=len(days) if days else repeat.get("frequency"),
        practitioner=practitioner,
    )


def _pain(index: _Index) -> tuple[PainRecord, ...]:
    out = []
    for obs in index.of_type("Observation"):
        if not _has(obs.get("code"), codes.PAIN_SCORE):
            continue
        index.resolve(obs.get("subject"), "Patient")
        score = obs.get("valueInteger")
        if not isinstance(score, int) or not 0 <= score <= 10:
            raise FhirError(f"a pain score is an integer 0 to 10, not {score!r}")
        moment: PainMoment = "daily"
        for comp in obs.get("component", []):
            if _has(comp.get("code"), codes.PAIN_MOMENT):
                for c in comp.get("valueCodeableConcept", {}).get("coding", []):
                    moment = _MOMENTS.get(c.get("code"), moment)
        out.append(PainRecord(_day(obs.get("effectiveDateTime"), "a pain score"), score, moment))
    return tuple(out)


def _answer(group: Mapping[str, Any], link: str) -> Any:
    for item in group.get("item", []):
        if item.get("linkId") == link and item.get("answer"):
            answer = item["answer"][0]
            return next(v for k, v in answer.items() if k.startswith("value"))
    raise FhirError(f"a PSFS answer lacks {link}")


def _psfs(index: _Index) -> tuple[PsfsRecord, ...]:
    out = []
    for qr in index.of_type("QuestionnaireResponse"):
        if str(qr.get("questionnaire", "")).split("|")[0] != codes.PSFS_URL:
            continue
        index.resolve(qr.get("subject"), "Patient")
        day = _day(qr.get("authored"), "a PSFS response")
        for group in qr.get("item", []):
            score = _answer(group, "activity.score")
            if not isinstance(score, int) or not 0 <= score <= 10:
                raise FhirError(f"a PSFS score is an integer 0 to 10, not {score!r}")
            out.append(PsfsRecord(day, str(_answer(group, "activity.name")), score))
    return tuple(sorted(out, key=lambda r: r.day))


def _sessions(index: _Index) -> tuple[SessionRecord, ...]:
    out = []
    for proc in index.of_type("Procedure"):
        if not _has(proc.get("code"), codes.EXERCISE_THERAPY):
            continue
        index.resolve(proc.get("subject"), "Patient")
        for ref in proc.get("basedOn", []):
            index.resolve(ref, "CarePlan")
        status = _STATUS.get(proc.get("status", ""))
        if status is None:
            raise FhirError(f"a session's status {proc.get('status')!r} is not one Supple records")
        out.append(SessionRecord(_day(proc.get("performedDateTime"), "a session"), status))
    return tuple(out)


def parse_bundle(
    raw: Mapping[str, Any] | str | bytes, *, library: Mapping[str, Exercise]
) -> ImportedRecord:
    """The programme and outcomes in ``raw`` (a Bundle, as data or JSON text)."""
    if isinstance(raw, str | bytes):
        try:
            raw = json.loads(raw)
        except ValueError as exc:
            raise FhirError(f"not JSON: {exc}") from None
    if not isinstance(raw, Mapping) or raw.get("resourceType") != "Bundle":
        raise FhirError("expected a FHIR Bundle (resourceType Bundle)")
    check_structure(dict(raw))
    index = _Index(raw)
    patients = index.of_type("Patient")
    if len(patients) != 1:
        raise FhirError(f"expected one Patient in the bundle, found {len(patients)}")
    names = patients[0].get("name") or [{}]
    programme = _programme(index, library)
    return ImportedRecord(
        patient_name=names[0].get("text"),
        items=programme.items,
        start=programme.start,
        end=programme.end,
        days=programme.days,
        days_per_week=programme.days_per_week,
        practitioner=programme.practitioner,
        pain=_pain(index),
        psfs=_psfs(index),
        sessions=_sessions(index),
    )
