"""``supple account``, ``supple invite`` and ``supple audit``: accounts mode from the terminal.

The terminal is the install's operator: what it does goes in the audit log as "command line"
(with the system user's name). Creating the first account switches the install to accounts
mode; a patient account made here takes the records no account holds yet (the single-person
data), unless ``--fresh`` or ``--person`` says otherwise.
"""

from __future__ import annotations

import getpass
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from supple.cli.common import fail, print_json, public_url
from supple.cli.store_opts import DatabaseUrl, open_store

if TYPE_CHECKING:
    from supple.app.identity import Account
    from supple.store import Store

account_app = typer.Typer(help="Accounts: patients, clinicians and admins.", no_args_is_help=True)
invite_app = typer.Typer(help="Invite a patient on behalf of a clinician.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add `supple account ...`, `supple invite create` and `supple audit` to ``app``."""
    app.add_typer(account_app, name="account")
    app.add_typer(invite_app, name="invite")
    app.command("audit")(audit_log)


def _operator() -> str:
    try:
        return f"command line ({getpass.getuser()})"
    except (KeyError, OSError):  # no name for this uid (a container)
        return "command line"


def _now() -> datetime:
    return datetime.now(UTC)


def _link(ctx: typer.Context, path: str) -> str:
    return public_url(ctx) + path


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            fail("--password-stdin: standard input is empty")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        fail("give the password on standard input with --password-stdin")
    first = getpass.getpass("Password (at least 10 characters): ")
    if getpass.getpass("The same password again: ") != first:
        fail("the two passwords are not the same")
    return first


def _find(database: Store, email: str) -> Account:
    from supple.app import accounts

    return accounts.find(db=database, email=email)


@account_app.command("create")
def create(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="The account's email address (how it signs in)."),
    role: str = typer.Option(..., "--role", help="patient, clinician or admin."),
    clinic: str | None = typer.Option(
        None, "--clinic", metavar="NAME", help="The clinic it belongs to (made on first use)."
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of standard input."
    ),
    person: int | None = typer.Option(
        None, "--person", min=1, metavar="ID", help="A patient takes these records (no account's)."
    ),
    fresh: bool = typer.Option(
        False, "--fresh", help="A patient starts with no records, leaving the unowned ones."
    ),
    database_url: DatabaseUrl = None,
) -> None:
    """Make an account; the first one switches the install to accounts mode."""
    from supple.app import accounts
    from supple.app.audit import COMMAND_LINE
    from supple.app.passwords import Passwords

    if person is not None and fresh:
        fail("--person and --fresh cannot go together")
    if role != "patient" and (person is not None or fresh):
        fail("--person and --fresh are for patient accounts")
    password = _password(password_stdin)
    records: accounts.Records = person if person is not None else ("new" if fresh else "unowned")
    with open_store(ctx, database_url) as database:
        was_single = not database.directory().accounts_mode()
        made = accounts.create_account(
            db=database,
            passwords=Passwords(),
            email=email,
            role=role,
            password=password,
            by=_operator(),
            address=COMMAND_LINE,
            now=_now(),
            clinic=clinic,
            records=records,
        )
    where = f" at {made.clinic}" if made.clinic else ""
    typer.echo(f"Made the {made.role} account {made.email}{where} (id {made.id}).")
    if made.person_id is not None:
        typer.echo(f"Its records are person {made.person_id}'s.")
    if was_single:
        typer.echo("This install is now in accounts mode: the web app asks everyone to sign in.")


@account_app.command("list")
def list_accounts(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    database_url: DatabaseUrl = None,
) -> None:
    """List every account with its role, clinic and state."""
    with open_store(ctx, database_url) as database:
        every = database.directory().all_accounts()
    found = [a for a in every if not a.deleted]
    rows = [
        {
            "id": a.id,
            "email": a.email,
            "role": a.role,
            "clinic": a.clinic,
            "state": "disabled" if a.disabled else "active",
            "created": a.created_at.date().isoformat(),
        }
        for a in found
    ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo(
            "No accounts left (the install stays in accounts mode)."
            if every
            else "No accounts: this install is in single-person mode."
        )
        return
    for r in rows:
        clinic = f"  {r['clinic']}" if r["clinic"] else ""
        typer.echo(f"{r['id']:>4}  {r['email']}  {r['role']}  {r['state']}{clinic}")


def _set_disabled(ctx: typer.Context, email: str, off: bool, url: str | None) -> None:
    from supple.app import accounts
    from supple.app.audit import COMMAND_LINE

    with open_store(ctx, url) as database:
        found = _find(database, email)
        accounts.set_disabled(
            db=database,
            account=found,
            disabled=off,
            by=_operator(),
            address=COMMAND_LINE,
            now=_now(),
        )
    state = "disabled: it is signed out everywhere" if off else "enabled again"
    typer.echo(f"{found.email} is {state}.")


@account_app.command("disable")
def disable(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="The account's email."),
    database_url: DatabaseUrl = None,
) -> None:
    """Disable an account: it is signed out everywhere and cannot sign in."""
    _set_disabled(ctx, email, True, database_url)


