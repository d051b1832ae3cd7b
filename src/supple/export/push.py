"""Web Push reminders: the server's VAPID key kept in a folder, and one send through pywebpush.

The browser subscribes with the server's public key (``application_server_key``) and hands back
a subscription (an endpoint at its vendor's push service and two keys); ``send`` encrypts the
message for that subscription (RFC 8291, aes128gcm), signs the request with the VAPID key
(RFC 8292) and posts it. When to send is decided by ``supple.tracking.reminders``.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import requests
from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from supple.app.errors import AppError
from supple.app.reminders import Push, PushTarget, SubscriptionGone
from supple.tracking.reminders import Reminder

VAPID_KEY_FILE = "vapid_private.pem"
#: A reminder nobody sees within this many seconds is stale: the push service may drop it.
TTL_S = 3 * 60 * 60
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class PushError(Exception):
    """A push the service refused; ``gone`` means the subscription is dead and can be deleted."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.gone = status in (404, 410)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Subscription:
    """What the browser's ``PushSubscription.toJSON()`` gives: an endpoint and its two keys."""

    endpoint: str
    p256dh: str
    auth: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, allow_loopback: bool = False) -> Subscription:
        """Check a subscription sent by a browser; raise ValueError saying what is wrong.

        Endpoints must be HTTPS (the server posts to them, so a plain or internal URL is
        refused); ``allow_loopback`` admits http://127.0.0.1 for local tests only.
        """
        endpoint = data.get("endpoint")
        keys = data.get("keys") or {}
        if not isinstance(endpoint, str) or not isinstance(keys, Mapping):
            raise ValueError("a push subscription needs an endpoint and keys")
        url = urlparse(endpoint)
        local = allow_loopback and url.scheme == "http" and url.hostname in LOOPBACK
        if url.scheme != "https" and not local:
            raise ValueError("a push endpoint must be an https URL")
        p256dh, auth = keys.get("p256dh"), keys.get("auth")
        if not isinstance(p256dh, str) or not isinstance(auth, str):
            raise ValueError("a push subscription needs the keys p256dh and auth")
        return cls(endpoint, p256dh, auth)

    @classmethod
    def of(cls, target: PushTarget) -> Subscription:
        return cls(target.endpoint, target.p256dh, target.auth)

    def target(self) -> PushTarget:
        """The subscription as the app keeps it."""
        return PushTarget(self.endpoint, self.p256dh, self.auth)

    def info(self) -> dict[str, Any]:
        """The subscription in the form pywebpush takes."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


def vapid_key(folder: Path) -> Vapid:
    """The server's VAPID key from ``folder``, made on first use (a PEM file only its owner reads).

    Two processes starting at once agree on one key: the new key is written to a private
    temporary file and linked into place, which fails for the second, who then reads the first.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / VAPID_KEY_FILE
    if not path.exists():
        fresh = Vapid()
        fresh.generate_keys()
        # mkstemp: a name no other process or thread has, created 0600.
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{VAPID_KEY_FILE}.")
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(fresh.private_pem())
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        finally:
            tmp.unlink(missing_ok=True)
    key: Vapid = Vapid.from_pem(path.read_bytes())
    return key


def application_server_key(vapid: Vapid) -> str:
    """The public key a browser subscribes with (base64url of the uncompressed point)."""
    raw = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64url(raw)


def reminder_payload(reminder: Reminder, *, minutes: int, url: str = "/today") -> str:
    """The notification the service worker shows; it opens ``url`` (Today) when tapped."""
    lead = "Time for your back routine" if reminder.slot == "first" else "Still time today"
    return json.dumps(
        {
            "title": "Supple",
            "body": f"{lead} — {minutes} min",
            "url": url,
            "tag": "supple-reminder",
        },
        ensure_ascii=False,
    )


def send(
    *,
    subscription: Subscription,
    payload: str,
    vapid: Vapid,
    contact: str,
    ttl: int = TTL_S,
    session: requests.Session | None = None,
    timeout: float = 10,
) -> int:
    """Encrypt and post ``payload`` to the subscription; return the push service's status.

    ``contact`` (``mailto:`` or ``https:``) tells the push service whom to reach about abuse.
    Raise PushError when the service refuses (``gone`` for a dead subscription).
    """
    if not contact.startswith(("mailto:", "https://")):
        raise ValueError("the VAPID contact is a mailto: or https: URL")
    try:
        response = webpush(
            subscription.info(),
            payload,
            vapid_private_key=vapid,
            vapid_claims={"sub": contact},  # a fresh dict: webpush adds aud and exp to it
            ttl=ttl,
            timeout=timeout,
            requests_session=session,
        )
    except WebPushException as exc:
        code = exc.response.status_code if exc.response is not None else None
        raise PushError(f"the push service refused the reminder ({code})", status=code) from None
    except requests.RequestException as exc:
        raise PushError(f"the push service could not be reached: {type(exc).__name__}") from None
    status: int = getattr(response, "status_code", 0)
    return status


def pusher(
    *,
    vapid: Vapid,
    contact: str,
    session: requests.Session | None = None,
    url: str = "/today",
    timeout: float = 10,
) -> Push:
    """The app's ``Push`` through :func:`send`: a dead subscription is SubscriptionGone, any
    other refusal an AppError (that browser misses this reminder)."""

    def push(target: PushTarget, reminder: Reminder, minutes: int) -> None:
        try:
            send(
                subscription=Subscription.of(target),
                payload=reminder_payload(reminder, minutes=minutes, url=url),
                vapid=vapid,
                contact=contact,
                session=session,
                timeout=timeout,
            )
        except PushError as exc:
            if exc.gone:
                raise SubscriptionGone(str(exc)) from None
            raise AppError(str(exc)) from None

    return push
