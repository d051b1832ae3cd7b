"""The programme's commands: walking (`log walk`, `walking`), lessons (`learn`), the movement
test (`test-direction`) and the support check (`screen-risk`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from supple.cli.common import console, fail
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from supple.app.lessons import Listed
    from supple.library.lessons import Lesson


def _minutes(text: str, what: str) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        fail(f"{what} is a number of minutes, such as 12 or 7.5, not '{text}'")
    if not 0 < value <= 300:
        fail(f"{what} is more than 0 and at most 300 minutes, not {text}")
    return value


def _today() -> date:
    return datetime.now().astimezone().date()


def log_walk(
    ctx: typer.Context,
    minutes: Annotated[str, typer.Argument(help="How long you walked, in minutes (12 or 7.5).")],
    database_url: DatabaseUrl = None,
) -> None:
    """Log a walk, in minutes (it counts towards your walking plan)."""
    from supple.app import walking
    from supple.presentation.programme import walk_summary

    value = _minutes(minutes, "a walk")
    with open_person(ctx, database_url) as store:
        walking.log(store=store, minutes=value)
        plan = walking.plan(source=store, today=_today())
    typer.echo(f"Logged a walk of {value:g} minutes.")
    if plan is None:
        typer.echo("Start a walking plan with `supple walking --comfortable MINUTES`.")
    else:
        typer.echo(walk_summary(plan))


def walking_cmd(
    ctx: typer.Context,
    comfortable: Annotated[
        str | None,
        typer.Option(
            "--comfortable",
            metavar="MINUTES",
            help="Start (or start again) the plan from the minutes you can walk comfortably.",
        ),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Your walking plan: today's walk, and each week walked so far."""
    from supple.app import walking
    from supple.presentation.programme import WALK_WHY, walk_summary, walk_week

    with open_person(ctx, database_url) as store:
        if comfortable is not None:
            walking.start(store=store, minutes=_minutes(comfortable, "a comfortable walk"))
        plan = walking.plan(source=store, today=_today())
    if plan is None:
        typer.echo(
            "No walking plan yet. Say how many minutes you can walk comfortably: "
            "`supple walking --comfortable 10`."
        )
        return
    typer.echo(walk_summary(plan))
    for week in plan.weeks[:-1]:
        typer.echo(f"  {walk_week(week)}")
    typer.echo(WALK_WHY)


def learn(
    ctx: typer.Context,
    lesson_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="A lesson's id (default: today's lesson).")
    ] = None,
    show_list: Annotated[
        bool, typer.Option("--list", help="List every lesson, read or not, and stop.")
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Read today's short lesson (or the one named), and mark it read."""
    from supple.app import lessons
    from supple.library import UnknownLesson, load_lessons

    every = load_lessons()
    today = _today()
    with open_person(ctx, database_url) as store:
        profile = store.latest_profile()
        if show_list:
            _list_lessons(lessons.listing(store=store, lessons=every, today=today, profile=profile))
            return
        if lesson_id is None:
            pick = lessons.today(source=store, lessons=every, today=today, profile=profile)
            if pick is None:
                fail("there are no lessons")
            lesson_id = pick.id
        try:
            lesson = lessons.read(store=store, lessons=every, lesson_id=lesson_id)
        except UnknownLesson as exc:
            fail(str(exc))
    _show_lesson(lesson)


def _list_lessons(listed: list[Listed]) -> None:
    from rich.table import Table

    table = Table(title="Lessons", title_justify="left")
    for col in ("", "id", "title", "minutes", "read"):
        table.add_column(col)
    for entry in listed:
        table.add_row(
            "today" if entry.todays else "",
            entry.lesson.id,
            entry.lesson.title,
            str(entry.lesson.minutes),
            entry.read_on.astimezone().strftime("%Y-%m-%d") if entry.read_on else "",
        )
    console().print(table)


def _show_lesson(lesson: Lesson) -> None:
    out = console()
    out.print(f"{lesson.title}  ({lesson.minutes} min)", style="bold", markup=False)
    for paragraph in lesson.body:
        out.print(paragraph, markup=False, highlight=False)
        out.print("")
    out.print("Sources:", style="dim")
    for source in lesson.sources:
        out.print(f"- {source}", style="dim", markup=False, highlight=False)
    out.print("Marked read. Every lesson: `supple learn --list`.", style="dim", markup=False)


def register(app: typer.Typer, log_app: typer.Typer) -> None:
    """Add this module's commands to ``app`` (and ``supple log walk`` to ``log_app``)."""
    from supple.cli import direction_cmd, support_cmd

    log_app.command("walk")(log_walk)
    app.command("walking")(walking_cmd)
    app.command("learn")(learn)
    app.command("test-direction")(direction_cmd.test_direction)
    app.command("screen-risk")(support_cmd.screen_risk)


__all__ = ["learn", "log_walk", "register", "walking_cmd"]