@account_app.command("enable")
def enable(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="The account's email."),
    database_url: DatabaseUrl = None,
) -> None:
    """Let a disabled account sign in again."""
    _set_disabled(ctx, email, False, database_url)


@account_app.command("reset")
def reset(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="The account's email."),
    database_url: DatabaseUrl = None,
) -> None:
    """Print a one-time link that sets a new password (valid 24 hours)."""
    from supple.app import credentials
    from supple.app.audit import COMMAND_LINE

    with open_store(ctx, database_url) as database:
        made = credentials.make_reset(
            db=database,
            account=_find(database, email),
            by=_operator(),
            address=COMMAND_LINE,
            now=_now(),
        )
    typer.echo(_link(ctx, f"/reset/{made.code}"))
    typer.echo(f"It works once, until {made.expires_at:%Y-%m-%d %H:%M} UTC.", err=True)


@account_app.command("delete")
def delete(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="The account's email."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask to confirm."),
    database_url: DatabaseUrl = None,
) -> None:
    """Erase an account and every record of it (an audit entry without health data stays)."""
    from supple.app import accounts
    from supple.app.audit import COMMAND_LINE

    with open_store(ctx, database_url) as database:
        found = _find(database, email)
        if not yes and not typer.confirm(
            f"Erase {found.email} and all its records? This cannot be undone", default=False
        ):
            fail("nothing was deleted", code=1)
        accounts.erase(db=database, account=found, by=_operator(), address=COMMAND_LINE, now=_now())
    typer.echo(f"Erased {found.email} and its records.")


@account_app.command("export")
def export(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="The patient account's email."),
    fmt: str = typer.Option("json", "--format", help="json or csv."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file instead of the screen."
    ),
    database_url: DatabaseUrl = None,
) -> None:
    """Every record of a patient account (their right to their data), as `supple export`."""
    from supple.app import audit, backups
    from supple.app.audit import COMMAND_LINE

    if fmt not in ("json", "csv"):
        fail(f"--format is json or csv, not '{fmt}'")
    with open_store(ctx, database_url) as database:
        found = _find(database, email)
        if found.person_id is None:
            fail(f"{found.email} is a {found.role} account: it holds no records")
        text = backups.export_records(store=database.for_person(found.person_id), fmt=fmt)  # type: ignore[arg-type]
        audit.record(
            database.audit_log(),
            at=_now(),
            action="records_read",
            by=_operator(),
            address=COMMAND_LINE,
            about=found,
            detail=f"supple account export --format {fmt}",
        )
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {output}.", err=True)


@invite_app.command("create")
def invite(
    ctx: typer.Context,
    clinician: str = typer.Option(..., "--clinician", metavar="EMAIL", help="Who invites."),
    database_url: DatabaseUrl = None,
) -> None:
    """Print a one-time invitation link (and its short code), valid 7 days."""
    from supple.app import invitations
    from supple.app.audit import COMMAND_LINE
    from supple.app.keys import shown_code

    with open_store(ctx, database_url) as database:
        made = invitations.invite(
            db=database,
            clinician=_find(database, clinician),
            address=COMMAND_LINE,
            now=_now(),
        )
    typer.echo(_link(ctx, f"/invite/{made.code}"))
    typer.echo(
        f"Code {shown_code(made.code)}; it works once, until {made.expires_at:%Y-%m-%d} (UTC).",
        err=True,
    )


def audit_log(
    ctx: typer.Context,
    since: str | None = typer.Option(
        None, "--since", metavar="DATE", help="Only entries from this day on (YYYY-MM-DD)."
    ),
    limit: int = typer.Option(5000, "--limit", min=1, max=5000, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
    database_url: DatabaseUrl = None,
) -> None:
    """Print the audit log, newest first: sign-ins, account changes, others' reads of records."""
    from supple.app import audit

    start = None
    if since is not None:
        try:
            start = datetime.combine(date.fromisoformat(since), time.min).astimezone()
        except ValueError:
            fail(f"--since is a date such as 2026-01-31, not '{since}'")
    with open_store(ctx, database_url) as database:
        found = audit.entries(database.audit_log(), since=start, limit=limit)
    if as_json:
        import json

        for e in found:
            row = {**e.__dict__, "at": e.at.isoformat()}
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    if not found:
        typer.echo("No entries.")
    for e in found:
        about = f" (account {e.subject_account_id})" if e.subject_account_id else ""
        detail = f": {e.detail}" if e.detail else ""
        typer.echo(f"{e.at:%Y-%m-%d %H:%M:%S}  {e.actor}  {e.action}{about}{detail}  [{e.address}]")
