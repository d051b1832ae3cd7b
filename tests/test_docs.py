"""The docs say what the code does: the plan schema has the model's fields, the API reference
has every route of the OpenAPI schema and no other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from supple.planner.model import Excluded, Plan, PlanItem
from supple.planner.phrase import Phrase
from supple.planner.program import Week
from supple.safety.referral import Referral

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _table_keys(text: str, heading: str) -> set[str]:
    """The first-column keys of the table under ``## heading``."""
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))


@pytest.mark.parametrize(
    ("heading", "model"),
    [
        ("Top level", Plan),
        ("`referral`", Referral),
        ("`items[]`", PlanItem),
        ("`excluded[]`", Excluded),
        ("codes (`why_codes`, `bias_codes`, `advice_codes`, `change_codes`)", Phrase),
        ("`supple program --json`", Week),
    ],
)
def test_plan_schema_lists_every_field(heading: str, model: type[BaseModel]) -> None:
    text = (DOCS / "plan-schema.md").read_text(encoding="utf-8")
    assert _table_keys(text, heading) == set(model.model_fields)


def test_the_schema_checks_see_a_missing_field() -> None:
    text = "## Top level\n\n| key |\n|---|\n| `status` | x |\n"
    assert _table_keys(text, "Top level") == {"status"} != set(Plan.model_fields)


def _documented(text: str) -> set[tuple[str, str]]:
    """Every `METHOD /path` the API reference names (paths under /api/v1)."""
    found = set()
    for method, path in re.findall(r"`(GET|POST|PUT|DELETE|PATCH) (/[^`? ]*)", text):
        full = path if path.startswith("/api/") else "/api/v1" + path
        found.add((method, re.sub(r"\{[^}]+\}", "{}", full)))
    return found


def _served(url: str) -> set[tuple[str, str]]:
    from supple.store import Store
    from supple.web import create_app

    with Store.open(url) as database:
        paths = create_app(store=database).openapi()["paths"]
    return {
        (method.upper(), re.sub(r"\{[^}]+\}", "{}", path))
        for path, methods in paths.items()
        for method in methods
    }


def test_the_api_reference_names_every_route_and_no_other(sqlite_url: str) -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    endpoints = text.split("## Endpoints", 1)[1]
    assert _documented(endpoints) == _served(sqlite_url)
    assert _documented("`GET /plans/{id}` and `POST /api/v1/pain`") == {
        ("GET", "/api/v1/plans/{}"),
        ("POST", "/api/v1/pain"),
    }
