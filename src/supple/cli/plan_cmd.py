"""`supple check`, `supple plan` and `supple program`: screening answers in, a routine out.

The answers come from a file (``--profile``), from flags, from the saved answers, or from the
questionnaire (`supple check`). Rich, PyYAML and the domain load inside the commands so
`supple --help` stays fast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from supple.cli.common import console, fail, library_of, print_json, read_text, user_text
from supple.cli.plan_view import show_plan, show_program, show_referral
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from rich.console import Console

    from supple.app.plans import PlanRequest
    from supple.safety.questions import Question


def register(app: typer.Typer) -> None:
    """Add `supple check`, `supple plan` and `supple program` to ``app``."""
    app.command("check")(check)
    app.command("plan")(plan)
    app.command("program")(program)


# --- shared options -------------------------------------------------------------------------

ProfileFile = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        metavar="FILE",
        help="Read the answers from this YAML or JSON file (flags below override it).",
    ),
]
PainAreas = Annotated[
    str | None,
    typer.Option(
        "--pain-areas",
        metavar="AREAS",
        help="Where it hurts, comma-separated: lower_back, upper_back, neck, buttock_or_leg, hip.",
    ),
]
PainNow = Annotated[
    int | None, typer.Option("--pain-now", metavar="N", help="Pain right now, 0 to 10.")
]
PainWeeks = Annotated[
    float | None,
    typer.Option("--pain-weeks", metavar="WEEKS", help="How many weeks this bout has lasted."),
]
EasesWith = Annotated[
    str | None,
    typer.Option(
        "--eases-with",
        metavar="ACTIVITIES",
        help="What eases it, comma-separated: bending_forward, bending_backward, sitting, "
        "standing, walking, lying_down, twisting.",
    ),
]
WorseWith = Annotated[
    str | None,
    typer.Option(
        "--worse-with",
        metavar="ACTIVITIES",
        help="What makes it worse, comma-separated (same words).",
    ),
]
RedFlag = Annotated[
    list[str] | None,
    typer.Option(
        "--red-flag",
        metavar="FLAG",
        help="A red flag that applies, e.g. fever_or_chills (repeatable).",
    ),
]
ConditionOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--condition",
        metavar="CONDITION",
        help="A condition that applies, e.g. pregnancy (repeatable).",
    ),
]
PregnancyWeeks = Annotated[
    int | None,
    typer.Option("--pregnancy-weeks", metavar="WEEKS", help="Weeks of pregnancy (with pregnancy)."),
]
Age = Annotated[int | None, typer.Option("--age", metavar="YEARS", help="Age in years.")]
NoFloor = Annotated[
    bool, typer.Option("--no-floor", help="Getting down to the floor is not possible.")
]
NoKneel = Annotated[bool, typer.Option("--no-kneel", help="Kneeling is not possible.")]
NoFront = Annotated[
    bool, typer.Option("--no-front-lying", help="Lying on the front is not possible.")
]
EquipmentOpt = Annotated[
    str | None,
    typer.Option(
        "--equipment",
        metavar="ITEMS",
        help="What you have, comma-separated: mat, towel_or_strap, chair, wall, doorway, step "
        "(or 'none').",
    ),
]
Minutes = Annotated[
    int | None, typer.Option("--minutes", metavar="N", help="Minutes available, 3 to 60.")
]
Seed = Annotated[
    int | None,
    typer.Option("--seed", metavar="N", help="Variety seed: the same seed gives the same plan."),
]
Day = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="Plan for this day, YYYY-MM-DD (default: today; sets variety).",
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON (see docs/plan-schema.md).")]
Explain = Annotated[
    bool, typer.Option("--explain", help="List every left-out exercise with the rule behind it.")
]


def _split(text: str | None) -> list[str] | None:
    if text is None:
        return None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return [] if parts == ["none"] else parts


def _many(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [p for v in values for p in (_split(v) or [])]


#: Profile fields given as comma-separated text, and those given by repeating a flag.
_LIST_FLAGS = ("pain_areas", "eases_with", "worse_with", "equipment")
_REPEATED_FLAGS = {"red_flag": "red_flags", "condition": "conditions"}
_SCALAR_FLAGS = ("pain_now", "pain_weeks", "pregnancy_weeks", "age", "minutes")
_NEGATED_FLAGS = {
    "no_floor": "can_get_to_floor",
    "no_kneel": "can_kneel",
    "no_front_lying": "can_lie_on_front",
}


def _flag_answers(params: dict[str, Any]) -> dict[str, Any]:
    """The profile fields set by a command's flags (``ctx.params``; None means: not given)."""
    answers: dict[str, Any] = {}
    for field in _LIST_FLAGS:
        answers[field] = _split(params.get(field))
    for flag, field in _REPEATED_FLAGS.items():
        answers[field] = _many(params.get(flag))
    for field in _SCALAR_FLAGS:
        answers[field] = params.get(field)
    for flag, field in _NEGATED_FLAGS.items():
        if params.get(flag):
            answers[field] = False
    return {k: v for k, v in answers.items() if v is not None}


