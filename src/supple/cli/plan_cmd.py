"""`supple plan` and `supple program`: screening answers in, a routine out.

The answers come from a file (``--profile``), from flags, or from the saved answers (given by
`supple check`, which asks the safety questions again here when they are due). Rich, PyYAML and
the domain load inside the commands so `supple --help` stays fast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from supple.cli.common import (
    console,
    fail,
    library_of,
    print_json,
    profile_problem,
    read_text,
)
from supple.cli.plan_view import show_plan, show_program
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from supple.app.plans import PlanRequest


def register(app: typer.Typer) -> None:
    """Add `supple plan` and `supple program` to ``app``."""
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
        fail(profile_problem(exc, str(profile_file) if profile_file else None, flags))


def _safety_first(ctx: typer.Context, database_url: str | None, command: str) -> None:
    """Ask the safety questions again first when they are due (the saved answers only)."""
    from supple.cli.check_cmd import safety_first

    with open_person(ctx, database_url) as store:
        if store.latest_profile() is not None:
            safety_first(console(), store, date.today(), command=command)


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

    if profile_file is None:
        _safety_first(ctx, database_url, "supple plan")
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
