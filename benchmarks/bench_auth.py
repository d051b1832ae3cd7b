"""Accounts figures: the cost of one Argon2id hash on this machine, and what the protections and
the sign-in add to a request, side by side in one run.

Requests go in-process (httpx's ASGI transport, one at a time) so the figures are the server's
own time with no network: ``GET /api/v1/plan/today`` and ``POST /api/v1/pain`` on the same
SQLite data, in four set-ups measured in interleaved rounds (so a busy machine slows them all
alike): single-person mode without the protection middlewares (headers, Host, origin, body
limit), single-person mode as served, accounts mode with a session cookie, and accounts mode
with a bearer token.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

HASHES = 10
WARM = 30
ROUNDS = 8
PER_ROUND = 40  # requests per set-up, endpoint and round
PROFILE = {"pain_areas": ["lower_back"], "pain_now": 4, "pain_weeks": 6, "minutes": 15}
PASSWORD = "a long enough passphrase"
BASE = "http://127.0.0.1"


def argon2_ms() -> tuple[float, float, str]:
    """Median milliseconds to hash and to verify one password, and the parameters."""
    from argon2 import PasswordHasher

    hasher = PasswordHasher()
    made, checked = [], []
    for _ in range(HASHES):
        started = time.perf_counter()
        stored = hasher.hash(PASSWORD)
        made.append(time.perf_counter() - started)
        started = time.perf_counter()
        hasher.verify(stored, PASSWORD)
        checked.append(time.perf_counter() - started)
    params = f"t={hasher.time_cost}, m={hasher.memory_cost // 1024} MiB, p={hasher.parallelism}"
    return statistics.median(made) * 1000, statistics.median(checked) * 1000, params


def _bare(app: Any) -> Any:
    """The app without the protection middlewares (the guard and sign-in stay)."""
    from starlette.middleware.body_limit import RequestBodyLimitMiddleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from supple.web.protect import SameOrigin, SecurityHeaders

    layers = (SecurityHeaders, TrustedHostMiddleware, SameOrigin, RequestBodyLimitMiddleware)
    app.user_middleware = [m for m in app.user_middleware if m.cls not in layers]
    return app


def _setups(folder: Path) -> dict[str, tuple[Any, dict[str, str], dict[str, str]]]:
    """Each set-up's app, cookies and headers."""
    from argon2 import PasswordHasher

    from supple.app import accounts, credentials, signin
    from supple.app.passwords import Passwords
    from supple.safety.profile import Profile
    from supple.store import Store
    from supple.web import create_app

    now = datetime.now(UTC)
    cheap = Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    made: dict[str, tuple[Any, dict[str, str], dict[str, str]]] = {}
    origin = {"Origin": BASE}
    for name in ("bare", "single"):
        database = Store.open(str(folder / f"{name}.db"))
        database.for_person(database.person()).save_profile(Profile.model_validate(PROFILE))
        app = create_app(store=database)
        made[f"single-person, {'no protections' if name == 'bare' else 'as served'}"] = (
            _bare(app) if name == "bare" else app,
            {},
            origin,
        )
    database = Store.open(str(folder / "accounts.db"))
    account = accounts.create_account(
        db=database,
        passwords=cheap,
        email="me@example.org",
        role="patient",
        password=PASSWORD,
        by="bench",
        address="bench",
        now=now,
        records="unowned",
    )
    assert account.person_id is not None
    database.for_person(account.person_id).save_profile(Profile.model_validate(PROFILE))
    app = create_app(store=database, passwords=cheap)
    signed = signin.start_session(database, account, address="bench", now=now)
    token = credentials.create_token(
        db=database, principal=signed.principal, name="bench", address="bench", now=now
    ).token
    made["accounts, session cookie"] = (app, {"supple_session": signed.token}, origin)
    made["accounts, bearer token"] = (app, {}, {"Authorization": f"Bearer {token}"})
    return made


async def _time(client: httpx.AsyncClient, method: str, path: str, n: int) -> list[float]:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        if method == "GET":
            answer = await client.get(path)
        else:
            answer = await client.post(path, json={"score": 3})
        times.append(time.perf_counter() - started)
        assert answer.status_code < 300, (path, answer.status_code, answer.text[:200])
    return times


async def _latencies(
    setups: dict[str, tuple[Any, dict[str, str], dict[str, str]]],
) -> dict[tuple[str, str], list[float]]:
    clients = {
        name: httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=BASE, cookies=cookies, headers=headers
        )
        for name, (app, cookies, headers) in setups.items()
    }
    endpoints = (("GET", "/api/v1/plan/today"), ("POST", "/api/v1/pain"))
    found: dict[tuple[str, str], list[float]] = {}
    try:
        for client in clients.values():
            for method, path in endpoints:
                await _time(client, method, path, WARM)
        for _ in range(ROUNDS):
            for name, client in clients.items():
                for method, path in endpoints:
                    times = await _time(client, method, path, PER_ROUND)
                    found.setdefault((name, f"{method} {path}"), []).extend(times)
    finally:
        for client in clients.values():
            await client.aclose()
    return found


def main() -> None:
    hashed, verified, params = argon2_ms()
    print(
        f"Argon2id ({params}): hash {hashed:.0f} ms, verify {verified:.0f} ms (median of {HASHES})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        setups = _setups(Path(tmp))
        found = asyncio.run(_latencies(setups))
    print(f"\n{ROUNDS * PER_ROUND} in-process requests per cell, interleaved; median and p95 in ms")
    print(f"{'set-up':38} {'endpoint':26} {'median':>7} {'p95':>7} {'vs bare':>8}")
    for (name, endpoint), times in found.items():
        base = statistics.median(found[(next(iter(setups)), endpoint)])
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        added = (median - base) * 1000
        print(f"{name:38} {endpoint:26} {median * 1000:7.2f} {p95 * 1000:7.2f} {added:+8.2f}")


if __name__ == "__main__":
    main()
