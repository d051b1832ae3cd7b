"""``supple start``: the guided session in the terminal (full screen, or line by line)."""

from __future__ import annotations

import os
import signal
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from supple.cli.common import fail, library_of, read_text, settings_of
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from supple.cli.voice import Voice
    from supple.library.loader import Library
    from supple.planner.model import Plan
    from supple.planner.substitute import Substitution
    from supple.session.events import SessionEvent
    from supple.store import PersonStore


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""

    @app.command("start")
    def start(
        ctx: typer.Context,
        profile: Path | None = typer.Option(
            None, "--profile", help="Plan from this profile file (YAML or JSON), not the saved one."
        ),
        plan_file: Path | None = typer.Option(
            None, "--plan", help="Run this plan file (as printed by `supple plan --json`)."
        ),
        minutes: int | None = typer.Option(
            None, "--minutes", min=3, max=60, help="Length of today's routine in minutes."
        ),
        countdown: int = typer.Option(
            5, "--countdown", min=0, max=30, help="Seconds of get-ready countdown per exercise."
        ),
        voice: bool = typer.Option(False, "--voice", help="Speak the cues (needs espeak-ng)."),
        mute: bool = typer.Option(False, "--mute", help="Silence everything: no voice, no bell."),
        plain: bool = typer.Option(False, "--plain", help="Line-by-line mode, no full screen."),
        resume: bool = typer.Option(
            False, "--resume", help="Continue the unfinished session from its next exercise."
        ),
        database_url: DatabaseUrl = None,
    ) -> None:
        """Follow today's routine with a guided timer; every step is saved as it happens."""
        _run(
            ctx,
            Choice(profile, plan_file, minutes, resume),
            Play(countdown, voice, mute, plain),
            database_url,
        )


@dataclass(frozen=True)
class Choice:
    """Which routine to run: a profile file, a plan file, the minutes, or the unfinished one."""

    profile: Path | None
    plan_file: Path | None
    minutes: int | None
    resume: bool


@dataclass(frozen=True)
class Play:
    """How to play it."""

    countdown: int
    voice: bool
    mute: bool
    plain: bool


def _run(ctx: typer.Context, choice: Choice, play: Play, database_url: str | None) -> None:
    from supple.app import sessions

    library = library_of(ctx).load()
    settings = settings_of(ctx)
    full_screen = not play.plain and sys.stdin.isatty() and sys.stdout.isatty()
    full_screen = full_screen and os.environ.get("TERM", "dumb") != "dumb"
    scale = settings.time_scale  # a hidden knob for tests and demos: N times faster
    with open_person(ctx, database_url) as store:
        sessions.close_stale(store=store, now=_now())
        if choice.resume:
            session, start_item, ask_pain_before, substitute = _resumed(store, library)
        else:
            if choice.profile is None and choice.plan_file is None:
                from supple.cli.check_cmd import safety_first
                from supple.cli.common import console

                safety_first(console(), store, date.today(), command="supple start")
            plan, substitute = _todays_plan(store, library, choice)
            session = sessions.start(store=store, plan=plan, key=str(uuid.uuid4()), at=_now())
            start_item, ask_pain_before = 0, True
        _coach(
            store,
            library,
            session,
            substitute,
            start_item,
            ask_pain_before,
            play,
            scale,
            full_screen=full_screen,
            resumed=choice.resume,
            speech_command=settings.speech_command,
        )


def _resumed(store: PersonStore, library: Library) -> tuple[Any, int, bool, Substitution]:
    """The unfinished session to continue, from its next move; say which one it is."""
    from supple.app import sessions
    from supple.presentation import resume_words

    found = sessions.resume(store=store)
    if found is None:
        fail("there is no unfinished session to resume; start one with `supple start`")
    typer.echo(resume_words(found.state.started_at, found.moves_done, found.moves, found.next_name))
    substitute = sessions.substitution(store=store, library=library, today=date.today())
    if found.next_index >= found.moves:
        typer.echo("Every move of that session is logged; closing it.")
    return found.session, found.next_index, found.state.pain_before is None, substitute


