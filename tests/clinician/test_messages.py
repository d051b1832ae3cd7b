"""Messages between a patient and their clinician, and leaving a clinic, on SQLite and
PostgreSQL: both ways with unread counts on both sides; another clinic's clinician and another
patient get nothing of the thread; text is cleaned, bounded and escaped on the page; leaving
the clinic ends the clinician's access at once, keeps the patient's records and their thread
(closed), is in the audit log, and a new invitation opens it again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supple.app import audit, invitations, messages
from supple.app.errors import Refused
from supple.app.identity import Principal
from tests.accounts.kit import NOW, Install, install
from tests.web.client import Client

THREAD = "/api/v1/messages"


@pytest.fixture
def made(database_url: str) -> Iterator[Install]:
    with install(database_url) as found:
        yield found


class Clients:
    """One signed-in client per actor, closed at the end."""

    def __init__(self, made: Install) -> None:
        self.made = made
        self._open: dict[str, Client] = {}

    def __getitem__(self, actor: str) -> Client:
        if actor not in self._open:
            self._open[actor] = self.made.client(actor)
        return self._open[actor]

    def close(self) -> None:
        for client in self._open.values():
            client.close()


@pytest.fixture
def clients(made: Install) -> Iterator[Clients]:
    found = Clients(made)
    yield found
    found.close()


def _a(made: Install) -> int:
    return made.people["patient_a"].id


def _with_a(made: Install) -> str:
    return f"/api/v1/clinician/patients/{_a(made)}/messages"


def _ok(answer: Any, status: int = 200) -> Any:
    assert answer.status_code == status, answer.text
    return answer.json()


def test_messages_go_both_ways_with_unread_counts_on_both_sides(
    made: Install, clients: Clients
) -> None:
    patient, doc = clients["patient_a"], clients["clinician_a"]
    assert _ok(patient.get(THREAD))["messages"] == []
    sent = _ok(doc.post(_with_a(made), json={"text": "How did the bridge feel?"}), 201)
    assert sent["author"] == "clinician" and sent["read_at"] is None
    got = _ok(patient.get(THREAD))
    assert got["thread"]["unread"] == 1 and got["thread"]["open"] is True
    assert got["thread"]["clinician_email"] == "doc@a.example"
    assert [m["text"] for m in got["messages"]] == ["How did the bridge feel?"]
    # Reading through GET leaves it unread; the explicit read marks it.
    assert _ok(patient.get(THREAD))["thread"]["unread"] == 1
    assert _ok(patient.post(f"{THREAD}/read"))["marked"] == 1
    assert _ok(patient.get(THREAD))["thread"]["unread"] == 0
    assert _ok(doc.get(_with_a(made)))["messages"][0]["read_at"] is not None

    for text in ("Fine, a bit stiff.", "Can I do it twice a day?"):
        _ok(patient.post(THREAD, json={"text": text}), 201)
    waiting = _ok(doc.get("/api/v1/clinician/messages/unread"))
    assert waiting["total"] == 2
    assert [(p["patient_id"], p["unread"]) for p in waiting["patients"]] == [(_a(made), 2)]
    thread = _ok(doc.get(_with_a(made)))
    assert [m["author"] for m in thread["messages"]] == ["clinician", "patient", "patient"]
    assert _ok(doc.post(f"{_with_a(made)}/read"))["marked"] == 2
    assert _ok(doc.get("/api/v1/clinician/messages/unread")) == {"total": 0, "patients": []}
    # The clinician's reads of the thread are in the audit log, like any read of A's records.
    log = audit.entries(made.database.audit_log(), limit=50)
    assert any(
        e.action == "records_read" and e.detail.endswith("/messages") and e.actor_id == doc_id(made)
        for e in log
    )


def doc_id(made: Install) -> int:
    return made.people["clinician_a"].id


def test_the_pages_show_the_thread_mark_it_read_and_escape_the_text(
    made: Install, clients: Clients
) -> None:
    patient, doc = clients["patient_a"], clients["clinician_a"]
    script = "<script>alert('x')</script> & more"
    _ok(doc.post(_with_a(made), json={"text": script}), 201)
    home = doc.get("/clinician")
    assert home.status_code == 200 and 'id="unread-count"><strong>0' not in home.text
    today = patient.get("/learn")
    assert 'id="nav-unread">1' in today.text
    shown = patient.get("/messages")
    assert shown.status_code == 200
    assert "<script>alert" not in shown.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more" in shown.text
    assert _ok(patient.get(THREAD))["thread"]["unread"] == 0  # the page marked it read
    assert 'id="nav-unread"' not in patient.get("/learn").text

    form = {"text": "Thanks!", "clinician_id": str(doc_id(made))}
    form["csrf_token"] = made.form_token(patient)
    answer = patient.post("/messages", data=form, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/messages?")
    assert "1</strong> unread message from 1 patient" in doc.get("/clinician").text
    page = doc.get(f"/clinician/patients/{_a(made)}/messages")
    assert page.status_code == 200 and "Thanks!" in page.text and "<script>alert" not in page.text
    assert "No unread messages." in doc.get("/clinician").text
    empty = {"text": "   ", "csrf_token": made.form_token(doc)}
    refused = doc.post(f"/clinician/patients/{_a(made)}/messages", data=empty)
    assert refused.status_code == 422 and "Write a message first" in refused.text


def test_another_clinics_clinician_gets_nothing_of_the_thread(
    made: Install, clients: Clients
) -> None:
    _ok(clients["patient_a"].post(THREAD, json={"text": "A private question"}), 201)
    other = clients["clinician_b"]
    for answer in (
        other.get(_with_a(made)),
        other.post(_with_a(made), json={"text": "hello"}),
        other.post(f"{_with_a(made)}/read"),
        other.get(f"/clinician/patients/{_a(made)}/messages"),
    ):
        assert answer.status_code == 404 and "A private question" not in answer.text
    assert _ok(other.get("/api/v1/clinician/messages/unread")) == {"total": 0, "patients": []}
    assert "A private question" not in other.get("/clinician").text
    # The thread's other side is still unread: B's attempt marked nothing.
    assert _ok(clients["clinician_a"].get("/api/v1/clinician/messages/unread"))["total"] == 1


def test_another_patient_cannot_read_or_write_the_thread(made: Install, clients: Clients) -> None:
    _ok(clients["clinician_a"].post(_with_a(made), json={"text": "Only for Alice"}), 201)
    bea = clients["patient_b"]
    mine = _ok(bea.get(THREAD))
    assert mine == {"thread": None, "messages": [], "older": None}
    for answer in (
        bea.get(THREAD, params={"clinician_id": doc_id(made)}),
        bea.post(THREAD, json={"text": "let me in", "clinician_id": doc_id(made)}),
        bea.post(f"{THREAD}/read", params={"clinician_id": doc_id(made)}),
        bea.get("/messages", params={"clinician": doc_id(made)}),
    ):
        assert answer.status_code in (200, 404) and "Only for Alice" not in answer.text
    assert bea.post(THREAD, json={"text": "hello"}).status_code == 404
    assert 'href="/messages"' not in bea.get("/learn").text  # no thread, no menu item
    assert _ok(clients["patient_a"].get(THREAD))["thread"]["unread"] == 1
    # The clinician's routes are the clinician's: a patient is refused them.
    assert bea.get(_with_a(made)).status_code == 403
    assert clients["patient_a"].get(_with_a(made)).status_code == 403


def test_text_is_cleaned_and_bounded(made: Install, clients: Clients) -> None:
    patient = clients["patient_a"]
    sent = _ok(patient.post(THREAD, json={"text": "  two\r\nlines\x00\x07\u202e\tend  "}), 201)
    assert sent["text"] == "two\nlines end"
    assert _ok(patient.post(THREAD, json={"text": "x" * 2000}), 201)["text"] == "x" * 2000
    long = patient.post(THREAD, json={"text": "x" * 2001})
    assert long.status_code == 422 and "at most 2,000 characters" in long.json()["detail"]
    empty = patient.post(THREAD, json={"text": "\x00 \n"})
    assert empty.status_code == 422 and "empty" in empty.json()["detail"]
    assert patient.post(THREAD, json={"text": 5}).status_code == 422


@given(st.text(max_size=300))
def test_a_cleaned_message_holds_no_control_character(text: str) -> None:
    try:
        kept = messages.clean(text)
    except Refused:
        return
    assert kept and kept == kept.strip() and len(kept) <= messages.MAX_LENGTH
    assert all(c == "\n" or (ord(c) >= 32 and not 127 <= ord(c) <= 159) for c in kept)


def test_a_thread_is_paged_newest_last(made: Install, clients: Clients) -> None:
    patient = clients["patient_a"]
    for n in range(5):
        _ok(patient.post(THREAD, json={"text": f"message {n}"}), 201)
    newest = _ok(patient.get(THREAD, params={"limit": 2}))
    assert [m["text"] for m in newest["messages"]] == ["message 3", "message 4"]
    before = _ok(patient.get(THREAD, params={"limit": 2, "before": newest["older"]}))
    assert [m["text"] for m in before["messages"]] == ["message 1", "message 2"]
    first = _ok(patient.get(THREAD, params={"limit": 2, "before": before["older"]}))
    assert [m["text"] for m in first["messages"]] == ["message 0"] and first["older"] is None
    assert patient.get(THREAD, params={"limit": 500}).status_code == 422


def test_leaving_the_clinic_ends_access_and_keeps_the_records(
    made: Install, clients: Clients
) -> None:
    patient, doc = clients["patient_a"], clients["clinician_a"]
    _ok(doc.post(_with_a(made), json={"text": "See you Monday"}), 201)
    progress = f"/api/v1/clinician/patients/{_a(made)}/progress"
    assert doc.get(progress).status_code == 200
    before = made.database.counts()

    left = _ok(patient.post("/api/v1/clinic/leave"))
    assert left == {"clinicians": [doc_id(made)]}
    # The clinician loses access at once: the patient is not theirs any more.
    assert doc.get(progress).status_code == 404
    assert doc.get(_with_a(made)).status_code == 404
    assert doc.post(_with_a(made), json={"text": "hello?"}).status_code == 404
    assert all(r["id"] != _a(made) for r in _ok(doc.get("/api/v1/clinician/patients")))
    assert "See you Monday" not in doc.get("/clinician").text
    # The patient's records are untouched, and the thread is theirs, closed.
    assert made.database.counts() == before
    assert _ok(patient.get("/api/v1/progress"))
    kept = _ok(patient.get(THREAD))
    assert kept["thread"]["open"] is False
    assert [m["text"] for m in kept["messages"]] == ["See you Monday"]
    closed = patient.post(THREAD, json={"text": "one more"})
    assert closed.status_code == 409 and "closed" in closed.json()["detail"]
    page = patient.get("/messages")
    assert "This thread is closed" in page.text and "<textarea" not in page.text
    account = made.database.directory().account(_a(made))
    assert account is not None and account.clinic is None
    assert "Leave Clinic A" not in patient.get("/account").text
    assert patient.post("/api/v1/clinic/leave").status_code == 409
    entry = audit.entries(made.database.audit_log(), limit=5)[0]
    assert entry.action == "clinic_left" and entry.subject_account_id == _a(made)
    assert entry.clinic_id == made.people["clinician_a"].clinic_id

    # Invited again, the patient is back in the clinic and the thread opens again.
    code = invitations.invite(
        db=made.database, clinician=made.people["clinician_a"], address="t", now=NOW
    ).code
    principal = Principal("session", account)
    invitations.accept(db=made.database, code=code, principal=principal, address="t", now=NOW)
    assert doc.get(progress).status_code == 200
    assert _ok(patient.post(THREAD, json={"text": "I am back"}), 201)
    assert [m["text"] for m in _ok(doc.get(_with_a(made)))["messages"]][-1] == "I am back"


def test_the_account_page_leaves_the_clinic_with_its_form(made: Install, clients: Clients) -> None:
    patient = clients["patient_a"]
    page = patient.get("/account")
    assert "Leave Clinic A" in page.text and 'action="/account/clinic/leave"' in page.text
    form = {"csrf_token": made.form_token(patient)}
    answer = patient.post("/account/clinic/leave", data=form, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/account?done=left"
    assert "You left the clinic" in patient.get("/account?done=left").text
    again = patient.post("/account/clinic/leave", data=form)
    assert again.status_code == 409 and "not with a clinic" in again.text
    assert clients["clinician_a"].get(f"/clinician/patients/{_a(made)}/messages").status_code == 404
    # Without the form token nothing happens.
    refused = clients["patient_b"].post("/account/clinic/leave", data={})
    assert refused.status_code == 403


def test_erasing_the_account_erases_the_thread(made: Install, clients: Clients) -> None:
    _ok(clients["patient_a"].post(THREAD, json={"text": "soon gone"}), 201)
    from supple.store.message_tables import MessageRow

    made.database.for_account(_a(made)).erase(at=NOW)
    with made.database._read() as db:
        assert db.query(MessageRow).count() == 0


def test_the_pages_take_any_cursor(made: Install, clients: Clients) -> None:
    _ok(clients["patient_a"].post(THREAD, json={"text": "hello"}), 201)
    for before in ("99999999999999999999999", "-1", "0"):
        shown = clients["patient_a"].get("/messages", params={"before": before})
        assert shown.status_code == 200 and "hello" in shown.text
        doc = clients["clinician_a"].get(
            f"/clinician/patients/{_a(made)}/messages", params={"before": before}
        )
        assert doc.status_code == 200 and "hello" in doc.text
