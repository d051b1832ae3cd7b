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
from typing import TYPE_CHECKING

import typer

from supple.cli.common import fail, library_of, read_text, settings_of
from supple.cli.store_opts import DatabaseUrl, open_person

if TYPE_CHECKING:
    from supple.cli.voice import Voice
    from supple.library.loader import Library
    from supple.planner.model import Plan
    from supple.planner.substitute import Substitution
    from supple.safety.profile import Profile
    from supple.session.coach import Coach
    from supple.session.events import SessionEvent
    from supple.session.kinds import PainMoment
    from supple.store import PersonStore

#: How often the plain mode wakes up when no cue is near (real seconds).
PLAIN_TICK_S = 0.05


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
    from supple.presentation import cue_text
    from supple.session.coach import Coach
    from supple.session.player import Player
    from supple.session.timeline import SOUND_ONLY_KINDS

    library = library_of(ctx).load()
    settings = settings_of(ctx)
    full_screen = not play.plain and sys.stdin.isatty() and sys.stdout.isatty()
    full_screen = full_screen and os.environ.get("TERM", "dumb") != "dumb"
    scale = settings.time_scale  # a hidden knob for tests and demos: N times faster
    with open_person(ctx, database_url) as store:
        if choice.resume:
            found = sessions.resume(store=store)
            if found is None:
                fail("there is no unfinished session to resume; start one with `supple start`")
            session, start_item = found.session, found.next_index
            ask_pain_before = found.state.pain_before is None
            substitute = sessions.substitution(store=store, library=library, today=date.today())
            if start_item >= len(session.plan.items):
                typer.echo("Every exercise of that session is logged; closing it.")
        else:
            plan, substitute = _todays_plan(store, library, choice)
            session = sessions.start(store=store, plan=plan, key=str(uuid.uuid4()), at=_now())
            start_item, ask_pain_before = 0, True
        current = [session]  # the session follows a new plan when an easier variant comes in

        def record(event: SessionEvent) -> None:
            sessions.record(store=store, session=current[0], event=event)

        def replanned(plan: Plan) -> None:
            current[0] = sessions.follow(store=store, session=current[0], plan=plan)

        timeline = sessions.timeline(session.plan, library, countdown_s=play.countdown)
        player = Player(timeline, lambda: time.monotonic() * scale, start_item=start_item)
        speaker = _voice(play.voice, play.mute, settings.speech_command)
        coach = Coach(
            player,
            plan=session.plan,
            library=library,
            substitute=substitute,
            record=record,
            say=lambda cue: (
                speaker.ring() if cue.kind in SOUND_ONLY_KINDS else speaker.say(cue_text(cue))
            ),
            countdown_s=play.countdown,
            replanned=replanned,
        )
        playing = start_item < len(session.plan.items)
        if ask_pain_before and playing:
            _ask_pain(coach, "before", "Before you start: pain right now, 0 (none) to 10 (worst)?")
        try:
            if playing:
                with _stop_signals_quit():
                    if full_screen:
                        from supple.cli.coach_view import run_full_screen

                        run_full_screen(coach, scale)
                    else:
                        _run_plain(coach, scale, resumed=choice.resume)
        finally:
            speaker.close(wait=0 if player.quit_early else 3)
        if not player.quit_early:
            if coach.asking is not None:  # the last exercise has not been asked about yet
                _ask_feedback(coach, during=False)
            _ask_pain(coach, "after", "All done: pain right now, 0 (none) to 10 (worst)?")
            _ask_spread(coach, substitute.profile)
        coach.finish()
        verb = "stopped early" if player.quit_early else "finished"
        typer.echo(
            f"Session {verb}: {coach.done} exercise(s) done, {coach.skipped} skipped; saved in "
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


def _ask_pain(coach: Coach, when: PainMoment, question: str) -> None:
    """Ask for a pain score until it is valid; an empty answer or end of input skips it."""
    from supple.session.feedback import parse_pain

    while True:
        try:
            answer = input(f"{question} ")
        except EOFError:
            typer.echo("")
            return
        if not answer.strip():
            return
        try:
            coach.pain(when, parse_pain(answer))
            return
        except ValueError as exc:
            typer.echo(f"  {exc}")


def _ask_spread(coach: Coach, profile: Profile) -> None:
    """With leg pain in the answers: did leg symptoms spread further during a move? Each move
    named is left out of the next plan, with the direction it bends the spine in."""
    from supple.session.feedback import asks_about_leg, parse_items

    if not asks_about_leg(profile):
        return
    items = coach.player.timeline.items
    names = "  ".join(f"{n} {item.name}" for n, item in enumerate(items, 1))
    question = (
        "Did your leg symptoms spread further down the leg during any move? Type its number(s), "
        f"or press Enter for none.\n  {names}\n> "
    )
    while True:
        answer = _ask(question)
        try:
            chosen = parse_items(answer, len(items))
        except ValueError as exc:
            typer.echo(f"  {exc}")
            continue
        for index in chosen:
            coach.spread(index)
        if chosen:
            typer.echo(
                "Noted: those moves, and the direction they bend your back, are left out "
                "of your next routine."
            )
        return


def _ask(question: str) -> str:
    try:
        return input(question)
    except EOFError:
        return ""


def _ask_feedback(coach: Coach, *, during: bool) -> None:
    """Ask the optional quick feedback on the exercise just finished (Enter skips it)."""
    from supple.session.feedback import parse_feedback

    name = coach.player.timeline.items[coach.asking or 0].name
    answer = _ask(f"How was {name}? 1 fine, 2 too easy, 3 too hard, 4 painful, Enter: go on ")
    try:
        feedback = parse_feedback(answer)
    except ValueError:
        feedback = None
    if feedback is not None:
        coach.give_feedback(feedback)
    coach.asking = None
    if coach.offer is None:
        return
    variant = coach.variant
    if during and variant is not None:
        question = f"Try the easier {variant.name} now instead? [y/N] "
        if _ask(question).strip().lower().startswith("y"):
            coach.take_variant()
            return
    elif not during:
        typer.echo("Noted. Ease off next time; if it keeps hurting, the plan will change it.")
    coach.close_offer()


def _run_plain(coach: Coach, scale: float, *, resumed: bool) -> None:
    """Print each cue on its own line; after each exercise, ask for optional feedback."""
    from supple.presentation import cue_text, timestamp
    from supple.session.timeline import SOUND_ONLY_KINDS

    player = coach.player
    player.start()
    if resumed and player.item is not None:
        typer.echo(f"Resuming at exercise {player.item.index + 1}: {player.item.name}")
    try:
        while not player.finished:
            for cue in coach.tick():
                if cue.kind not in SOUND_ONLY_KINDS:
                    typer.echo(f"[{timestamp(cue.at)}] {cue_text(cue)}")
            if coach.asking is not None and not player.finished:
                player.pause()
                _ask_feedback(coach, during=True)
                player.resume()
            nxt = player.seconds_to_next_cue()
            time.sleep(PLAIN_TICK_S if nxt is None else max(0.0, min(PLAIN_TICK_S, nxt / scale)))
        coach.tick()
    except KeyboardInterrupt:
        player.quit()
        typer.echo("\nStopped; what you did is saved.")