def _request(
    ctx: typer.Context,
    profile_file: Path | None,
    flags: dict[str, Any],
    database_url: str | None,
    *,
    day: date,
    seed: int | None,
) -> PlanRequest:
    """What the plan is made from: the answers (the file, else the saved ones, else the
    defaults; the flags on top) and, without a file, what tracking learned from feedback."""
    from supple.app import plans
    from supple.planner.adjust import NO_ADJUSTMENTS
    from supple.safety.profile_input import ProfileError, parse_document, profile_from

    try:
        if profile_file is not None:
            base = parse_document(read_text(profile_file), str(profile_file))
            profile = profile_from({**base, **flags})
            return plans.PlanRequest(profile, NO_ADJUSTMENTS, day, seed=seed)
        with open_person(ctx, database_url) as store:
            saved = store.latest_profile()
            profile = profile_from({**(saved.model_dump() if saved else {}), **flags})
            return plans.request(
                store=store,
                library=library_of(ctx),
                today=date.today(),
                profile=profile,
                learn=True,
                day=day,
                seed=seed,
            )
    except ProfileError as exc:
        fail(str(exc))


def _day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--date: '{text}' is not a date like 2026-03-01")


# --- supple plan ----------------------------------------------------------------------------


def plan(
    ctx: typer.Context,
    profile_file: ProfileFile = None,
    pain_areas: PainAreas = None,
    pain_now: PainNow = None,
    pain_weeks: PainWeeks = None,
    eases_with: EasesWith = None,
    worse_with: WorseWith = None,
    red_flag: RedFlag = None,
    condition: ConditionOpt = None,
    pregnancy_weeks: PregnancyWeeks = None,
    age: Age = None,
    no_floor: NoFloor = False,
    no_kneel: NoKneel = False,
    no_front_lying: NoFront = False,
    equipment: EquipmentOpt = None,
    minutes: Minutes = None,
    seed: Seed = None,
    day: Day = None,
    as_json: AsJson = False,
    explain: Explain = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Screen the answers and print a referral or today's routine, each move with its reason."""
    from supple.app import plans

    req = _request(
        ctx, profile_file, _flag_answers(ctx.params), database_url, day=_day(day), seed=seed
    )
    result = plans.make(req, library_of(ctx).load())
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    show_plan(console(), result, req.profile.minutes, explain=explain)


def program(
    ctx: typer.Context,
    weeks: Annotated[
        int, typer.Option("--weeks", metavar="N", help="How many weeks, 1 to 26.")
    ] = 6,
    profile_file: ProfileFile = None,
    pain_areas: PainAreas = None,
    pain_now: PainNow = None,
    pain_weeks: PainWeeks = None,
    eases_with: EasesWith = None,
    worse_with: WorseWith = None,
    red_flag: RedFlag = None,
    condition: ConditionOpt = None,
    pregnancy_weeks: PregnancyWeeks = None,
    age: Age = None,
    no_floor: NoFloor = False,
    no_kneel: NoKneel = False,
    no_front_lying: NoFront = False,
    equipment: EquipmentOpt = None,
    minutes: Minutes = None,
    seed: Seed = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", metavar="YYYY-MM-DD", help="First day, YYYY-MM-DD (default: today)."
        ),
    ] = None,
    as_json: AsJson = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Print a multi-week programme: strength moves climb and holds grow every week."""
    from supple.app import plans
    from supple.planner.program import MAX_WEEKS

    if not 1 <= weeks <= MAX_WEEKS:
        fail(f"--weeks must be between 1 and {MAX_WEEKS}")
    req = _request(
        ctx, profile_file, _flag_answers(ctx.params), database_url, day=_day(start), seed=seed
    )
    result = plans.programme(req, library_of(ctx).load(), weeks=weeks)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    show_program(console(), result)


# --- supple check ---------------------------------------------------------------------------


def check(
    ctx: typer.Context,
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
    from supple.safety.profile_input import ProfileError, profile_from, profile_to_yaml
    from supple.safety.questions import QUESTIONS
    from supple.safety.screen import bout_clearances

    out = console()
    out.print(
        "[bold]A few questions about your back.[/bold] Answer as best you can; press Enter to "
        "accept the suggestion in brackets. Supple does not diagnose: it tells you when to get "
        "checked."
    )
    today = date.today()
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
        fail(str(exc))
    if output is not None:
        try:
            output.write_text(profile_to_yaml(profile), encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}")
        out.print(user_text(f"Answers saved to {output}."))
    if no_store:
        verdict = screening.judge(profile, today=today)
    else:
        with open_person(ctx, database_url) as store:
            verdict = screening.answer(store=store, profile=profile, today=today)
        out.print("Answers saved; `supple plan` will use them.")
    if verdict.referral is None:
        out.print(
            "[green]Nothing in your answers needs checking first.[/green] "
            "Run `supple plan` for today's routine."
        )
        return
    from supple.planner import Plan

    show_referral(out, Plan(status="refer", referral=verdict.referral))


#: Where the answer to "has this bout been checked?" waits until the profile is built.
_BOUT = "_bout_checked"


def _prompts() -> tuple[Any, Any]:
    """Rich's Confirm and Prompt without the ':' after our questions (which end with '?')."""
    from rich.prompt import Confirm as RichConfirm
    from rich.prompt import Prompt as RichPrompt

    class Confirm(RichConfirm):
        prompt_suffix = " "

    class Prompt(RichPrompt):
        prompt_suffix = " "

    return Confirm, Prompt


