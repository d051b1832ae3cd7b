"""Signing in: passwords, throttling, no enumeration, sessions that expire and slide, tokens
that can be revoked, a password change that signs out everywhere, and the audit log."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from supple.app import accounts, credentials, invitations, signin
from supple.app.errors import NotFound, Refused, SignInNeeded, Throttled
from supple.app.passwords import Passwords, check_new_password
from supple.store import Store, StoreError
from supple.web import create_app
from supple.web.access import SESSION_COOKIE
from tests.accounts.kit import FAST, NOW, PASSWORD, Install, install
from tests.web.client import Client

ALICE = "alice@example.org"


@pytest.fixture
def made(database_url: str) -> Iterator[Install]:
    with install(database_url) as found:
        yield found


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def _login(client: Client, email: str, password: str) -> int:
    body = {"email": email, "password": password}
    return client.post("/api/v1/auth/login", json=body).status_code


# -- passwords --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("short", "at least 10"),
        ("password123", "most common"),
        ("QwertyUiop", "most common"),
        ("aaaaaaaaaaaa", "most common"),
        ("alice-rocks-2026", "email"),
        ("x" * 201, "at most 200"),
    ],
)
def test_weak_passwords_are_refused(password: str, why: str) -> None:
    with pytest.raises(Refused, match=why):
        check_new_password(password, email=ALICE)
    check_new_password("a walk by the river at dawn", email=ALICE)


def test_passwords_are_hashed_with_argon2id_and_rehashed_when_the_cost_changes(
    made: Install,
) -> None:
    stored = made.database.directory().by_email(ALICE)
    assert stored is not None and stored.password_hash is not None
    assert stored.password_hash.startswith("$argon2id$") and PASSWORD not in stored.password_hash
    assert "m=8," in stored.password_hash  # the kit's cheap parameters
    stronger = create_app(store=made.database, passwords=Passwords())  # argon2-cffi's defaults
    client = Client(stronger)
    try:
        assert _login(client, ALICE, PASSWORD) == 200
    finally:
        client.close()
    again = made.database.directory().by_email(ALICE)
    assert again is not None and again.password_hash is not None
    assert "m=65536," in again.password_hash and again.password_hash != stored.password_hash
    assert Passwords().check(again.password_hash, PASSWORD).ok


# -- throttling -------------------------------------------------------------------------------


def test_five_failures_for_an_account_give_429_with_retry_after(made: Install) -> None:
    client = made.client("anonymous")
    try:
        for _ in range(5):
            assert _login(client, ALICE, "wrong password!") == 401
        answer = client.post("/api/v1/auth/login", json={"email": ALICE, "password": PASSWORD})
        assert answer.status_code == 429  # even the right password now
        assert 1 <= int(answer.headers["retry-after"]) <= 15 * 60
        assert _login(client, "bea@example.org", PASSWORD) == 200  # others are not locked out
    finally:
        client.close()


def test_twenty_failures_from_one_address_give_429(made: Install) -> None:
    client = made.client("anonymous")
    try:
        for n in range(20):
            assert _login(client, f"nobody{n}@example.org", "wrong password!") == 401
        page = client.post(
            "/login",
            data={
                "email": "bea@example.org",
                "password": PASSWORD,
                "csrf_token": made.form_token(client),
            },
        )
        assert page.status_code == 429 and "retry-after" in page.headers
    finally:
        client.close()


def test_the_throttle_lets_go_after_15_minutes(made: Install) -> None:
    directory, start = made.database.directory(), datetime.now(UTC)
    for _ in range(5):
        with pytest.raises(SignInNeeded):
            signin.sign_in(
                db=made.database,
                passwords=FAST,
                email=ALICE,
                password="nope",
                address="10.0.0.1",
                now=start,
            )
    with pytest.raises(Throttled) as caught:
        signin.throttle(directory, "sign_in", email=ALICE, address="10.0.0.1", now=start)
    assert 890 <= caught.value.retry_after <= 901
    later = start + timedelta(minutes=15, seconds=1)
    signin.throttle(directory, "sign_in", email=ALICE, address="10.0.0.1", now=later)


# -- no enumeration ---------------------------------------------------------------------------


def test_unknown_email_and_wrong_password_look_the_same(made: Install) -> None:
    real = Passwords()  # the real cost, for the account's hash and the dummy alike
    alice = made.people["patient_a"].id
    made.database.for_account(alice).set_password(real.hash(PASSWORD), at=None)
    client = Client(create_app(store=made.database, passwords=real))
    try:
        _login(client, "warm-up@example.org", "x" * 12)  # the dummy hash is made once
        unknown: list[float] = []
        wrong: list[float] = []
        for n in range(4):
            for email, times in ((f"ghost{n}@example.org", unknown), (ALICE, wrong)):
                started = time.perf_counter()
                answer = client.post(
                    "/api/v1/auth/login", json={"email": email, "password": f"bad-{n}-guess"}
                )
                times.append(time.perf_counter() - started)
                assert answer.status_code == 401
                assert answer.json()["detail"] == "the email or the password is wrong"
        ratio = statistics.median(unknown) / statistics.median(wrong)
        assert 0.5 < ratio < 2, (unknown, wrong)  # the same order of time
    finally:
        client.close()


def test_a_disabled_account_gets_the_same_answer(made: Install) -> None:
    accounts.set_disabled(
        db=made.database,
        account=made.people["patient_b"],
        disabled=True,
        by="t",
        address="t",
        now=NOW,
    )
    client = made.client("anonymous")
    try:
        answer = client.post(
            "/api/v1/auth/login", json={"email": "bea@example.org", "password": PASSWORD}
        )
        assert answer.status_code == 401 and answer.json()["detail"] == signin.WRONG
    finally:
        client.close()


# -- sessions ---------------------------------------------------------------------------------


def test_sessions_slide_for_30_days_and_then_expire(made: Install) -> None:
    clock = Clock()
    client = Client(create_app(store=made.database, passwords=FAST, clock=clock))
    try:
        assert _login(client, ALICE, PASSWORD) == 200
        for days in (20, 40, 60):  # each use moves the expiry 30 days on: 60 days in, still in
            clock.now += timedelta(days=20)
            assert client.get("/api/v1/auth/me").status_code == 200, days
        clock.now += timedelta(days=31)
        assert client.get("/api/v1/auth/me").status_code == 401
    finally:
        client.close()


def test_logout_ends_the_session_and_clears_the_browsers_data(made: Install) -> None:
    client = made.client("patient_a")
    token = client._client.cookies.get(SESSION_COOKIE)
    try:
        answer = client.post("/api/v1/auth/logout")
        assert answer.status_code == 200
        assert answer.headers["clear-site-data"] == '"cache", "storage"'
        client._client.cookies.set(SESSION_COOKIE, str(token))  # a copy kept elsewhere
        assert client.get("/api/v1/auth/me").status_code == 401
        page = made.client("patient_a")
        gone = page.get("/logout", follow_redirects=False)
        assert gone.status_code == 303 and gone.headers["clear-site-data"]
        assert page.get("/today", follow_redirects=False).headers["location"].startswith("/login")
        page.close()
    finally:
        client.close()


def test_a_page_elsewhere_cannot_sign_you_out(made: Install) -> None:
    client = made.client("patient_a")
    try:
        asked = client.get("/logout", headers={"Sec-Fetch-Site": "cross-site"})
        assert asked.status_code == 200 and "Sign out?" in asked.text
        assert client.get("/api/v1/auth/me").status_code == 200
    finally:
        client.close()


def test_changing_the_password_signs_out_everywhere_else(made: Install) -> None:
    here, there = made.client("patient_a"), made.client("patient_a")
    try:
        new = "a different long passphrase"
        form = {
            "current": PASSWORD,
            "new": new,
            "new_again": new,
            "csrf_token": made.form_token(here),
        }
        changed = here.post("/account/password", data=form, follow_redirects=False)
        assert changed.status_code == 303 and SESSION_COOKIE in changed.headers["set-cookie"]
        assert there.get("/api/v1/auth/me").status_code == 401  # the other browser
        assert here.get("/api/v1/auth/me").status_code == 200  # this one got a new session
        anonymous = made.client("anonymous")
        assert _login(anonymous, ALICE, PASSWORD) == 401
        assert _login(anonymous, ALICE, new) == 200
        anonymous.close()
    finally:
        here.close()
        there.close()


def test_a_reset_link_works_once_and_signs_out_everywhere(made: Install) -> None:
    other = made.client("patient_a")
    link = credentials.make_reset(
        db=made.database, account=made.people["patient_a"], by="t", address="t", now=NOW
    )
    client = made.client("anonymous")
    try:
        assert client.get(f"/reset/{link.code}").status_code == 200
        new = "the river at dawn again"
        form = {"password": new, "password_again": new, "csrf_token": made.form_token(client)}
        done = client.post(f"/reset/{link.code}", data=form, follow_redirects=False)
        assert done.status_code == 303
        assert other.get("/api/v1/auth/me").status_code == 401
        assert client.get(f"/reset/{link.code}").status_code == 404
    finally:
        client.close()
        other.close()


# -- tokens -----------------------------------------------------------------------------------


def test_a_revoked_token_stops_working(made: Install) -> None:
    page = made.client("patient_a")
    try:
        form = {"name": "my script", "csrf_token": made.form_token(page)}
        shown = page.post("/account/tokens", data=form)
        assert shown.status_code == 201
        token = shown.text.split('<code id="new-token">', 1)[1].split("</code>", 1)[0]
        assert token.startswith("spl_") and token not in page.get("/account").text  # once
        api = Client(made.app, origin=None)
        auth = {"Authorization": f"Bearer {token}"}
        assert api.get("/api/v1/progress", headers=auth).status_code == 200
        [info] = credentials.tokens(
            db=made.database,
            principal=signin.start_session(
                made.database, made.people["patient_a"], address="t", now=NOW
            ).principal,
        )
        revoke = {"csrf_token": made.form_token(page)}
        assert (
            page.post(
                f"/account/tokens/{info.id}/revoke", data=revoke, follow_redirects=False
            ).status_code
            == 303
        )
        refused = api.get("/api/v1/progress", headers=auth)
        assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
        api.close()
    finally:
        page.close()


# -- invitations ------------------------------------------------------------------------------


def test_an_invitation_works_once_and_expires_after_7_days(made: Install) -> None:
    clinician = made.people["clinician_a"]
    first = invitations.invite(db=made.database, clinician=clinician, address="t", now=NOW)
    invitations.sign_up(
        db=made.database,
        passwords=FAST,
        code=first.code.lower(),
        email="new@example.org",
        password=PASSWORD,
        address="t",
        now=NOW,
    )
    with pytest.raises(NotFound):
        invitations.look_up(db=made.database, code=first.code, address="t", now=NOW)
    old = invitations.invite(db=made.database, clinician=clinician, address="t", now=NOW)
    late = NOW + timedelta(days=7, seconds=1)
    with pytest.raises(NotFound):
        invitations.look_up(db=made.database, code=old.code, address="t", now=late)
    linked = made.database.care_team(clinician).patients()
    assert {link.patient.email for link in linked} == {ALICE, "new@example.org"}


# -- the audit log ----------------------------------------------------------------------------


def test_sign_ins_and_failures_are_audited_and_entries_cannot_be_changed(made: Install) -> None:
    client = made.client("anonymous")
    try:
        _login(client, ALICE, "wrong password!")
        _login(client, ALICE, PASSWORD)
    finally:
        client.close()
    entries = made.database.audit_log().entries(limit=50)
    actions = [e.action for e in entries]
    assert actions[:2] == ["sign_in", "sign_in_failed"]
    assert entries[0].actor == ALICE and entries[0].address == "127.0.0.1"
    from sqlalchemy import text

    for sql in ("UPDATE audit SET actor = 'someone else'", "DELETE FROM audit"):
        with pytest.raises(Exception, match="cannot be"), made.database._engine.begin() as conn:
            conn.execute(text(sql))
    assert len(made.database.audit_log().entries(limit=50)) == len(entries)


def test_reads_of_a_patients_records_by_someone_else_are_audited(made: Install) -> None:
    alice = made.people["patient_a"]
    path = f"/api/v1/clinician/patients/{alice.id}/progress"
    for actor, status in (("patient_a", None), ("clinician_b", 404), ("clinician_a", 200)):
        client = made.client(actor)
        try:
            if status is None:  # the patient's own reads are not someone else's
                assert client.get("/api/v1/progress").status_code == 200
            else:
                assert client.get(path).status_code == status, actor
        finally:
            client.close()
    reads = [e for e in made.database.audit_log().entries(limit=50) if e.action == "records_read"]
    assert len(reads) == 1
    (entry,) = reads
    assert entry.actor == made.people["clinician_a"].email and entry.address == "127.0.0.1"
    assert entry.subject_person_id == alice.person_id and entry.detail == f"GET {path}"
    assert abs(entry.at - datetime.now(UTC)) < timedelta(minutes=5)
    admin = made.client("admin")
    try:  # the admin reads the log: who, what, when, from where; no health data in it
        log = admin.get("/api/v1/admin/audit").json()
    finally:
        admin.close()
    shown = [e for e in log if e["action"] == "records_read"]
    assert [e["actor"] for e in shown] == [made.people["clinician_a"].email]
    assert made.a.note not in str(log) and made.a.activity not in str(log)


def test_deleting_an_account_erases_its_records_and_keeps_an_entry(made: Install) -> None:
    alice = made.people["patient_a"]
    assert alice.person_id is not None
    accounts.erase(db=made.database, account=alice, by="t", address="t", now=NOW)
    with pytest.raises(StoreError):
        made.database.for_person(alice.person_id)
    assert made.database.directory().by_email(ALICE) is None
    [entry] = [e for e in made.database.audit_log().entries() if e.action == "account_deleted"]
    assert entry.subject_account_id == alice.id and made.a.note not in str(entry)
    client = made.client("anonymous")
    try:
        assert _login(client, ALICE, PASSWORD) == 401
    finally:
        client.close()


def test_the_store_refuses_a_second_account_for_an_email(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as database:
        made = dict(
            db=database,
            passwords=FAST,
            role="admin",
            password=PASSWORD,
            by="t",
            address="t",
            now=NOW,
        )
        accounts.create_account(email="Same@Example.org", **made)  # type: ignore[arg-type]
        with pytest.raises(Refused, match="already"):
            accounts.create_account(email="same@example.org ", **made)  # type: ignore[arg-type]


def test_a_deleted_patients_kept_plans_never_reach_the_next_one(sqlite_url: str) -> None:
    """SQLite hands a deleted person's id to the next person made: what the server keeps in
    memory is the account's, so the newcomer gets nothing of the one before."""
    with install(sqlite_url) as made:
        bea = made.client("patient_b")
        try:
            assert bea.get(f"/api/v1/plans/{made.b.plan_id}").status_code == 200  # kept in memory
            form = {"password": PASSWORD, "csrf_token": made.form_token(bea)}
            assert bea.post("/account/delete", data=form, follow_redirects=False).status_code == 303
        finally:
            bea.close()
        newcomer = accounts.create_account(
            db=made.database,
            passwords=FAST,
            email="cora@example.org",
            role="patient",
            password=PASSWORD,
            by="t",
            address="t",
            now=NOW,
        )
        assert newcomer.person_id == made.people["patient_b"].person_id  # the id, reused
        made.people["cora"] = newcomer
        cora = made.client("cora")
        try:
            assert cora.get(f"/api/v1/plans/{made.b.plan_id}").status_code == 404
        finally:
            cora.close()
