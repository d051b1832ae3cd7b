"""`supple test-direction`: the home directional-preference test, asked one step at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from supple.cli.common import fail, library_of
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from supple.tracking.direction_test import Location


def _ask(question: str) -> str:
    try:
        return input(question)
    except EOFError:
        fail("the test was cut short; nothing was saved")


def _choose(question: str, options: dict[str, str]) -> str:
    """Ask until one of the numbered options is chosen; return its key."""
    keys = list(options)
    menu = "  ".join(f"{n} {options[k]}" for n, k in enumerate(keys, 1))
    while True:
        answer = _ask(f"{question}\n  {menu}\n> ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(keys):
            return keys[int(answer) - 1]
        typer.echo(f"  Type a number from 1 to {len(keys)}.")


def _where(question: str) -> Location:
    from supple.presentation.programme import LOCATION_WORDS

    return _choose(question, LOCATION_WORDS)  # type: ignore[return-value]


def test_direction(
    ctx: typer.Context,
    position: Annotated[
        str,
        typer.Option(
            "--position",
            metavar="standing|lying",
            help="standing (bending forward sitting on a chair) or lying (on the floor).",
        ),
    ] = "standing",
    database_url: DatabaseUrl = None,
) -> None:
    """A home test of repeated movements: which direction eases your back (McKenzie-style)."""
    from supple.app import direction
    from supple.app.errors import Conflict
    from supple.presentation.programme import (
        CHANGE_WORDS,
        STOP_SIGN,
        TEST_INTRO,
        TEST_STEPS,
        direction_result_lines,
    )
    from supple.tracking.direction_test import (
        REPS,
        TEST_POSITIONS,
        DirectionAnswers,
        Report,
        Round,
        spreads,
    )

    if position not in TEST_POSITIONS:
        fail(f"--position is standing or lying, not '{position}'")
    library = library_of(ctx).load()
    with open_person(ctx, database_url) as store:
        profile = store.latest_profile()
        if profile is None:
            fail("no saved answers yet: run `supple check` first")
        try:
            moves = direction.moves(profile=profile, library=library, position=position)
        except Conflict as exc:
            fail(str(exc))
        typer.echo(TEST_INTRO)
        rounds: list[Round] = []
        before = _where("Before you start: where is the pain now?")
        for way, move in moves.items():
            if move is None:
                typer.echo(f"\n{way.capitalize()}: not tested, its move is left out for you.")
                continue
            if rounds:
                before = _where(f"\nBefore the {way} test: where is the pain now?")
            typer.echo(f"\n{way.capitalize()} ({move.name}): {TEST_STEPS[(position, way)]}")
            answer = _ask(
                f"Do {REPS} slow repetitions. Type s and Enter the moment the pain spreads "
                "further down your leg; press Enter when you have done all ten. "
            )
            stopped = answer.strip().lower().startswith("s")
            reps = REPS
            if stopped:
                typer.echo(STOP_SIGN)
                count = _ask(f"How many repetitions did you do (0-{REPS})? ").strip()
                reps = int(count) if count.isdigit() and int(count) <= REPS else 0
            now = _where("Where is the pain now?")
            change = _choose("Compared with before, is it", CHANGE_WORDS)
            if not stopped and spreads(before, now):
                typer.echo(STOP_SIGN)
                stopped = True
            after = Report(where=now, change=change)
            rounds.append(
                Round(direction=way, before=before, reps=reps, after=after, stopped=stopped)
            )
        answers = DirectionAnswers(position=position, rounds=rounds)
        found = direction.record(store=store, profile=profile, library=library, answers=answers)
    typer.echo("\nResult:")
    for line in direction_result_lines(found):
        typer.echo(f"  {line}")
