"""JSON and CSV forms of the export file; parsing either gives back the same records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel, ValidationError

from supple.store.backup.schema import SECTIONS, ExportFile, PersonRec
from supple.store.errors import BadExport

#: Columns holding a JSON document inside a CSV cell.
JSON_FIELDS = {"answers", "body"}


def to_json(data: ExportFile) -> str:
    """The export as indented JSON."""
    return data.model_dump_json(indent=2) + "\n"


def _columns() -> list[str]:
    cols: list[str] = ["record"]
    models: list[type[BaseModel]] = [PersonRec, *SECTIONS.values()]
    for model in models:
        for name in model.model_fields:
            if name not in cols:
                cols.append(name)
    return cols


def to_csv(data: ExportFile) -> str:
    """The export as one CSV table: a ``record`` column names each row's kind."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=[*_columns(), "exported_at"], lineterminator="\n")
    writer.writeheader()
    writer.writerow({"record": "export", "exported_at": data.exported_at.isoformat()})

    def row(kind: str, values: dict[str, Any]) -> None:
        cells = {"record": kind}
        for key, value in values.items():
            if value is None:
                cells[key] = ""
            elif key in JSON_FIELDS:
                cells[key] = json.dumps(value, sort_keys=True)
            else:
                cells[key] = str(value)
        writer.writerow(cells)

    row("person", data.person.model_dump(mode="json"))
    for section in SECTIONS:
        for rec in getattr(data, section):
            row(section, rec.model_dump(mode="json"))
    return out.getvalue()


def first_error(exc: ValidationError) -> str:
    """Where the first problem is and what it is, in one line."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    return f"{where}: {first['msg']}"


def parse_json(text: str) -> ExportFile:
    """Validate a JSON export (BadExport names the first problem)."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadExport(f"not valid JSON (line {exc.lineno}): {exc.msg}") from None
    if not isinstance(raw, dict) or raw.get("format") != "supple-export":
        raise BadExport('not a Supple export (no "format": "supple-export")')
    try:
        return ExportFile.model_validate(raw)
    except ValidationError as exc:
        raise BadExport(f"the export does not validate: {first_error(exc)}") from None


@contextmanager
def _any_field_size() -> Iterator[None]:
    """Let one CSV cell be as long as the file (a saved plan can pass csv's 128 KiB limit)."""
    before = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def parse_csv(text: str) -> ExportFile:
    """Validate a CSV export made by :func:`to_csv`."""
    with _any_field_size():
        return _parse_csv(text)


def _parse_csv(text: str) -> ExportFile:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or reader.fieldnames[0] != "record":
        raise BadExport("not a Supple CSV export (the first column must be 'record')")
    data: dict[str, Any] = {section: [] for section in SECTIONS}
    fields = {"person": list(PersonRec.model_fields)}
    fields.update({s: list(m.model_fields) for s, m in SECTIONS.items()})
    try:
        for line, cells in enumerate(reader, start=2):
            kind = cells.get("record") or ""
            if kind == "export":
                data["exported_at"] = cells.get("exported_at")
                continue
            if kind not in fields:
                raise BadExport(f"line {line}: unknown record kind {kind!r}")
            values: dict[str, Any] = {}
            for name in fields[kind]:
                cell = cells.get(name)
                if cell is None or cell == "":
                    values[name] = None
                elif name in JSON_FIELDS:
                    values[name] = json.loads(cell)
                else:
                    values[name] = cell
            if kind == "person":
                data["person"] = values
            else:
                data[kind].append(values)
    except json.JSONDecodeError as exc:
        raise BadExport(f"a JSON cell does not parse: {exc.msg}") from None
    except csv.Error as exc:
        raise BadExport(f"not a valid CSV file: {exc}") from None
    if "person" not in data:
        raise BadExport("the CSV export has no person row")
    try:
        return ExportFile.model_validate(data)
    except ValidationError as exc:
        raise BadExport(f"the export does not validate: {first_error(exc)}") from None


def parse(text: str) -> ExportFile:
    """Validate an export in either form (JSON starts with ``{``)."""
    return parse_json(text) if text.lstrip().startswith("{") else parse_csv(text)
