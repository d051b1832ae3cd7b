"""No input makes a 500: junk thrown at every route gets a 4xx (or a normal answer)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.client import CALM, Client

PATH_JUNK = ["0", "-1", "99999999999999999999", "x", "%00", "a" * 3000, "cat_cow", "1.5"]
BODIES: list[dict[str, Any]] = [
    {},
    {"content": b"not json", "headers": {"Content-Type": "application/json"}},
    {"content": b"\xff\xfe\x00", "headers": {"Content-Type": "application/json"}},
    {"json": None},
    {"json": []},
    {"json": {}},
    {"json": {"unexpected": 1}},
    {"json": {"score": "ten", "minutes": -5, "plan_id": "a", "key": 5, "at": "yesterday"}},
    {"json": {"type": "item", "key": "k" * 10, "at": "2026-01-01T00:00:00Z", "index": -1}},
    {"json": {"items": [{"activity": "", "score": 11}] * 9}},
    {"json": {"swaps": {"A B": "c"}, "minutes": 1e9}},
    {"json": {"x": [[[[[[[[[[[]]]]]]]]]]]}},
    {"json": "a" * 100_000},
    {"data": {"score": "x", "minutes": "abc", "activity": "a", "swap": "::"}},
    {"data": {"score": "\u00b2", "minutes": "\u00b2", "activity": "walking"}},  # isdigit, not int
    {"data": {"score": "9" * 5000, "minutes": "9" * 5000, "activity": "walking"}},
    {"data": {"pain_now": "NaN", "pain_weeks": "inf", "age": "-3", "red_flags": "nope"}},
    {"content": b"--x\r\nbroken multipart", "headers": {"Content-Type": "multipart/form-data"}},
]
QUERY_JUNK = [
    {"minutes": "abc"},
    {"minutes": "999"},
    {"minutes": "\u00b2"},
    {"minutes": "9" * 5000},
    {"countdown_s": "-1"},
    {"limit": "0"},
    {"q": "z" * 500, "region": "<script>", "swap": ["a:b", ":", "x" * 100]},
    {"animated": "maybe"},
]


def _routes(app: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Every (method, path), following included routers."""
    out = []
    for route in getattr(app, "routes", []):
        inner = getattr(route, "original_router", None)
        if inner is not None:
            out += _routes(inner, prefix + getattr(inner, "prefix", ""))
            continue
        methods = getattr(route, "methods", None)
        if methods:
            path = route.path if route.path.startswith(prefix) else prefix + route.path
            for method in sorted(set(methods) - {"HEAD", "OPTIONS"}):
                out.append((method, path))
    return sorted(set(out))


def _fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


@pytest.mark.parametrize("with_profile", [False, True], ids=["fresh", "screened"])
def test_no_request_gets_a_500(client: Client, with_profile: bool) -> None:
    if with_profile:
        assert client.post("/api/v1/profile", json=CALM).status_code == 200
        assert client.post("/api/v1/plans", json={"minutes": 5}).status_code == 201
    routes = _routes(client.app)
    assert len(routes) > 20
    seen = 0
    for method, path in routes:
        paths = [_fill(path, v) for v in PATH_JUNK] if "{" in path else [path]
        for url in paths:
            options = BODIES if method in ("POST", "PUT") else [{"params": q} for q in QUERY_JUNK]
            for extra in options:
                r = client.request(method, url, **extra)
                seen += 1
                assert r.status_code < 500, f"{method} {url} {extra!r:.120} -> {r.status_code}"
                if r.status_code >= 400 and url.startswith("/api/"):
                    assert r.json()["detail"], f"{method} {url}: no detail"
    assert seen > 300


def test_errors_are_readable(client: Client) -> None:
    r = client.post("/api/v1/pain", content=b"{oops", headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    assert "JSON" in r.json()["detail"]
    r = client.post("/api/v1/pain", json={"score": 12})
    assert r.json()["detail"] == "score: Input should be less than or equal to 10"
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "nothing at /no/such/page" in r.text