def _coach(
    store: PersonStore,
    library: Library,
    session: Any,
    substitute: Substitution,
    start_item: int,
    ask_pain_before: bool,
    play: Play,
    scale: float,
    *,
    full_screen: bool,
    resumed: bool,
    speech_command: str | None,
) -> None:
    """Play ``session`` from ``start_item``, recording every step, then ask how the pain is."""
    from supple.app import sessions
    from supple.cli.coach_plain import ask_feedback, ask_pain, ask_spread, run_plain
    from supple.cli.voice import Spoken
    from supple.presentation import plural
    from supple.session.coach import Coach
    from supple.session.player import Player
    from supple.session.timeline import SOUND_ONLY_KINDS

    current = [session]  # the session follows a new plan when an easier variant comes in

    def record(event: SessionEvent) -> None:
        sessions.record(store=store, session=current[0], event=event)

    def words(plan: Plan) -> Any:
        return sessions.timeline(plan, library, countdown_s=play.countdown).speech

    timeline = sessions.timeline(session.plan, library, countdown_s=play.countdown)
    player = Player(timeline, lambda: time.monotonic() * scale, start_item=start_item)
    speaker = _voice(play.voice, play.mute, speech_command)
    spoken = Spoken(speaker, timeline.speech)

    def replanned(plan: Plan) -> None:
        current[0] = sessions.follow(store=store, session=current[0], plan=plan)
        spoken.load(words(plan))

    coach = Coach(
        player,
        plan=session.plan,
        library=library,
        substitute=substitute,
        record=record,
        say=lambda cue: speaker.ring() if cue.kind in SOUND_ONLY_KINDS else spoken.say(cue),
        countdown_s=play.countdown,
        replanned=replanned,
    )
    playing = start_item < len(session.plan.items)
    if ask_pain_before and playing:
        ask_pain(coach, "before", "Before you start: pain right now, 0 (none) to 10 (worst)?")
    try:
        if playing:
            with _stop_signals_quit():
                if full_screen:
                    from supple.cli.coach_view import run_full_screen

                    run_full_screen(coach, scale)
                else:
                    run_plain(coach, scale, resumed=resumed)
    finally:
        speaker.close(wait=0 if player.quit_early else 3)
    if not player.quit_early and coach.asking is not None:
        ask_feedback(coach, during=False)  # the last exercise has not been asked about yet
    question = "Stopped" if player.quit_early else "All done"
    if not coach.interrupted:  # stopped with q (asked first) or played out: ask how it is
        ask_pain(coach, "after", f"{question}: pain right now, 0 (none) to 10 (worst)?")
    if not player.quit_early:
        ask_spread(coach, substitute.profile)
    coach.finish()
    verb = "finished" if coach.end_status() == "finished" else "stopped early"
    typer.echo(
        f"Session {verb}: {plural(coach.done, 'move')} done, {coach.skipped} skipped; saved in "
        f"{store.where}."
    )


def _now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def _stop_signals_quit() -> Iterator[None]:
    """Treat SIGTERM and SIGHUP like Ctrl-C while playing: save, restore the terminal, stop."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    saved = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _voice(voice: bool, mute: bool, speech_command: str | None) -> Voice:
    from supple.cli.voice import ESPEAK, Voice

    command = (speech_command or "").split() or list(ESPEAK)
    bell: Callable[[], None] | None = None
    if sys.stdout.isatty():

        def bell() -> None:
            sys.stdout.write("\a")
            sys.stdout.flush()

    return Voice(
        speak=voice,
        mute=mute,
        command=command,
        bell=bell,
        note=lambda text: typer.echo(f"Note: {text}", err=True),
    )


def _todays_plan(store: PersonStore, library: Library, choice: Choice) -> tuple[Plan, Substitution]:
    """The plan to run (a plan file, or today's plan as `supple plan` makes it) and the swap
    rule for its easier variants."""
    from pydantic import ValidationError

    from supple.app import plans, sessions
    from supple.app.errors import NoProfile
    from supple.planner.model import Plan
    from supple.safety.profile_input import ProfileError, parse_document, profile_from

    today = date.today()
    if choice.plan_file is not None:
        try:
            plan = Plan.model_validate_json(read_text(choice.plan_file))
        except ValidationError as exc:
            fail(f"{choice.plan_file}: not a plan ({exc.errors()[0]['msg']})")
        substitute = sessions.substitution(store=store, library=library, today=today)
    else:
        profile = None
        if choice.profile is not None:
            try:
                text = read_text(choice.profile)
                profile = profile_from(parse_document(text, str(choice.profile)))
            except ProfileError as exc:
                fail(str(exc))
        try:
            made = plans.todays_plan(
                store=store, library=library, today=today, profile=profile, minutes=choice.minutes
            )
        except NoProfile:
            fail("no saved answers yet: run `supple check` first, or pass --profile FILE")
        plan, substitute = made.plan, made.request.substitution(library)
    if plan.status == "refer" or not plan.items:
        advice = plan.referral.advice if plan.referral else "this plan has no exercises"
        fail(f"no routine to run: {advice}")
    return plan, substitute
