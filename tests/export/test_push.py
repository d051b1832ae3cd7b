"""Web Push against a push endpoint of our own on 127.0.0.1: the message arrives encrypted for the
subscription and signed with the server's VAPID key, and the test decrypts and verifies it."""

from __future__ import annotations

import json
import stat
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import http_ece
import pytest
import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec

from supple.export.push import (
    VAPID_KEY_FILE,
    PushError,
    Subscription,
    application_server_key,
    reminder_payload,
    send,
    vapid_key,
)
from supple.tracking.reminders import Reminder
from tests.export.push_kit import (
    Browser,
    PushEndpoint,
    direct_session,
    serving,
    unb64,
    verify_vapid,
)

CONTACT = "mailto:reminders@supple.invalid"


@pytest.fixture
def endpoint() -> Iterator[PushEndpoint]:
    with serving("abc123") as found:
        yield found


@pytest.fixture
def browser() -> Browser:
    return Browser.new()


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with direct_session() as s:
        yield s


def test_a_reminder_arrives_encrypted_and_signed(
    tmp_path: Path, endpoint: PushEndpoint, browser: Browser, session: requests.Session
) -> None:
    vapid = vapid_key(tmp_path)
    reminder = Reminder("first", datetime(2025, 3, 3, 8, 0))
    payload = reminder_payload(reminder, minutes=12)
    status = send(
        subscription=browser.subscription(endpoint.url),
        payload=payload,
        vapid=vapid,
        contact=CONTACT,
        session=session,
    )
    assert status == 201
    (got,) = endpoint.received
    assert got.path == "/push/abc123"
    assert got.headers["content-encoding"] == "aes128gcm"
    assert int(got.headers["ttl"]) == 3 * 60 * 60
    assert payload.encode() not in got.body  # encrypted on the wire
    plain = http_ece.decrypt(
        got.body, private_key=browser.private_key, auth_secret=browser.auth, version="aes128gcm"
    )
    message = json.loads(plain)
    assert message["body"] == "Time for your back routine — 12 min"
    assert message["url"] == "/today"
    claims = verify_vapid(got.headers["authorization"], application_server_key(vapid))
    assert claims["aud"] == endpoint.url.rsplit("/push", 1)[0]
    assert claims["sub"] == CONTACT
    assert time.time() < float(str(claims["exp"])) <= time.time() + 24 * 3600


def test_another_browser_cannot_read_it(
    tmp_path: Path, endpoint: PushEndpoint, browser: Browser, session: requests.Session
) -> None:
    send(
        subscription=browser.subscription(endpoint.url),
        payload=reminder_payload(Reminder("follow_up", datetime(2025, 3, 3, 11)), minutes=9),
        vapid=vapid_key(tmp_path),
        contact=CONTACT,
        session=session,
    )
    stranger = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(Exception):  # noqa: B017 - the AEAD tag check fails, whatever its class
        http_ece.decrypt(
            endpoint.received[0].body,
            private_key=stranger,
            auth_secret=browser.auth,
            version="aes128gcm",
        )
    mine = http_ece.decrypt(
        endpoint.received[0].body,
        private_key=browser.private_key,
        auth_secret=browser.auth,
        version="aes128gcm",
    )
    assert json.loads(mine)["body"] == "Still time today — 9 min"


def test_a_forged_signature_does_not_verify(
    tmp_path: Path, endpoint: PushEndpoint, browser: Browser, session: requests.Session
) -> None:
    vapid = vapid_key(tmp_path)
    payload = reminder_payload(Reminder("first", datetime(2025, 3, 3, 8)), minutes=5)
    send(
        subscription=browser.subscription(endpoint.url),
        payload=payload,
        vapid=vapid,
        contact=CONTACT,
        session=session,
    )
    header = endpoint.received[0].headers["authorization"]
    other = application_server_key(vapid_key(tmp_path / "elsewhere"))
    forged = header.replace(application_server_key(vapid), other)
    with pytest.raises(InvalidSignature):
        verify_vapid(forged, other)


def test_a_dead_subscription_is_reported_gone(
    tmp_path: Path, endpoint: PushEndpoint, browser: Browser, session: requests.Session
) -> None:
    endpoint.status = 410
    with pytest.raises(PushError) as caught:
        send(
            subscription=browser.subscription(endpoint.url),
            payload="{}",
            vapid=vapid_key(tmp_path),
            contact=CONTACT,
            session=session,
        )
    assert caught.value.gone and caught.value.status == 410


def test_an_unreachable_service_is_a_push_error(
    tmp_path: Path, browser: Browser, session: requests.Session
) -> None:
    with pytest.raises(PushError, match="could not be reached"):
        send(
            subscription=browser.subscription("http://127.0.0.1:9/push/x"),
            payload="{}",
            vapid=vapid_key(tmp_path),
            contact=CONTACT,
            session=session,
            timeout=2,
        )


def test_the_vapid_key_is_made_once_private_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = vapid_key(folder)
    path = folder / VAPID_KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in path.read_bytes()
    again = vapid_key(folder)
    assert application_server_key(again) == application_server_key(first)
    assert len(unb64(application_server_key(first))) == 65
    assert [p.name for p in folder.iterdir()] == [VAPID_KEY_FILE]


def test_two_processes_starting_at_once_agree_on_one_key(tmp_path: Path) -> None:
    keys: list[str] = []
    threads = [
        threading.Thread(target=lambda: keys.append(application_server_key(vapid_key(tmp_path))))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert len(keys) == 4 and len(set(keys)) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"endpoint": "http://push.example.com/x", "keys": {"p256dh": "a", "auth": "b"}}, "https"),
        ({"endpoint": "http://10.0.0.1/x", "keys": {"p256dh": "a", "auth": "b"}}, "https"),
        ({"endpoint": "https://push.example.com/x", "keys": {"p256dh": "a"}}, "p256dh and auth"),
        ({"keys": {}}, "an endpoint"),
    ],
)
def test_bad_subscriptions_are_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Subscription.from_json(data, allow_loopback=True)


def test_loopback_endpoints_only_when_allowed() -> None:
    data = {"endpoint": "http://127.0.0.1:8000/p", "keys": {"p256dh": "a", "auth": "b"}}
    with pytest.raises(ValueError, match="https"):
        Subscription.from_json(data)
    assert Subscription.from_json(data, allow_loopback=True).endpoint.endswith("/p")
