"""``supple start``: the guided session in the terminal (full screen, or line by line)."""

from __future__ import annotations

import os
import signal
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from supple.cli.common import fail, library_of, read_text, settings_of
from supple.cli.store_opts import DatabaseUrl, open_store

if TYPE_CHECKING:
    from supple.cli.voice import Voice
    from supple.library.loader import Library
    from supple.planner.model import Plan
    from supple.session.coach import Coach
    from supple.session.kinds import PainMoment
    from supple.store import Store

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
        from supple.store import StoreError

        try:
            _run(
                ctx,
                profile,
                plan_file,
                minutes,
                countdown,
                voice,
                mute,
                plain,
                resume,
                database_url,
            )
        except StoreError as exc:
            fail(str(exc))


def _run(
    ctx: typer.Context,
    profile: Path | None,
    plan_file: Path | None,
    minutes: int | None,
    countdown: int,
    voice: bool,
    mute: bool,
    plain: bool,
    resume: bool,
    database_url: str | None,
) -> None:
    from supple.session.coach import Coach
    from supple.session.player import Player
    from supple.session.timeline import build_timeline

    library = library_of(ctx).load()
    settings = settings_of(ctx)
    full_screen = not plain and sys.stdin.isatty() and sys.stdout.isatty()
    full_screen = full_screen and os.environ.get("TERM", "dumb") != "dumb"
    scale = settings.time_scale  # a hidden knob for tests and demos: N times faster
    with open_store(ctx, database_url) as store:
        if resume:
            state = store.unfinished_session()
            if state is None or state.plan is None:
                fail("there is no unfinished session to resume; start one with `supple start`")
            plan, session_id, start_item = state.plan, state.id, state.next_index
            ask_pain_before = state.pain_before is None
            if start_item >= len(plan.items):
                typer.echo("Every exercise of that session is logged; closing it.")
        else:
            plan = _todays_plan(store, library, profile, plan_file, minutes)
            plan_id = store.save_plan(plan)
            session_id = store.begin_session(plan_id, key=str(uuid.uuid4()), at=datetime.now(UTC))
            start_item, ask_pain_before = 0, True
        timeline = build_timeline(plan, library, countdown_s=countdown)
        player = Player(timeline, lambda: time.monotonic() * scale, start_item=start_item)
        speaker = _voice(voice, mute, settings.speech_command)
        coach = Coach(
            player,
            plan=plan,
            library=library,
            record=lambda event: store.record(session_id, event),
            say=lambda cue: speaker.ring() if cue.kind == "bell" else speaker.say(cue.text),
            countdown_s=countdown,
        )
        if ask_pain_before and start_item < len(plan.items):
            _ask_pain(coach, "before", "Before you start: pain right now, 0 (none) to 10 (worst)?")
        try:
            if start_item < len(plan.items):
                with _stop_signals_quit():
                    if full_screen:
                        from supple.cli.coach_view import run_full_screen

                        run_full_screen(coach, scale)
                    else:
                        _run_plain(coach, scale, resumed=resume)
        finally:
            speaker.close(wait=0 if player.quit_early else 3)
        if not player.quit_early:
            if coach.asking is not None:  # the last exercise has not been asked about yet
                _ask_feedback(coach, during=False)
            _ask_pain(coach, "after", "All done: pain right now, 0 (none) to 10 (worst)?")
        coach.finish()
        verb = "stopped early" if player.quit_early else "finished"
        typer.echo(
            f"Session {verb}: {coach.done} exercise(s) done, {coach.skipped} skipped; saved in "
            f"{store.where}."
        )


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


def _todays_plan(
    store: Store,
    library: Library,
    profile_file: Path | None,
    plan_file: Path | None,
    minutes: int | None,
) -> Plan:
    """The plan to run: a plan file, or a fresh plan from a profile file or the saved profile."""
    from pydantic import ValidationError

    from supple.planner.model import Plan

    if plan_file is not None:
        try:
            plan = Plan.model_validate_json(read_text(plan_file))
        except ValidationError as exc:
            fail(f"{plan_file}: not a plan ({exc.errors()[0]['msg']})")
    else:
        plan = _plan_from_profile(store, library, profile_file, minutes)
    if plan.status == "refer" or not plan.items:
        advice = plan.referral.advice if plan.referral else "this plan has no exercises"
        fail(f"no routine to run: {advice}")
    return plan


def _plan_from_profile(
    store: Store, library: Library, profile_file: Path | None, minutes: int | None
) -> Plan:
    """Today's plan, as `supple plan` makes it: the profile, what tracking learned, the day."""
    from datetime import date

    from supple.planner import make_plan
    from supple.safety.profile_input import ProfileError, parse_document, profile_from
    from supple.tracking import adjustments_from

    today = date.today()
    try:
        if profile_file is not None:
            answers = parse_document(read_text(profile_file), str(profile_file))
        else:
            saved = store.latest_profile()
            if saved is None:
                fail("no saved answers yet: run `supple check` first, or pass --profile FILE")
            answers = saved.model_dump()
        if minutes is not None:
            answers = {**answers, "minutes": minutes}
        profile = profile_from(answers)
    except ProfileError as exc:
        fail(str(exc))
    learned = adjustments_from(store.tracking_input(today), library)
    return make_plan(profile, library, day=today, adjustments=learned)


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

    player = coach.player
    player.start()
    if resumed and player.item is not None:
        typer.echo(f"Resuming at exercise {player.item.index + 1}: {player.item.name}")
    try:
        while not player.finished:
            for cue in coach.tick():
                if cue.kind != "bell":
                    stamp = int(cue.at)
                    typer.echo(f"[{stamp // 60:02d}:{stamp % 60:02d}] {cue.text}")
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
