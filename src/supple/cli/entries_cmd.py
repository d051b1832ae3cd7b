"""Correct and delete what you entered: ``supple pain``, ``supple note``, ``supple activity``.

Each command names an entry by its id (``supple history`` shows the ids of pain scores and
notes, ``supple activity list`` those of the activities) and only ever reaches the records of
the person the settings name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from supple.cli.common import console, fail, plain, user_text
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from supple.app.records import Change

EntryId = Annotated[int, typer.Argument(min=1, help="The entry's id (see `supple history`).")]
ActivityId = Annotated[
    int, typer.Argument(min=1, help="The activity's id (see `supple activity list`).")
]


def _said(change: Change) -> None:
    what = {"pain": "Pain entry", "note": "Note", "psfs_activity": "Activity"}[change.kind]
    typer.echo(f"{what} {change.id} {change.action}.")


def correct_pain(
    ctx: typer.Context,
    entry: EntryId,
    score: Annotated[
        int | None, typer.Option("--score", min=0, max=10, help="The right score, 0 to 10.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="The right note.")] = None,
    clear_note: Annotated[
        bool, typer.Option("--clear-note", help="Remove the entry's note.")
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Correct the score or the note of a pain entry."""
    from supple.app import corrections
    from supple.app.records import KEEP

    if score is None and note is None and not clear_note:
        fail("say what to correct: --score N, --note TEXT or --clear-note")
    if note is not None and clear_note:
        fail("give --note or --clear-note, not both")
    with open_person(ctx, database_url) as store:
        change = corrections.correct_pain(
            store=store,
            pain_id=entry,
            score=score,
            note=None if clear_note else (KEEP if note is None else note),
        )
    _said(change)


def delete_pain(ctx: typer.Context, entry: EntryId, database_url: DatabaseUrl = None) -> None:
    """Delete a pain entry (progress and the plan forget it at once)."""
    from supple.app import corrections

    with open_person(ctx, database_url) as store:
        _said(corrections.delete_pain(store=store, pain_id=entry))


def add_note(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="What you want to remember.")],
    session: Annotated[
        int | None, typer.Option("--session", min=1, help="The session it is about.")
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Keep a note, on its own or about a session."""
    from supple.app import corrections

    with open_person(ctx, database_url) as store:
        note_id = corrections.add_note(store=store, text=text, session_id=session)
    typer.echo(f"Note {note_id} kept.")


def correct_note(
    ctx: typer.Context,
    entry: EntryId,
    text: Annotated[str, typer.Argument(help="The note as it should read.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Replace the text of a note."""
    from supple.app import corrections

    with open_person(ctx, database_url) as store:
        _said(corrections.correct_note(store=store, note_id=entry, text=text))


def delete_note(ctx: typer.Context, entry: EntryId, database_url: DatabaseUrl = None) -> None:
    """Delete a note."""
    from supple.app import corrections

    with open_person(ctx, database_url) as store:
        _said(corrections.delete_note(store=store, note_id=entry))


def list_activities(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """List the activities you named for the PSFS, with their ids."""
    from rich.table import Table

    from supple.app import corrections

    with open_person(ctx, database_url) as store:
        found = corrections.activities(store=store)
    if not found:
        typer.echo("No activities named yet: `supple psfs` asks for them.")
        return
    table = Table(title="Activities", title_justify="left")
    table.add_column("id")
    table.add_column("activity")
    for activity in found:
        table.add_row(str(activity.id), user_text(activity.name))
    console().print(table)


def rename_activity(
    ctx: typer.Context,
    activity: ActivityId,
    name: Annotated[str, typer.Argument(help="The new name, 2 to 80 characters.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Rename an activity of the PSFS (its scores stay with it)."""
    from supple.app import corrections

    with open_person(ctx, database_url) as store:
        change = corrections.rename_activity(store=store, activity_id=activity, name=name)
    typer.echo(plain(f"Activity {change.id} is now '{(change.after or {}).get('name')}'."))


def remove_activity(
    ctx: typer.Context, activity: ActivityId, database_url: DatabaseUrl = None
) -> None:
    """Remove an activity of the PSFS and its scores (a place for another)."""
    from supple.app import corrections

    with open_person(ctx, database_url) as store:
        _said(corrections.remove_activity(store=store, activity_id=activity))


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    pain = typer.Typer(help="Correct or delete a pain entry.", no_args_is_help=True)
    pain.command("correct")(correct_pain)
    pain.command("delete")(delete_pain)
    app.add_typer(pain, name="pain")
    note = typer.Typer(help="Keep, correct or delete a note.", no_args_is_help=True)
    note.command("add")(add_note)
    note.command("correct")(correct_note)
    note.command("delete")(delete_note)
    app.add_typer(note, name="note")
    activity = typer.Typer(
        help="List, rename or remove the activities of the PSFS.", no_args_is_help=True
    )
    activity.command("list")(list_activities)
    activity.command("rename")(rename_activity)
    activity.command("remove")(remove_activity)
    app.add_typer(activity, name="activity")
