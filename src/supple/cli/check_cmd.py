"""`supple check`: the screening questions in the terminal, or the answers from a file.

Each safety question needs a yes or a no (Enter alone asks again), and so do the pain, how long
it has lasted and where it is: only the answers a person can safely leave to a suggestion (the
equipment at home, the minutes, being able to kneel) accept Enter. The safety questions alone
are asked again when they are due (every four weeks, or when pain rises or spreads); `supple
plan` and `supple start` ask them first then.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from supple.cli.common import console, fail, profile_problem, read_text
from supple.cli.plan_view import show_referral
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from rich.console import Console

    from supple.app.ports import Records
    from supple.app.screening import Verdict
    from supple.safety.questions import Question

#: Where the answer to "has this bout been checked?" waits until the profile is built.
_BOUT = "_bout_checked"
#: Answers a person must give: where it hurts and how much are never taken for granted.
_NEEDED = ("pain_areas", "pain_now", "pain_weeks")


def register(app: typer.Typer) -> None:
    """Add `supple check` to ``app``."""
    app.command("check")(check)


def check(
    ctx: typer.Context,
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="Save the answers in this YAML or JSON file without asking (for scripts and a "
            "clinic's intake); the same checks apply.",
        ),
    ] = None,
    safety: Annotated[
        bool,
        typer.Option(
            "--safety", help="Ask only the safety questions again, keeping your other answers."
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", metavar="FILE", help="Also save the answers to this YAML file."),
    ] = None,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Do not save the answers in the database.")
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Answer the screening questions one at a time; see whether to get checked first."""
    from supple.app import screening
    from supple.safety.profile_input import profile_to_yaml

    out = console()
    today = date.today()
    if safety:
        if answers_file is not None or no_store:
            fail("--safety asks the saved answers' safety questions; it takes no --answers")
        with open_person(ctx, database_url) as store:
            verdict = ask_safety(out, store, today)
        _verdict(out, verdict)
        return
    if answers_file is not None:
        profile = _from_file(answers_file)
    else:
        out.print(
            "[bold]A few questions about your back.[/bold] Answer each one; where a suggestion "
            "is shown in brackets, Enter accepts it. Supple does not diagnose: it tells you when "
            "to get checked."
        )
        profile = _interview(out, today)
    if output is not None:
        try:
            output.write_text(profile_to_yaml(profile), encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}")
        out.print(f"Answers saved to {output}.")
    if no_store:
        verdict = screening.judge(profile, today=today)
    else:
        with open_person(ctx, database_url) as store:
            verdict = screening.answer(store=store, profile=profile, today=today)
        out.print("Answers saved; `supple plan` will use them.")
    _verdict(out, verdict)


def _verdict(out: Console, verdict: Verdict) -> None:
    from supple.planner import Plan

    if verdict.referral is None:
        out.print(
            "[green]Nothing in your answers needs checking first.[/green] "
            "Run `supple plan` for today's routine."
        )
        return
    show_referral(out, Plan(status="refer", referral=verdict.referral), routine_follows=False)


def _from_file(path: Path) -> Any:
    """The profile in an answers file (one line naming the file and the answer otherwise)."""
    from supple.safety.profile_input import ProfileError, parse_document, profile_from

    try:
        return profile_from(parse_document(read_text(path), str(path)))
    except ProfileError as exc:
        fail(profile_problem(exc, str(path)))


def _interview(out: Console, today: date) -> Any:
    """Ask every question that applies, in order, and build the profile."""
    from supple.safety.profile_input import ProfileError, profile_from
    from supple.safety.questions import QUESTIONS
    from supple.safety.screen import bout_clearances

    answers: dict[str, Any] = {"red_flags": [], "cleared": []}
    for question in QUESTIONS:
        if question.asked_if(answers):
            _ask(out, question, answers, today)
    bout = answers.pop(_BOUT, None)
    try:
        profile = profile_from(answers)
        if bout is not None:
            by, on = bout
            checked = [c.model_dump() for c in bout_clearances(profile, by=by, on=on)]
            profile = profile_from({**answers, "cleared": [*answers["cleared"], *checked]})
    except ProfileError as exc:
        fail(profile_problem(exc))
    return profile


def ask_safety(out: Console, store: Records, today: date) -> Verdict:
    """Ask the safety questions that apply to the saved answers again, and keep the answers
    (everything else stays as it was)."""
    from supple.app import screening
    from supple.safety.questions import QUESTIONS

    profile = screening.saved_profile(store)
    answers: dict[str, Any] = {**profile.model_dump(), "red_flags": [], "cleared": []}
    for question in QUESTIONS:
        if question.kind in ("red_flag", "clearance") and question.asked_if(answers):
            _ask(out, question, answers, today)
    return screening.answer_safety(
        store=store,
        red_flags=answers["red_flags"],
        cleared=answers["cleared"],
        bout=answers.get(_BOUT),
        today=today,
    )


