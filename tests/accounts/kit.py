"""An install in accounts mode with one of each kind of person, for the accounts tests.

Clinic A has patient A (linked to clinician A through an invitation), clinician A and an admin;
clinic B has clinician B; patient B belongs to no clinic. Patients A and B each have a bit of
everything in their records (``tests.people.fill``). Passwords are hashed with a cheap Argon2id
here so that making accounts stays fast; the tests of hashing itself use the default cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from argon2 import PasswordHasher

from supple.app import accounts, invitations, signin
from supple.app.identity import Account
from supple.app.passwords import Passwords
from supple.store import Store
from supple.web import create_app
from supple.web.access import FORM_COOKIE, SESSION_COOKIE
from tests.people import Filled, fill
from tests.web.browser import LiveServer
from tests.web.client import Client

FAST = Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
PASSWORD = "a long enough passphrase"
NOW = datetime.now(UTC)
ACTORS = ("anonymous", "patient_a", "patient_b", "clinician_a", "clinician_b", "admin")


@dataclass
class Install:
    """The database, the app on it, and the accounts by actor name."""

    database: Store
    app: Any
    people: dict[str, Account]
    a: Filled
    b: Filled

    def sign_in(self, actor: str) -> str | None:
        """A new session token for ``actor`` (None for the anonymous actor)."""
        if actor == "anonymous":
            return None
        account = self.database.directory().account(self.people[actor].id)
        assert account is not None
        return signin.start_session(self.database, account, address="test", now=NOW).token

    def client(self, actor: str, **options: Any) -> Client:
        """A client signed in as ``actor`` (a fresh session), or anonymous."""
        made = Client(self.app, **options)
        token = self.sign_in(actor)
        if token is not None:
            made._client.cookies.set(SESSION_COOKIE, token)
        return made

    def form_token(self, client: Client) -> str:
        """The form token of the client's session, or a form cookie's for an anonymous one."""
        token = client._client.cookies.get(SESSION_COOKIE)
        if token is None:
            client._client.cookies.set(FORM_COOKIE, "anonymous-form-token")
            return "anonymous-form-token"
        found = signin.from_session(directory=self.database.directory(), token=token, now=NOW)
        assert found is not None and found.csrf_token is not None
        return found.csrf_token


def _account(database: Store, email: str, role: str, **options: Any) -> Account:
    return accounts.create_account(
        db=database,
        passwords=FAST,
        email=email,
        role=role,
        password=PASSWORD,
        by="test",
        address="test",
        now=NOW,
        **options,
    )


def make_install(database: Store) -> Install:
    """Fill ``database`` (new, at the current schema) with the people above."""
    admin = _account(database, "admin@a.example", "admin", clinic="Clinic A")
    clinician_a = _account(database, "doc@a.example", "clinician", clinic="Clinic A")
    clinician_b = _account(database, "doc@b.example", "clinician", clinic="Clinic B")
    patient_a = _account(database, "alice@example.org", "patient", records="unowned")
    patient_b = _account(database, "bea@example.org", "patient", records="new")
    assert patient_a.person_id is not None and patient_b.person_id is not None
    a = fill(database.for_person(patient_a.person_id), "alice", minutes=10)
    b = fill(database.for_person(patient_b.person_id), "bea", minutes=20)
    made = invitations.invite(db=database, clinician=clinician_a, address="test", now=NOW)
    principal = signin.start_session(database, patient_a, address="test", now=NOW).principal
    invitations.accept(db=database, code=made.code, principal=principal, address="test", now=NOW)
    people = {
        "patient_a": patient_a,
        "patient_b": patient_b,
        "clinician_a": clinician_a,
        "clinician_b": clinician_b,
        "admin": admin,
    }
    app = create_app(store=database, passwords=FAST)
    return Install(database, app, people, a, b)


@contextmanager
def install(database_url: str) -> Iterator[Install]:
    with Store.open(database_url) as database:
        yield make_install(database)


@contextmanager
def on_socket(database_url: str, made: Install) -> Iterator[LiveServer]:
    """``made``'s app on a real socket (uvicorn in a thread)."""
    served = LiveServer(database_url, app=made.app).start()
    try:
        yield served
    finally:
        served.stop()
