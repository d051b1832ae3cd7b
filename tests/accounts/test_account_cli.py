"""`supple account`, `supple invite create` and `supple audit` through the real entry point,
and moving a database made by release 0.1.0 to accounts mode without losing anything."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from supple.store import Store
from supple.web import create_app
from tests.accounts.kit import FAST
from tests.cli.kit import Supple, in_process, one_line_error
from tests.web.client import Client

RELEASE_DB = Path(__file__).parents[1] / "store" / "data" / "release-0.1.0.db"
PASSWORD = "a long enough passphrase\n"


@pytest.fixture
def supple(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], database_url: str
) -> Supple:
    monkeypatch.delenv("SUPPLE_PERSON", raising=False)
    return in_process(
        monkeypatch, capsys, SUPPLE_DATABASE_URL=database_url, SUPPLE_PUBLIC_URL="https://s.example"
    )


def test_accounts_from_the_command_line(supple: Supple) -> None:
    assert "single-person mode" in supple("account", "list").out
    made = supple(
        "account",
        "create",
        "Admin@Clinic.example",
        "--role",
        "admin",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert made.code == 0 and "now in accounts mode" in made.out
    doc = supple(
        "account",
        "create",
        "doc@clinic.example",
        "--role",
        "clinician",
        "--clinic",
        "Back Clinic",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert doc.code == 0 and "at Back Clinic" in doc.out
    listed = json.loads(supple("account", "list", "--json").out)
    assert [(a["email"], a["role"], a["clinic"]) for a in listed] == [
        ("admin@clinic.example", "admin", None),
        ("doc@clinic.example", "clinician", "Back Clinic"),
    ]
    invite = supple("invite", "create", "--clinician", "doc@clinic.example")
    assert invite.code == 0 and invite.out.startswith("https://s.example/invite/")
    reset = supple("account", "reset", "doc@clinic.example")
    assert reset.code == 0 and reset.out.startswith("https://s.example/reset/")
    assert supple("account", "disable", "doc@clinic.example").code == 0
    assert "disabled" in supple("account", "list").out
    log = supple("audit").out
    for action in ("account_created", "invitation_made", "reset_link_made", "account_disabled"):
        assert action in log
    assert "command line" in log
    assert supple("audit", "--since", "2999-01-01").out.strip() == "No entries."


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("account", "create", "x@y.org", "--role", "boss", "--password-stdin"), PASSWORD, "role"),
        (
            ("account", "create", "not-an-email", "--role", "admin", "--password-stdin"),
            PASSWORD,
            "email",
        ),
        (("account", "create", "x@y.org", "--role", "admin", "--password-stdin"), "short\n", "10"),
        (("account", "create", "x@y.org", "--role", "admin", "--password-stdin"), "", "empty"),
        (
            ("account", "create", "x@y.org", "--role", "clinician", "--password-stdin"),
            PASSWORD,
            "clinic",
        ),
        (("account", "disable", "nobody@y.org"), None, "no account"),
        (("invite", "create", "--clinician", "nobody@y.org"), None, "no account"),
        (("audit", "--since", "yesterday"), None, "date"),
    ],
)
def test_bad_input_is_one_line(
    supple: Supple, args: tuple[str, ...], stdin: str | None, message: str
) -> None:
    result = supple(*args, stdin=stdin)
    one_line_error(result)
    assert message in result.err


def test_an_admin_cannot_invite(supple: Supple) -> None:
    supple("account", "create", "a@y.org", "--role", "admin", "--password-stdin", stdin=PASSWORD)
    result = supple("invite", "create", "--clinician", "a@y.org")
    one_line_error(result)


def test_the_release_database_moves_to_accounts_mode_with_its_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "supple.db"
    shutil.copyfile(RELEASE_DB, copy)
    supple = in_process(monkeypatch, capsys, SUPPLE_DATABASE_URL=str(copy))
    monkeypatch.delenv("SUPPLE_PERSON", raising=False)
    before = json.loads(supple("export", "--format", "json").out)
    supple(
        "account",
        "create",
        "admin@x.example",
        "--role",
        "admin",
        "--password-stdin",
        stdin=PASSWORD,
    )
    made = supple(
        "account", "create", "me@x.example", "--role", "patient", "--password-stdin", stdin=PASSWORD
    )
    assert made.code == 0 and "person 1's" in made.out
    second = supple(
        "account",
        "create",
        "new@x.example",
        "--role",
        "patient",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert second.code == 0 and "person 2's" in second.out  # fresh records: nothing left unowned
    exported = json.loads(supple("account", "export", "me@x.example").out)
    for part in (before, exported):
        part.pop("exported_at")
    assert exported == before
    with Store.open(str(copy)) as database:
        client = Client(create_app(store=database, passwords=FAST))
        try:
            assert client.get("/api/v1/progress").status_code == 401  # accounts mode now
            body = {"email": "me@x.example", "password": PASSWORD.strip()}
            assert client.post("/api/v1/auth/login", json=body).status_code == 200
            assert client.get("/api/v1/profile").json()["age"] == 70
            assert len(client.get("/api/v1/progress").json()["history"]) == 4
        finally:
            client.close()
    assert "records_attached" in supple("audit").out


def test_delete_and_export_from_the_command_line(supple: Supple, tmp_path: Path) -> None:
    supple("account", "create", "p@y.org", "--role", "patient", "--password-stdin", stdin=PASSWORD)
    supple("log", "pain", "4", "--note", "my own note")
    out = tmp_path / "mine.json"
    assert supple("account", "export", "p@y.org", "-o", str(out)).code == 0
    assert "my own note" in out.read_text(encoding="utf-8")
    assert supple("account", "delete", "p@y.org", "--yes").code == 0
    assert "No accounts left" in supple("account", "list").out
    assert "account_deleted" in supple("audit").out
