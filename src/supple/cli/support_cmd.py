"""`supple screen-risk`: the ten-question support check, and what its answers suggest."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from supple.cli.common import fail
from supple.cli.store_opts import DatabaseUrl, open_person


def _ask_all() -> dict[str, int]:
    from supple.presentation.programme import DURATION_BANDS, QUESTIONNAIRE_INTRO, QUESTIONS
    from supple.tracking.stratify import ITEMS

    typer.echo(QUESTIONNAIRE_INTRO)
    answers: dict[str, int] = {}
    for n, item in enumerate(ITEMS, 1):
        question, low, high = QUESTIONS[item.id]
        if item.id == "duration":
            bands = "  ".join(f"{k} {band}" for k, band in enumerate(DURATION_BANDS, 1))
            prompt = f"{n}. {question}\n  {bands}\n> "
        else:
            prompt = f"{n}. {question} ({low} ... {high}) "
        while True:
            try:
                text = input(prompt).strip()
            except EOFError:
                fail("the questions were cut short; nothing was saved")
            if text.isdigit() and item.low <= int(text) <= item.high:
                answers[item.id] = int(text)
                break
            typer.echo(f"  Type a whole number from {item.low} to {item.high}.")
    return answers


def screen_risk(
    ctx: typer.Context,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            metavar="QUESTION=N",
            help="QUESTION=N for each of the ten questions (ids in docs/cli.md); without it "
            "you are asked.",
        ),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """The support check: ten questions that show how much support would help you."""
    from supple.app import support
    from supple.app.errors import Refused
    from supple.presentation.programme import tier_line

    given: dict[str, int] = {}
    for pair in answer or []:
        name, sep, value = pair.partition("=")
        if not sep or not value.strip().lstrip("-").isdigit():
            fail(f"write --answer as QUESTION=N, for example pain=4, not '{pair}'")
        given[name.strip()] = int(value)
    answers = given or _ask_all()
    with open_person(ctx, database_url) as store:
        try:
            screen = support.answer(
                store=store, answers=answers, today=datetime.now().astimezone().date()
            )
        except Refused as exc:
            fail(str(exc))
    typer.echo(tier_line(screen))
