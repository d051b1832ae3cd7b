"""Each web protection on its own: CSRF (forms and JSON writes), the Host check, the security
headers, body limits, strict inputs, and the session cookie's flags."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from supple.settings import load_settings
from supple.store import Store
from supple.web import create_app
from supple.web.routes import table
from tests.accounts.kit import FAST, NOW, PASSWORD, Install, install
from tests.web.client import BASE, CALM, Client
from tests.web.test_pages import CALM_FORM

EVIL = "http://evil.example"


@pytest.fixture
def single(sqlite_url: str) -> Iterator[tuple[Store, Client]]:
    """Single-person mode, as `make run` starts it."""
    with Store.open(sqlite_url) as database:
        client = Client(create_app(store=database))
        try:
            yield database, client
        finally:
            client.close()


@pytest.fixture
def accounts(sqlite_url: str) -> Iterator[Install]:
    with install(sqlite_url) as made:
        yield made


def _profiles(database: Store) -> int:
    return database.counts()["profile"]


# -- CSRF -------------------------------------------------------------------------------------


def test_a_cross_origin_form_post_is_refused_and_changes_nothing(
    single: tuple[Store, Client],
) -> None:
    database, client = single
    before = _profiles(database)
    form = {**CALM_FORM, "flag_cancer_history": "yes"}
    for headers in ({"Origin": EVIL}, {"Origin": "null"}, {"Origin": "", "Referer": EVIL + "/x"}):
        answer = client.post("/check", data=form, headers=headers)
        assert answer.status_code == 403, headers
    bare = Client(client.app, origin=None)
    try:
        assert bare.post("/check", data=form).status_code == 403  # neither Origin nor Referer
        same = bare.post("/check", data=form, headers={"Referer": BASE + "/check"})
        assert same.status_code == 303  # the app's own page, by its Referer
    finally:
        bare.close()
    assert _profiles(database) == before + 1  # only the same-origin post was kept


def test_json_writes_need_the_json_type_and_the_same_origin(single: tuple[Store, Client]) -> None:
    database, client = single
    before = _profiles(database)
    text = client.post(
        "/api/v1/profile", content=b'{"minutes": 10}', headers={"Content-Type": "text/plain"}
    )
    assert text.status_code == 415
    form = client.post("/api/v1/profile", data={"minutes": "10"})
    assert form.status_code == 415
    evil = client.post("/api/v1/profile", json=CALM, headers={"Origin": EVIL})
    assert evil.status_code == 403 and "another site" in evil.json()["detail"]
    assert _profiles(database) == before
    assert client.post("/api/v1/profile", json=CALM).status_code == 200


def test_forms_need_the_sessions_token_in_accounts_mode(accounts: Install) -> None:
    client = accounts.client("patient_a")
    try:
        before = _profiles(accounts.database)
        assert client.post("/check", data={"pain_now": "4"}).status_code == 403
        other = {"pain_now": "4", "csrf_token": "made-up"}
        assert client.post("/check", data=other).status_code == 403
        assert _profiles(accounts.database) == before
        token = accounts.form_token(client)
        good = client.post("/check", data={**CALM_FORM, "csrf_token": token})
        assert good.status_code == 303 and _profiles(accounts.database) == before + 1
        page = client.get("/settings").text
        assert f'name="csrf_token" value="{token}"' in page
    finally:
        client.close()


def test_a_bearer_token_needs_no_origin(accounts: Install) -> None:
    from supple.app import credentials
    from supple.app.signin import start_session

    principal = start_session(
        accounts.database, accounts.people["patient_a"], address="t", now=NOW
    ).principal
    made = credentials.create_token(
        db=accounts.database, principal=principal, name="script", address="t", now=NOW
    )
    bare = Client(accounts.app, origin=None)
    try:
        auth = {"Authorization": f"Bearer {made.token}"}
        assert bare.post("/api/v1/pain", json={"score": 2}, headers=auth).status_code == 201
        assert bare.post("/api/v1/pain", json={"score": 2}).status_code == 403
    finally:
        bare.close()


def test_every_page_form_carries_the_token(accounts: Install) -> None:
    client = accounts.client("patient_a")
    try:
        token = accounts.form_token(client)
        for path in ("/check", "/today", "/progress", "/settings", "/account", "/logout"):
            page = client.get(path, headers={"Sec-Fetch-Site": "cross-site"}).text
            for form in page.split("<form")[1:]:
                if 'method="post"' in form.split(">", 1)[0]:
                    assert f'value="{token}"' in form.split("</form>", 1)[0], path
    finally:
        client.close()


# -- Host -------------------------------------------------------------------------------------


def test_a_foreign_host_gets_400_and_no_data(single: tuple[Store, Client]) -> None:
    _, client = single
    client.post("/api/v1/profile", json={**CALM, "age": 71})
    rebound = client.get("/api/v1/profile", headers={"Host": "attacker.example:8877"})
    assert rebound.status_code == 400 and "71" not in rebound.text
    assert client.get("/api/v1/profile", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/v1/profile").json()["age"] == 71


def test_the_allowed_hosts_come_from_the_settings(sqlite_url: str) -> None:
    settings = load_settings(allowed_hosts="supple.example.org, *.clinic.example")
    with Store.open(sqlite_url) as database:
        client = Client(create_app(settings=settings, store=database))
        try:
            for host, status in (
                ("supple.example.org", 200),
                ("room1.clinic.example", 200),
                ("127.0.0.1", 400),
                ("evil.example", 400),
            ):
                assert client.get("/library", headers={"Host": host}).status_code == status, host
        finally:
            client.close()


# -- headers ----------------------------------------------------------------------------------


def _check_headers(answer: Any, *, https: bool = False) -> None:
    h = answer.headers
    policy = h["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy.split("style")[0]
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "same-origin"
    assert (
        "screen-wake-lock=(self)" in h["permissions-policy"]
        and "camera=()" in h["permissions-policy"]
    )
    assert ("strict-transport-security" in h) == https


def test_every_response_carries_the_security_headers(accounts: Install) -> None:
    client = accounts.client("patient_a")
    try:
        paths = [e.path for e in table(accounts.app) if e.method == "GET" and "{" not in e.path]
        paths.remove("/logout")  # last: it ends the session
        for path in [*paths, "/static/app.css", "/nothing-here", "/api/v1/nothing", "/logout"]:
            answer = client.get(path, follow_redirects=False)
            _check_headers(answer)
            if answer.headers.get("content-type", "").startswith("text/html"):
                assert "script-src 'self';" in answer.headers["content-security-policy"]
        _check_headers(client.get("/", headers={"Host": "evil.example"}))  # the Host check's 400
        _check_headers(client.post("/api/v1/pain", json={}, headers={"Origin": EVIL}))
    finally:
        client.close()
    client = accounts.client("patient_a")
    try:
        svg = client.get("/api/v1/exercises/cat_cow/figure.svg")
        assert svg.headers["content-security-policy"].startswith("default-src 'none'")
    finally:
        client.close()


def test_https_adds_hsts_and_secure_cookies(accounts: Install) -> None:
    import asyncio

    import httpx

    async def login() -> httpx.Response:
        transport = httpx.ASGITransport(app=accounts.app)
        async with httpx.AsyncClient(transport=transport, base_url="https://127.0.0.1") as c:
            body = {"email": "alice@example.org", "password": PASSWORD}
            return await c.post(
                "/api/v1/auth/login", json=body, headers={"Origin": "https://127.0.0.1"}
            )

    answer = asyncio.run(login())
    assert answer.status_code == 200
    _check_headers(answer, https=True)
    assert "secure" in answer.headers["set-cookie"].lower()


def test_the_session_cookie_is_httponly_lax_and_lasts_30_days(accounts: Install) -> None:
    client = accounts.client("anonymous")
    try:
        answer = client.post(
            "/api/v1/auth/login", json={"email": "alice@example.org", "password": PASSWORD}
        )
        assert answer.status_code == 200 and answer.json()["account"]["role"] == "patient"
        cookie = answer.headers["set-cookie"]
        flags = {part.strip().split("=")[0].lower(): part for part in cookie.split(";")}
        assert {"httponly", "samesite", "path", "max-age"} <= set(flags)
        assert "secure" not in flags  # plain http on loopback
        assert flags["samesite"].strip().lower() == "samesite=lax"
        assert flags["max-age"].strip() == f"Max-Age={30 * 24 * 3600}"
        value = cookie.split(";")[0].split("=", 1)[1]
        assert len(value) >= 40 and "alice" not in value  # opaque and random
        assert client.get("/api/v1/auth/me").json()["account"]["email"] == "alice@example.org"
    finally:
        client.close()


# -- bodies and inputs ------------------------------------------------------------------------


def test_bodies_over_64_kb_are_refused(single: tuple[Store, Client]) -> None:
    _, client = single
    big = {"score": 3, "note": "x" * 70_000}
    answer = client.post("/api/v1/pain", json=big)
    assert answer.status_code == 413 and "64 KB" in answer.json()["detail"]
    many = {**CALM, "pain_areas": ["lower_back"] * 1_300_000}
    assert client.post("/api/v1/profile", json=many).status_code == 413

    async def chunks() -> Any:
        for _ in range(10):
            yield b" " * 10_000

    streamed = client.post(
        "/api/v1/pain", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert client.post("/check", data={"note": "x" * 70_000}).status_code == 413


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/pain", {"score": False}),
        ("/api/v1/pain", {"score": "3"}),
        ("/api/v1/pain", {"score": 3.5}),
        ("/api/v1/settings", {"minutes": True}),
        ("/api/v1/profile", {**CALM, "pain_now": True}),
        ("/api/v1/profile", {**CALM, "leg_pain_below_knee": 1}),
        ("/api/v1/profile", {**CALM, "pain_areas": ["lower_back"] * 6}),
        ("/api/v1/plans", {"minutes": "10"}),
    ],
)
def test_numbers_and_booleans_are_strict_and_lists_bounded(
    single: tuple[Store, Client], path: str, body: dict[str, Any]
) -> None:
    database, client = single
    client.post("/api/v1/profile", json=CALM)
    before = database.counts()
    method = "PUT" if path.endswith("settings") else "POST"
    answer = client.request(method, path, json=body)
    assert answer.status_code == 422, answer.text
    assert database.counts() == before


@pytest.mark.parametrize(
    "at", ["0053-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "1999-12-31T23:00:00Z"]
)
def test_times_must_be_plausible(single: tuple[Store, Client], at: str) -> None:
    _, client = single
    client.post("/api/v1/profile", json=CALM)
    plan = client.post("/api/v1/plans", json={}).json()["id"]
    key = uuid.uuid4().hex
    begun = client.post("/api/v1/sessions", json={"plan_id": plan, "key": key, "at": at})
    assert begun.status_code == 422
    event = {"type": "pain", "key": uuid.uuid4().hex, "at": at, "when": "before", "score": 3}
    posted = client.post(f"/api/v1/plans/{plan}/sessions/{key}/events", json=event)
    assert posted.status_code == 422 and "plausible" in posted.text


def test_the_single_person_install_needs_no_sign_in(single: tuple[Store, Client]) -> None:
    _, client = single
    assert client.get("/today", follow_redirects=False).status_code == 303  # to /check
    assert client.get("/login", follow_redirects=False).headers["location"] == "/"
    assert client.get("/api/v1/auth/me").json() == {
        "mode": "single",
        "via": "local",
        "account": None,
    }
    assert (
        client.post("/api/v1/auth/login", json={"email": "a@b.org", "password": "x"}).status_code
        == 409
    )


def test_the_same_app_asks_to_sign_in_once_an_account_exists(sqlite_url: str) -> None:
    from supple.app import accounts

    with Store.open(sqlite_url) as database:
        client = Client(create_app(store=database, passwords=FAST))
        try:
            assert client.get("/api/v1/progress").status_code == 200
            accounts.create_account(
                db=database,
                passwords=FAST,
                email="first@example.org",
                role="admin",
                password=PASSWORD,
                by="t",
                address="t",
                now=NOW,
            )
            assert client.get("/api/v1/progress").status_code == 401
            assert client.get("/progress", follow_redirects=False).headers["location"] == (
                "/login?next=%2Fprogress"
            )
        finally:
            client.close()