def safety_first(out: Console, store: Records, today: date, *, command: str) -> Verdict | None:
    """When the safety questions are due, ask them before ``command`` goes on (in a terminal),
    or say that they are due (when nobody can answer: a script, a pipe). None when not due."""
    from supple.app import screening
    from supple.presentation import rescreen_words

    due = screening.rescreen(store=store, today=today)
    if not due.due or due.reason == "no_answers":
        return None
    if not sys.stdin.isatty():
        typer.echo(
            f"supple: note: the safety questions are due again; answer them with "
            f"`supple check --safety` before `{command}` next time.",
            err=True,
        )
        return None
    out.print(f"[bold]{rescreen_words(due.reason)}[/bold]")
    return ask_safety(out, store, today)


def _prompts() -> tuple[Any, Any]:
    """Rich's Confirm and Prompt without the ':' after our questions (which end with '?')."""
    from rich.prompt import Confirm as RichConfirm
    from rich.prompt import Prompt as RichPrompt

    class Confirm(RichConfirm):
        prompt_suffix = " "
        validate_error_message = "[prompt.invalid]Please answer y (yes) or n (no)."

    class Prompt(RichPrompt):
        prompt_suffix = " "

    return Confirm, Prompt


def _ask(out: Console, q: Question, answers: dict[str, Any], today: date) -> None:
    """Ask ``q`` until the answer is valid, and store it in ``answers``."""
    confirm, _ = _prompts()
    hint = f" [dim]({q.hint})[/dim]" if q.hint else ""
    if q.kind == "red_flag":
        # No default: a safety question is never answered by pressing Enter.
        if confirm.ask(q.text, console=out):
            answers["red_flags"].append(q.flag)
            if q.clearable:
                checked = _ask_check(out, today)
                if checked is not None:
                    by, on = checked
                    answers["cleared"].append({"flag": q.flag, "on": on, "by": by})
        return
    if q.kind == "clearance":
        if confirm.ask(q.text + hint, default=False, console=out):
            answers[_BOUT] = _ask_who_and_when(out, today)
        return
    if q.kind == "yes_no":
        answers[q.field] = confirm.ask(q.text + hint, default=bool(q.default), console=out)
        return
    _ask_typed(out, q, answers, hint)


def _ask_typed(out: Console, q: Question, answers: dict[str, Any], hint: str) -> None:
    """A number or a choice, until the answer fits (a needed one is never skipped)."""
    from supple.app.screening import suggested_answers
    from supple.presentation.screens import ANSWER_THIS, ASK_AREA_TYPED
    from supple.safety.questions import AnswerError, parse_answer

    _, prompt = _prompts()
    # The suggestion is the one the web form starts with too (none for what must be given).
    suggested = q.default if q.default is not None else suggested_answers().get(q.field)
    default = f"{suggested:g}" if isinstance(suggested, int | float) else ""
    if q.kind in ("choices", "one_of"):
        picked = suggested if isinstance(suggested, list) else [suggested]
        for n, (_, label) in enumerate(q.choices, 1):
            out.print(f"  {n}. {label}")
        default = ",".join(str(n) for n, (v, _) in enumerate(q.choices, 1) if v in picked)
        if q.kind == "choices" and q.field not in _NEEDED:
            hint += " [dim]numbers, comma-separated, or none[/dim]"
        elif q.kind == "choices":
            hint += " [dim]numbers, comma-separated[/dim]"
    while True:
        raw = prompt.ask(q.text + hint, default=default, console=out, show_default=bool(default))
        if q.kind == "choices" and raw.strip().lower() == "none" and q.field not in _NEEDED:
            answers[q.field] = []
            return
        try:
            value = parse_answer(q, raw)
        except AnswerError as exc:
            out.print(f"[red]{exc}[/red]")
            continue
        if q.field in _NEEDED and not value and value != 0:
            out.print(f"[red]{ASK_AREA_TYPED if q.field == 'pain_areas' else ANSWER_THIS}[/red]")
            continue
        if value is not None:
            answers[q.field] = value
        return


def _ask_check(out: Console, today: date) -> tuple[str, date] | None:
    """The follow-up to a yes: has a clinician checked it, who, and when (None: no)."""
    from supple.safety.questions import CLEARANCE_HINT, CLEARANCE_QUESTION

    confirm, _ = _prompts()
    text = f"{CLEARANCE_QUESTION} [dim]({CLEARANCE_HINT})[/dim]"
    if not confirm.ask(text, default=False, console=out):
        return None
    return _ask_who_and_when(out, today)


def _ask_who_and_when(out: Console, today: date) -> tuple[str, date]:
    from supple.safety.questions import (
        CLEARANCE_BY,
        CLEARANCE_BY_DEFAULT,
        CLEARANCE_ON,
        AnswerError,
        parse_check,
    )

    _, prompt = _prompts()
    by = prompt.ask(CLEARANCE_BY, default=CLEARANCE_BY_DEFAULT, console=out)
    while True:
        on = prompt.ask(
            f"{CLEARANCE_ON} [dim](YYYY-MM-DD)[/dim]", default=today.isoformat(), console=out
        )
        try:
            return parse_check(by=by, on=on, today=today)
        except AnswerError as exc:
            out.print(f"[red]{exc}[/red]")
