"""`supple handout` and `supple calendar`, and the FHIR form of `supple export` and `import`:
the current programme as a printed handout, a calendar and a health record.

WeasyPrint, icalendar and fhir.resources load inside the commands so `supple --help` stays fast.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from supple.cli.common import fail, library_of, public_url, read_text
from supple.cli.plan_cmd import ProfileFile
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from supple.app.exports import CurrentProgramme
    from supple.store import PersonStore

HandoutOut = Annotated[
    Path,
    typer.Option("--out", "-o", metavar="FILE.pdf", help="Write the PDF here."),
]
CalendarOut = Annotated[
    Path,
    typer.Option("--out", "-o", metavar="FILE.ics", help="Write the calendar file here."),
]


def register(app: typer.Typer) -> None:
    """Add `supple handout` and `supple calendar` to ``app``."""
    app.command("handout")(handout)
    app.command("calendar")(calendar)


def current(ctx: typer.Context, store: PersonStore, profile_file: Path | None) -> CurrentProgramme:
    """The person's current programme, or the routine of the answers in ``profile_file``."""
    from supple.app.exports import current_programme
    from supple.safety.profile_input import ProfileError, parse_document, profile_from

    profile = None
    if profile_file is not None:
        try:
            profile = profile_from(parse_document(read_text(profile_file), str(profile_file)))
        except ProfileError as exc:
            fail(str(exc))
    library = library_of(ctx).load()
    return current_programme(store=store, library=library, today=date.today(), profile=profile)


def write(out: Path, data: bytes, what: str) -> None:
    """Write ``data`` to ``out`` and say so; a folder that cannot be written is one line."""
    try:
        out.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")
    typer.echo(f"{what} written to {out}")


def today_link(ctx: typer.Context) -> str:
    """The address of Today in the app, from SUPPLE_PUBLIC_URL."""
    return public_url(ctx) + "/today"


def handout(
    ctx: typer.Context,
    profile_file: ProfileFile = None,
    out: HandoutOut = Path("supple-handout.pdf"),
    large_print: Annotated[
        bool, typer.Option("--large-print", help="Print at 18 pt, one move a page.")
    ] = False,
    paper: Annotated[
        str, typer.Option("--paper", metavar="a4|letter", help="The paper size.")
    ] = "a4",
    database_url: DatabaseUrl = None,
) -> None:
    """Write the current programme as a printable PDF handout (figures, doses, safety lines)."""
    from supple.export.handout import PAPERS, HandoutError, Paper, render_handout
    from supple.export.inputs import handout_input

    if paper not in PAPERS:
        fail(f"--paper must be a4 or letter, not '{paper}'")
    with open_person(ctx, database_url) as store:
        programme = current(ctx, store, profile_file)
    data = handout_input(programme, library_of(ctx).load(), app_link=today_link(ctx))
    try:
        size: Paper = "a4" if paper == "a4" else "letter"
        pdf = render_handout(data, paper=size, large_print=large_print)
    except HandoutError as exc:
        fail(str(exc))
    write(out, pdf, "Handout")


def calendar(
    ctx: typer.Context,
    profile_file: ProfileFile = None,
    out: CalendarOut = Path("supple-routine.ics"),
    days: Annotated[
        str | None,
        typer.Option(
            "--days",
            metavar="mon,wed,fri",
            help="The weekdays, comma-separated (default: your days a week, spread out).",
        ),
    ] = None,
    at: Annotated[
        str, typer.Option("--at", metavar="HH:MM", help="The time of day, 24-hour clock.")
    ] = "08:00",
    database_url: DatabaseUrl = None,
) -> None:
    """Write the current programme as a calendar file: a repeating event with an alarm."""
    from supple.export.calendar import CalendarError, calendar_ics, parse_days, parse_time
    from supple.export.inputs import calendar_input, person_key

    try:
        chosen = None if days is None else parse_days(days)
    except CalendarError as exc:
        fail(f"--days: {exc}")
    try:
        when = parse_time(at)
    except CalendarError as exc:
        fail(f"--at: {exc}")
    with open_person(ctx, database_url) as store:
        programme = current(ctx, store, profile_file)
        key = person_key(store.person_id)
    data = calendar_input(programme, person_key=key, days=chosen, at=when, app_link=today_link(ctx))
    try:
        ics = calendar_ics(data, stamp=datetime.now(UTC))
    except CalendarError as exc:
        fail(str(exc))
    write(out, ics, "Calendar")


def fhir_bundle(ctx: typer.Context, database_url: str | None) -> str:
    """The person's programme and outcomes as a FHIR R4 Bundle, JSON text."""
    from supple.app.exports import current_programme, outcomes
    from supple.export.fhir.build import build_bundle
    from supple.export.fhir.model import FhirError
    from supple.export.inputs import person_key, record_input

    library = library_of(ctx).load()
    today = date.today()
    with open_person(ctx, database_url) as store:
        programme = current_programme(store=store, library=library, today=today)
        records = outcomes(store=store, today=today)
        key = person_key(store.person_id)
    try:
        bundle = build_bundle(
            record_input(programme, records, library, person_key=key),
            generated=datetime.now(UTC),
        )
    except FhirError as exc:
        fail(str(exc))
    return json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"


def is_bundle(text: str) -> bool:
    """Whether ``text`` is a FHIR Bundle (else it is taken for Supple's own export)."""
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("resourceType") == "Bundle"


def import_bundle(ctx: typer.Context, name: str, text: str, database_url: str | None) -> None:
    """Keep the programme and outcomes of a FHIR bundle in an empty database."""
    from supple.app.exports import import_programme
    from supple.export.fhir.model import FhirError
    from supple.export.fhir.parse import parse_bundle
    from supple.export.inputs import imported_programme

    try:
        record = parse_bundle(text, library=library_of(ctx).load())
    except FhirError as exc:
        fail(f"{name}: {exc}")
    with open_person(ctx, database_url) as store:
        counts = import_programme(store=store, imported=imported_programme(record))
    typer.echo(
        f"Imported the programme ({len(record.items)} moves), {counts['sessions']} sessions, "
        f"{counts['pain']} pain scores and {counts['psfs_scores']} PSFS scores."
    )
