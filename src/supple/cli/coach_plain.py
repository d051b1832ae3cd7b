"""The terminal coach line by line (no full screen), and the questions asked around a session:
pain before and after, and the optional feedback on each move."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from supple.safety.profile import Profile
    from supple.session.coach import Coach
    from supple.session.kinds import PainMoment

#: How often the plain mode wakes up when no cue is near (real seconds).
PLAIN_TICK_S = 0.05


def ask_pain(coach: Coach, when: PainMoment, question: str) -> None:
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


def ask_spread(coach: Coach, profile: Profile) -> None:
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


def ask_feedback(coach: Coach, *, during: bool) -> None:
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


def run_plain(coach: Coach, scale: float, *, resumed: bool) -> None:
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
                ask_feedback(coach, during=True)
                player.resume()
            nxt = player.seconds_to_next_cue()
            time.sleep(PLAIN_TICK_S if nxt is None else max(0.0, min(PLAIN_TICK_S, nxt / scale)))
        coach.tick()
    except KeyboardInterrupt:
        coach.interrupted = True  # Ctrl-C or a signal: stop without asking anything more
        player.quit()
        typer.echo("\nStopped; what you did is saved.")
