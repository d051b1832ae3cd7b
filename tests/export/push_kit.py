"""A push service of our own on 127.0.0.1 and a browser's side of a subscription, for the tests
of Web Push (the sender) and of reminders (the app's tick and the elected sender): the endpoint
records what it is sent, the browser's keys decrypt it, and the VAPID header is verified."""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
import requests
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from supple.export.push import Subscription


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Received:
    """What the push endpoint saw (header names in lower case)."""

    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class PushEndpoint:
    """A push service stand-in: records each POST, answers with ``status``."""

    url: str
    received: list[Received] = field(default_factory=list)
    status: int = 201


@contextmanager
def serving(path: str) -> Iterator[PushEndpoint]:
    """A push endpoint at ``/push/<path>`` on a free port of 127.0.0.1 while the block runs."""
    box: list[PushEndpoint] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = {k.lower(): v for k, v in self.headers.items()}
            box[0].received.append(Received(self.path, headers, body))
            self.send_response(box[0].status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box.append(PushEndpoint(f"http://127.0.0.1:{server.server_port}/push/{path}"))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield box[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass(frozen=True)
class Browser:
    """The browser's side of a subscription: its key pair and auth secret."""

    private_key: ec.EllipticCurvePrivateKey
    auth: bytes

    @classmethod
    def new(cls) -> Browser:
        return cls(ec.generate_private_key(ec.SECP256R1()), os.urandom(16))

    def subscription(self, endpoint: str) -> Subscription:
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        data = {"endpoint": endpoint, "keys": {"p256dh": b64(public), "auth": b64(self.auth)}}
        return Subscription.from_json(data, allow_loopback=True)

    def read(self, got: Received) -> dict[str, Any]:
        """Decrypt a message the endpoint received for this browser."""
        assert got.headers["content-encoding"] == "aes128gcm"
        plain = http_ece.decrypt(
            got.body, private_key=self.private_key, auth_secret=self.auth, version="aes128gcm"
        )
        found: dict[str, Any] = json.loads(plain)
        return found


@contextmanager
def direct_session() -> Iterator[requests.Session]:
    """An HTTP session that goes straight to 127.0.0.1, whatever proxy the environment names."""
    with requests.Session() as s:
        s.trust_env = False
        yield s


def verify_vapid(authorization: str, server_key: str) -> dict[str, object]:
    """Check the VAPID header's ES256 signature with the public key it names; return the claims."""
    scheme, params = authorization.split(" ", 1)
    assert scheme == "vapid"
    fields = dict(part.split("=", 1) for part in params.split(","))
    assert fields["k"] == server_key
    header, claims, signature = fields["t"].split(".")
    raw = unb64(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(fields["k"]))
    key.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    assert json.loads(unb64(header)) == {"typ": "JWT", "alg": "ES256"}
    loaded: dict[str, object] = json.loads(unb64(claims))
    return loaded
