"""Tracking commands: log pain, score activities, see progress and history, export, backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from supple.cli import export_cmd
from supple.cli.common import (
    console,
    fail,
    library_of,
    plain,
    read_text,
    settings_of,
    user_text,
)
from supple.cli.store_opts import DatabaseUrl, database_url_of, open_person, open_store

if TYPE_CHECKING:
    from supple.app.records import History
    from supple.app.tracking import Summary
    from supple.store import PersonStore

FORMATS = ("json", "csv", "fhir")


def _score(text: str, what: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        fail(f"{what} must be a whole number from 0 to 10, not '{text}'")
    if not 0 <= value <= 10:
        fail(f"{what} must be a whole number from 0 to 10, not {value}")
    return value


def log_pain(
    ctx: typer.Context,
    score: Annotated[str, typer.Argument(help="Pain now, 0 (none) to 10 (worst imaginable).")],
    note: Annotated[
        str | None, typer.Option("--note", help="A short note (what you did, how it felt).")
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Log how much your back hurts now, 0 to 10."""
    from supple.app import tracking

    value = _score(score, "a pain score")
    if note is not None and len(note) > 2000:
        fail("a note is at most 2000 characters")
    with open_person(ctx, database_url) as store:
        tracking.log_pain(store=store, score=value, note=note)
    typer.echo(f"Logged pain {value}/10.")


