"""With ``SUPPLE_SMTP_URL`` set, a new message is announced by e-mail to the other side of the
thread (a real SMTP conversation with a small server on loopback): a link, never the text; a
mail server that is down leaves the message posted; without the setting nothing is sent."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest

from supple.settings import load_settings
from supple.web import create_app
from tests.accounts.kit import FAST, Install, install
from tests.web.browser import free_port

SECRET = "my left leg tingles since Tuesday"


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP to take a message (no STARTTLS, no AUTH offered)."""

    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self._say("220 test ready")
        while line := self.rfile.readline():
            verb = line.decode().strip().upper()
            if verb.startswith(("EHLO", "HELO")):
                self._say("250 test")
            elif verb == "DATA":
                self._say("354 go on")
                body = b""
                while (part := self.rfile.readline()) not in (b".\r\n", b""):
                    body += part
                self.server.received.append(message_from_bytes(body))  # type: ignore[attr-defined]
                self._say("250 kept")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("250 ok")


@pytest.fixture
def inbox() -> Iterator[tuple[str, list[Message]]]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", free_port()), _Smtp)
    server.received = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        yield f"smtp://127.0.0.1:{port}", server.received  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def made(sqlite_url: str) -> Iterator[Install]:
    with install(sqlite_url) as found:
        yield found


def _with_mail(made: Install, url: str) -> None:
    settings = load_settings(smtp_url=url, smtp_from="clinic@a.example")
    made.app = create_app(store=made.database, passwords=FAST, settings=settings)


def _post(made: Install, actor: str, path: str, **options: Any) -> None:
    client = made.client(actor)
    try:
        answer = client.post(path, json={"text": SECRET}, **options)
        assert answer.status_code == 201, answer.text
    finally:
        client.close()


def test_a_new_message_is_announced_without_its_text(
    made: Install, inbox: tuple[str, list[Message]]
) -> None:
    url, received = inbox
    _with_mail(made, url)
    _post(made, "patient_a", "/api/v1/messages")
    patient_id = made.people["patient_a"].id
    _post(made, "clinician_a", f"/api/v1/clinician/patients/{patient_id}/messages")
    assert [m["To"] for m in received] == ["doc@a.example", "alice@example.org"]
    for mail in received:
        assert mail["From"] == "clinic@a.example"
        assert mail["Subject"] == "A new message in Supple"
        assert SECRET not in mail.as_string()
    assert f"/clinician/patients/{patient_id}/messages" in received[0].get_payload()
    assert str(received[1].get_payload()).strip().splitlines()[2].endswith("/messages")


def test_a_mail_server_that_is_down_leaves_the_message_posted(made: Install) -> None:
    _with_mail(made, f"smtp://127.0.0.1:{free_port()}")
    _post(made, "patient_a", "/api/v1/messages")
    client = made.client("clinician_a")
    try:
        patient_id = made.people["patient_a"].id
        thread = client.get(f"/api/v1/clinician/patients/{patient_id}/messages").json()
        assert [m["text"] for m in thread["messages"]] == [SECRET]
    finally:
        client.close()


def test_without_the_setting_nothing_is_sent(
    made: Install, inbox: tuple[str, list[Message]]
) -> None:
    _post(made, "patient_a", "/api/v1/messages")
    assert inbox[1] == []