def _ask(out: Console, q: Question, answers: dict[str, Any], today: date) -> None:
    """Ask ``q`` until the answer is valid, and store it in ``answers``."""
    from supple.app.screening import suggested_answers
    from supple.safety.questions import AnswerError, parse_answer

    confirm, prompt = _prompts()
    hint = f" [dim]({q.hint})[/dim]" if q.hint else ""
    if q.kind == "red_flag":
        if confirm.ask(q.text, default=False, console=out):
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
    # The suggestion is the profile's own default, the one the web form starts with too.
    suggested = q.default if q.default is not None else suggested_answers().get(q.field)
    default = f"{suggested:g}" if isinstance(suggested, int | float) else ""
    if q.kind in ("choices", "one_of"):
        picked = suggested if isinstance(suggested, list) else [suggested]
        for n, (_, label) in enumerate(q.choices, 1):
            out.print(f"  {n}. {label}")
        default = ",".join(str(n) for n, (v, _) in enumerate(q.choices, 1) if v in picked)
        hint += " [dim]numbers, comma-separated, or none[/dim]" if q.kind == "choices" else ""
    while True:
        raw = prompt.ask(q.text + hint, default=default, console=out, show_default=bool(default))
        if q.kind == "choices" and raw.strip().lower() == "none":
            answers[q.field] = []
            return
        try:
            value = parse_answer(q, raw)
        except AnswerError as exc:
            out.print(user_text(exc, style="red"))
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
            out.print(user_text(exc, style="red"))