def psfs(
    ctx: typer.Context,
    scores: Annotated[
        list[str] | None,
        typer.Option(
            "--score",
            help="ACTIVITY=N: score one activity 0 (unable) to 10 (as before); repeat it. "
            "Without it you are asked.",
        ),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Patient-Specific Functional Scale: name up to 5 hard activities, then score them weekly."""
    from supple.app import tracking

    given: dict[str, int] = {}
    for item in scores or []:
        name, sep, number = item.rpartition("=")
        if not sep or not name.strip():
            fail(f"write --score as ACTIVITY=N, for example 'climbing stairs=4', not '{item}'")
        given[name.strip()] = _score(number, f"the score of '{name.strip()}'")
    with open_person(ctx, database_url) as store:
        count = tracking.score_activities(store=store, scores=given or _ask_psfs(store))
    typer.echo(f"Saved {count} activit{'y' if count == 1 else 'ies'}.")


def _ask_psfs(store: PersonStore) -> dict[str, int]:
    from supple.app import tracking

    names = tracking.activities(store=store)
    if not names:
        typer.echo(
            "Name up to 5 activities your back makes hard (for example 'putting on socks'). "
            "Press Enter on an empty line when done."
        )
        while len(names) < 5:
            name = typer.prompt(f"Activity {len(names) + 1}", default="", show_default=False)
            if not name.strip():
                break
            names.append(name.strip())
        if not names:
            fail("no activities named; nothing saved")
    typer.echo("Score each one: 0 = unable to do it, 10 = as well as before the problem.")
    answers: dict[str, int] = {}
    for name in names:
        answers[name] = _score(typer.prompt(plain(name)), f"the score of '{name}'")
    return answers


def progress(
    ctx: typer.Context,
    chart_name: Annotated[
        str | None,
        typer.Option("--chart", help="Also write a chart of pain and adherence (.png or .svg)."),
    ] = None,
    days_per_week: Annotated[
        int | None,
        typer.Option(
            "--days-per-week",
            help="Set how many days a week you plan to exercise, 1-7 (remembered; default 7).",
        ),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Show your progress: pain trend, this week's sessions, streak and what has changed."""
    # Paths arrive as text: typer builds a costly validator for Path parameters, and this
    # command's start-up time is budgeted.
    chart = None if chart_name is None else Path(chart_name)
    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        fail(f"the chart file must end in .png or .svg, not '{chart.name}'")
    from supple.app import tracking
    from supple.store.digest_read import LightSource

    if days_per_week is not None:
        if not 1 <= days_per_week <= 7:
            fail(f"--days-per-week must be 1 to 7, not {days_per_week}")
        with open_person(ctx, database_url) as store:
            tracking.plan_days(store=store, days=days_per_week)
    today = datetime.now().astimezone().date()
    url = database_url_of(ctx, database_url)
    # The light read (no SQLAlchemy) when the database is at the current schema.
    settings = settings_of(ctx)
    light = LightSource(url, timeout=settings.db_timeout, person=settings.person)
    days = tracking.CHART_DAYS if chart is not None else tracking.RECENT_DAYS
    summary = tracking.progress(source=light, library=library_of(ctx), today=today, days=days)
    if not light.usable:
        with open_person(ctx, database_url) as store:
            summary = tracking.progress(
                source=store, library=library_of(ctx), today=today, days=days
            )
    _render_progress(summary)
    if chart is not None:
        from supple.export.chart import write_chart

        write_chart(summary.records, chart)
        typer.echo(plain(f"Chart written to {chart}"))


def history(
    ctx: typer.Context,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=1000, help="How many sessions and scores.")
    ] = 20,
    database_url: DatabaseUrl = None,
) -> None:
    """List your latest sessions and pain scores."""
    from supple.app import tracking

    with open_person(ctx, database_url) as store:
        _render_history(tracking.history(store=store, limit=limit))


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", help="json or csv (everything), or fhir (a FHIR R4 Bundle).")
    ] = "json",
    output_name: Annotated[
        str | None,
        typer.Option("--output", "--out", "-o", help="Write to this file (default: print)."),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Export everything you have recorded, as JSON or CSV (import reads both back), or your
    programme and outcomes as a FHIR R4 Bundle for a health record."""
    from supple.app import backups

    if fmt not in FORMATS:
        fail(f"--format must be json, csv or fhir, not '{fmt}'")
    output = None if output_name is None else Path(output_name)
    if fmt == "fhir":
        text = export_cmd.fhir_bundle(ctx, database_url)
    else:
        with open_person(ctx, database_url) as store:
            text = backups.export_records(store=store, fmt="json" if fmt == "json" else "csv")
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
    typer.echo(plain(f"Exported to {output}"), err=True)


def import_(
    ctx: typer.Context,
    file_name: Annotated[
        str,
        typer.Argument(help="A file written by `supple export` (JSON, CSV, or a FHIR bundle)."),
    ],
    database_url: DatabaseUrl = None,
) -> None:
    """Import an export or a FHIR bundle into an empty database (all or nothing)."""
    from supple.app import backups
    from supple.store.errors import BadExport

    file = Path(file_name)
    text = read_text(file)
    if export_cmd.is_bundle(text):
        export_cmd.import_bundle(ctx, file.name, text, database_url)
        return
    with open_person(ctx, database_url) as store:
        try:
            counts = backups.import_records(store=store, text=text)
        except BadExport as exc:
            fail(f"{file.name}: {exc}")
    total = sum(counts.values())
    typer.echo(
        f"Imported {total} records ({counts['sessions']} sessions, {counts['pain']} pain scores)."
    )


def backup(
    ctx: typer.Context,
    output_name: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="Backup file (default: a dated file next to the database)."
        ),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Copy the database to a backup file (PostgreSQL: a JSON export)."""
    from supple.app import backups

    output = None if output_name is None else Path(output_name)
    with open_store(ctx, database_url) as database:
        path = backups.backup(database=database, path=output, person=settings_of(ctx).person)
    typer.echo(plain(f"Backup written to {path}"))


SPARK = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float | None]) -> str:
    """One character per day on the 0–10 scale; a dot for a day without a score."""
    out = []
    for v in values:
        out.append("·" if v is None else SPARK[min(len(SPARK) - 1, int(v / 10 * len(SPARK)))])
    return "".join(out)


