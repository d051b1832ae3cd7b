"""The FHIR R4 bundle: valid by two independent means, self-contained, and read back unchanged."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from supple.export.fhir import codes
from supple.export.fhir.build import build_bundle, bundle_json
from supple.export.fhir.model import (
    CarePlanInput,
    FhirError,
    PatientInput,
    PractitionerInput,
    RecordInput,
)
from supple.export.fhir.parse import parse_bundle
from supple.library import load_library
from supple.planner import make_plan
from supple.presentation import why
from supple.safety.profile import Profile
from supple.tracking.model import PainRecord, PsfsRecord, SessionRecord
from tests.export.fhir_checks import (
    codings_without_system,
    dangling_references,
    schema_errors,
    unbound_codes,
)

LIBRARY = load_library()
PLAN = make_plan(Profile(minutes=12), LIBRARY, seed=5, day=date(2025, 3, 3))
D0 = date(2025, 3, 3)
GENERATED = datetime(2025, 4, 1, 9, 30, tzinfo=UTC)


def _record(
    *, clinician: bool = True, days: tuple[str, ...] = ("mon", "wed", "fri")
) -> RecordInput:
    return RecordInput(
        patient=PatientInput("person-42", "Alex Morgan"),
        careplan=CarePlanInput(
            plan=PLAN,
            library=LIBRARY,
            start=D0,
            end=D0 + timedelta(weeks=6),
            days=days,
            days_per_week=4,
            practitioner=PractitionerInput("Sam Patel", "clinician-7") if clinician else None,
        ),
        pain=(
            PainRecord(D0, 6, "before"),
            PainRecord(D0, 4, "after"),
            PainRecord(D0 + timedelta(1), 5),
            PainRecord(D0 + timedelta(2), 0, "before"),
            PainRecord(D0 + timedelta(2), 10, "after"),
        ),
        psfs=(
            PsfsRecord(D0, "sitting through a film", 3),
            PsfsRecord(D0, "lifting a toddler", 2),
            PsfsRecord(D0 + timedelta(14), "sitting through a film", 6),
            PsfsRecord(D0 + timedelta(14), "lifting a toddler", 5),
        ),
        sessions=(
            SessionRecord(D0, "finished"),
            SessionRecord(D0 + timedelta(2), "stopped"),
            SessionRecord(D0 + timedelta(4), "in_progress"),
        ),
    )


@pytest.fixture(scope="module")
def bundle() -> dict[str, Any]:
    return build_bundle(_record(), generated=GENERATED)


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_fits_the_r4b_models(bundle: dict[str, Any]) -> None:
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    kinds = {type(e.resource).__name__ for e in parsed.entry or []}
    assert kinds == {
        "Patient",
        "Practitioner",
        "ActivityDefinition",
        "CarePlan",
        "Observation",
        "Questionnaire",
        "QuestionnaireResponse",
        "Procedure",
    }


def test_the_bundle_fits_the_official_r4_json_schema(bundle: dict[str, Any]) -> None:
    assert schema_errors(bundle) == []


def test_both_validators_catch_a_broken_bundle(bundle: dict[str, Any]) -> None:
    unknown = copy.deepcopy(bundle)
    _resources(unknown, "CarePlan")[0]["activity"][0]["detail"]["dose"] = 3  # not an R4 element
    assert schema_errors(unknown)
    wrong_type = copy.deepcopy(bundle)
    _resources(wrong_type, "Observation")[0]["valueInteger"] = "four"
    with pytest.raises(FhirError, match="valueInteger"):
        parse_bundle(wrong_type, library=LIBRARY)
    assert schema_errors(wrong_type)


def test_every_reference_resolves_inside_the_bundle(bundle: dict[str, Any]) -> None:
    assert dangling_references(bundle) == []
    broken = copy.deepcopy(bundle)
    _resources(broken, "Procedure")[0]["subject"]["reference"] = "urn:uuid:nobody"
    assert dangling_references(broken)
    with pytest.raises(FhirError, match="does not resolve"):
        parse_bundle(broken, library=LIBRARY)


def test_codes_carry_their_systems_and_bound_codes_are_r4_codes(bundle: dict[str, Any]) -> None:
    assert codings_without_system(bundle) == []
    assert unbound_codes(bundle) == []
    made_up = copy.deepcopy(bundle)
    _resources(made_up, "Procedure")[0]["status"] = "done"
    assert unbound_codes(made_up) == ["Procedure.status = 'done'"]


def test_the_careplan_has_an_activity_per_move_and_its_author(bundle: dict[str, Any]) -> None:
    (plan,) = _resources(bundle, "CarePlan")
    (doctor,) = _resources(bundle, "Practitioner")
    (patient,) = _resources(bundle, "Patient")
    assert plan["status"] == "active" and plan["intent"] == "plan"
    assert plan["period"] == {"start": "2025-03-03", "end": "2025-04-14"}
    assert plan["author"]["reference"] == f"urn:uuid:{doctor['id']}"
    assert plan["subject"]["reference"] == f"urn:uuid:{patient['id']}"
    assert len(plan["activity"]) == len(PLAN.items)
    definitions = {a["url"]: a for a in _resources(bundle, "ActivityDefinition")}
    for item, act in zip(PLAN.items, plan["activity"], strict=True):
        detail = act["detail"]
        (url,) = detail["instantiatesCanonical"]
        assert definitions[url]["title"] == item.name
        assert {"system": codes.SNOMED, "code": "229065009", "display": "Exercise therapy"} in (
            definitions[url]["code"]["coding"]
        )
        assert LIBRARY[item.exercise].steps[0] in definitions[url]["description"]
        assert detail["scheduledTiming"]["repeat"]["dayOfWeek"] == ["mon", "wed", "fri"]
        assert detail["quantity"]["value"] == item.reps * item.sets
    assert "ActivityDefinition" not in {r["resourceType"] for r in [patient, doctor]}


def test_a_routine_supple_made_has_no_author_and_says_so() -> None:
    bundle = build_bundle(_record(clinician=False, days=()), generated=GENERATED)
    (plan,) = _resources(bundle, "CarePlan")
    assert "author" not in plan and not _resources(bundle, "Practitioner")
    assert "Made by Supple" in plan["description"]
    repeat = plan["activity"][0]["detail"]["scheduledTiming"]["repeat"]
    assert (repeat["frequency"], repeat["period"], repeat["periodUnit"]) == (4, 1, "wk")
    assert schema_errors(bundle) == []


def test_pain_scores_are_loinc_observations_with_their_moment(bundle: dict[str, Any]) -> None:
    pains = [
        o for o in _resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == "72514-3"
    ]
    assert [(p["effectiveDateTime"], p["valueInteger"]) for p in pains] == [
        ("2025-03-03", 6),
        ("2025-03-03", 4),
        ("2025-03-04", 5),
        ("2025-03-05", 0),
        ("2025-03-05", 10),
    ]
    assert pains[0]["code"]["coding"][0]["system"] == "http://loinc.org"
    before = pains[0]["component"][0]["valueCodeableConcept"]["coding"][0]["code"]
    after = pains[1]["component"][0]["valueCodeableConcept"]["coding"][0]["code"]
    assert (before, after) == ("before-session", "after-session")
    assert "component" not in pains[2]


def test_the_psfs_is_a_questionnaire_with_responses_and_a_score(bundle: dict[str, Any]) -> None:
    (questionnaire,) = _resources(bundle, "Questionnaire")
    assert questionnaire["url"] == codes.PSFS_URL
    responses = _resources(bundle, "QuestionnaireResponse")
    assert [r["authored"] for r in responses] == ["2025-03-03", "2025-03-17"]
    assert all(r["questionnaire"].startswith(codes.PSFS_URL) for r in responses)
    scores = [o for o in _resources(bundle, "Observation") if "valueQuantity" in o]
    assert [s["valueQuantity"]["value"] for s in scores] == [2.5, 5.5]
    assert scores[0]["derivedFrom"][0]["reference"] == f"urn:uuid:{responses[0]['id']}"


def test_sessions_are_procedures_based_on_the_careplan(bundle: dict[str, Any]) -> None:
    (plan,) = _resources(bundle, "CarePlan")
    procedures = _resources(bundle, "Procedure")
    assert [p["status"] for p in procedures] == ["completed", "stopped", "in-progress"]
    assert all(p["basedOn"] == [{"reference": f"urn:uuid:{plan['id']}"}] for p in procedures)


def test_export_then_parse_gives_back_the_programme_and_scores() -> None:
    record = _record()
    text = bundle_json(build_bundle(record, generated=GENERATED))
    back = parse_bundle(text, library=LIBRARY)
    assert record.careplan is not None
    # A move's reason travels in words (FHIR has no place for Supple's codes) and comes back so.
    in_words = [i.model_copy(update={"why": why(i), "why_codes": []}) for i in PLAN.items]
    assert back.items == tuple(in_words)
    assert back.pain == record.pain
    assert back.psfs == record.psfs
    assert back.sessions == record.sessions
    assert (back.start, back.end, back.days) == (D0, D0 + timedelta(weeks=6), ("mon", "wed", "fri"))
    assert back.practitioner == PractitionerInput("Sam Patel", "clinician-7")
    assert back.patient_name == "Alex Morgan"


def test_the_same_records_give_the_same_bundle() -> None:
    one = bundle_json(build_bundle(_record(), generated=GENERATED))
    assert one == bundle_json(build_bundle(_record(), generated=GENERATED))
    assert json.loads(one)["timestamp"] == "2025-04-01T09:30:00+00:00"


def test_a_bundle_without_a_programme_still_carries_the_scores() -> None:
    record = RecordInput(patient=PatientInput("p"), pain=(PainRecord(D0, 3),))
    bundle = build_bundle(record, generated=GENERATED)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient", "Observation"]
    back = parse_bundle(bundle, library=LIBRARY)
    assert back.items == () and back.pain == record.pain and back.patient_name is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "not JSON"),
        ('{"resourceType": "Patient"}', "expected a FHIR Bundle"),
        ('{"resourceType": "Bundle", "type": "collection", "entry": []}', "one Patient"),
    ],
)
def test_unreadable_bundles_are_refused_in_one_line(raw: str, message: str) -> None:
    with pytest.raises(FhirError, match=message):
        parse_bundle(raw, library=LIBRARY)


def test_a_move_missing_from_the_library_is_an_error_not_a_gap(bundle: dict[str, Any]) -> None:
    first = PLAN.items[0].exercise
    smaller = {k: v for k, v in LIBRARY.items() if k != first}
    with pytest.raises(FhirError, match=f"'{first}'"):
        parse_bundle(bundle, library=smaller)


def test_scores_out_of_range_are_refused_both_ways(bundle: dict[str, Any]) -> None:
    with pytest.raises(FhirError, match="0 to 10"):
        build_bundle(
            RecordInput(patient=PatientInput("p"), pain=(PainRecord(D0, 11),)), generated=GENERATED
        )
    high = copy.deepcopy(bundle)
    _resources(high, "Observation")[0]["valueInteger"] = 12
    with pytest.raises(FhirError, match="0 to 10"):
        parse_bundle(high, library=LIBRARY)
    with pytest.raises(FhirError, match="time zone"):
        build_bundle(_record(), generated=datetime(2025, 4, 1))