def _say(text: str, *, label: str = "", color: str | None = None) -> None:
    """One paragraph wrapped to the terminal (plain click styling: Rich costs a budgeted start)."""
    import shutil
    import textwrap

    width = max(40, shutil.get_terminal_size().columns)
    body = textwrap.fill(plain(f"{label}{text}"), width, subsequent_indent="  " if label else "")
    if label:
        body = typer.style(label, bold=True, fg=color) + body[len(label) :]
    typer.echo(body)


def _render_progress(summary: Summary) -> None:
    from supple.presentation.phrases import say
    from supple.presentation.verdicts import pain_verdict, psfs_verdict
    from supple.presentation.words import plural

    p = summary.progress
    week = p.this_week
    typer.echo(typer.style("Your progress", bold=True))
    trend = sparkline(p.pain_trend)
    now = "no scores this week" if p.pain_now is None else f"{p.pain_now:.1f}/10 (7-day average)"
    _say(f"Pain, last {len(p.pain_trend)} days: {trend}  now {now}")
    _say(f"This week: {week.done} of {week.planned} planned days done ({round(100 * week.ratio)}%)")
    _say(
        f"Streak: {plural(p.streak_days, 'day')} (best {p.best_streak_days}); "
        f"{plural(p.streak_weeks, 'week')} "
        f"on plan; {p.sessions_done} sessions finished in all"
    )
    _say(pain_verdict(p.pain_change, on="command"))
    if p.psfs_change is not None:
        _say(psfs_verdict(p.psfs_change))
    for warning in p.warnings:
        _say(say(warning), label="Warning: ", color="red")
    for note in p.adjustments.notes:
        if note not in p.warnings:
            _say(say(note), label="Plan: ")
    _render_programme(summary)


def _render_programme(summary: Summary) -> None:
    """The walking plan's week, the support check and the lessons read."""
    from supple.presentation.programme import support_summary, walk_summary

    p = summary.progress
    if p.walking is not None:
        _say(walk_summary(p.walking), label="Walking: ")
    if p.support is not None:
        _say(support_summary(p.support))
    _say(f"Lessons read: {p.lessons_read} (`supple learn` for today's).")


def _render_history(h: History) -> None:
    from rich.table import Table

    from supple.presentation.words import clock, term

    out = console()
    if not h.sessions and not h.pain and not h.notes:
        out.print("Nothing recorded yet: start a session with `supple start`.", markup=False)
        return
    sessions = Table(title="Sessions", title_justify="left")
    for col in ("started", "status", "done", "skipped", "held", "pain before", "pain after"):
        sessions.add_column(col)
    for s in h.sessions:
        sessions.add_row(
            s.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            term(s.status),
            str(s.done),
            str(s.skipped),
            clock(s.seconds_held),
            "" if s.pain_before is None else str(s.pain_before),
            "" if s.pain_after is None else str(s.pain_after),
        )
    pain = Table(title="Pain scores", title_justify="left")
    for col in ("id", "when", "score", "moment", "note"):
        pain.add_column(col)
    for p in h.pain:
        pain.add_row(
            str(p.id),
            p.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            str(p.score),
            p.moment,
            user_text(p.note or ""),  # a note is shown as typed: never markup, no escapes
        )
    notes = Table(title="Notes", title_justify="left")
    for col in ("id", "when", "session", "note"):
        notes.add_column(col)
    for n in h.notes:
        when = n.at.astimezone().strftime("%Y-%m-%d %H:%M")
        notes.add_row(str(n.id), when, str(n.session_id or ""), user_text(n.text))
    for table, rows in ((sessions, h.sessions), (pain, h.pain), (notes, h.notes)):
        if rows:
            out.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    from supple.cli import programme_cmd

    log_app = typer.Typer(help="Log how you feel and walk between sessions.", no_args_is_help=True)
    log_app.command("pain")(log_pain)
    programme_cmd.register(app, log_app)
    app.add_typer(log_app, name="log")
    app.command("psfs")(psfs)
    app.command("progress")(progress)
    app.command("history")(history)
    app.command("export")(export)
    app.command("import")(import_)
    app.command("backup")(backup)
