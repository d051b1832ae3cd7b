"""The ``supple`` command: registers every sub-command and turns errors into one line."""

from __future__ import annotations

import re
import sys
from typing import Any

import typer
import typer.core

from supple import __version__
from supple.cli import (
    account_cmd,
    check_cmd,
    coach_cmd,
    entries_cmd,
    export_cmd,
    library_cmd,
    plan_cmd,
    serve_cmd,
    track_cmd,
)
from supple.cli.common import CliError, CliState, echo_error, settings_of

#: The commands in the order of a person's journey, with their one-line descriptions in full.
JOURNEY = {
    "check": "Answer the screening questions; see whether to get checked first.",
    "plan": "Print today's routine, each move with its reason (or a referral).",
    "start": "Follow today's routine with a guided timer; every step is saved.",
    "log": "Log your pain between sessions.",
    "progress": "Show your progress: pain, this week's sessions, your streak.",
    "history": "List your latest sessions and pain scores.",
    "psfs": "Name up to five hard everyday activities and score them each week.",
    "pain": "Correct or delete a pain entry.",
    "note": "Keep, correct or delete a note.",
    "activity": "List, rename or remove the activities of the PSFS.",
    "program": "Print a programme of several weeks, a little harder each week.",
    "walking": "Your walking plan: today's walk, and each week walked so far.",
    "learn": "Read today's short lesson (or the one named), and mark it read.",
    "test-direction": "A home test of repeated movements: which direction eases your back.",
    "screen-risk": "The support check: ten questions on how much support would help.",
    "library": "Browse the exercise library, or read one move in full.",
    "handout": "Write the current programme as a printable PDF handout.",
    "calendar": "Write the current programme as a calendar file with an alarm.",
    "export": "Export everything you recorded, as JSON, CSV or FHIR.",
    "import": "Import an export or a FHIR bundle into an empty database.",
    "backup": "Copy the database to a backup file.",
    "serve": "Start the web app: questions, routine, player and progress.",
    "account": "Accounts: patients, clinicians and admins.",
    "invite": "Invite a patient on behalf of a clinician.",
    "audit": "Print the audit log, newest first.",
}


class JourneyGroup(typer.core.TyperGroup):
    """Lists the commands in the order of the journey, each with its whole description."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: list(JOURNEY).index(n) if n in JOURNEY else len(JOURNEY))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is not None and cmd_name in JOURNEY:
            cmd.short_help = JOURNEY[cmd_name]
        return cmd


app = typer.Typer(
    name="supple",
    cls=JourneyGroup,
    help="Supple, a back-care coach: screening, a personal stretching routine, a guided timer "
    "and progress tracking. It never diagnoses: stop if it hurts, and get checked when told to.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # A wide terminal shows each command's sentence on one line (click stops at 80 otherwise).
    context_settings={"max_content_width": 120},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"supple {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Supple, a back-care coach."""
    settings_of(ctx)  # read and check every SUPPLE_* variable once, before any command runs


modules = (
    check_cmd,
    library_cmd,
    plan_cmd,
    track_cmd,
    entries_cmd,
    export_cmd,
    coach_cmd,
    serve_cmd,
    account_cmd,
)
for module in modules:
    module.register(app)


def main() -> None:
    """Run the CLI; known problems become one line on stderr, never a traceback."""
    state = CliState()
    try:
        code = app(obj=state, standalone_mode=False)
    except typer.Abort:
        echo_error("interrupted")
        sys.exit(130)
    except typer.TyperException as exc:  # a flag or command Click refused: one plain line
        echo_error(usage_message(exc, sys.argv[1:]))
        sys.exit(2)
    except CliError as exc:
        echo_error(str(exc))
        sys.exit(exc.code)
    except KeyboardInterrupt:
        echo_error("interrupted")
        sys.exit(130)
    except Exception as exc:  # the last guard against a traceback
        if state.settings is not None and state.settings.debug:
            raise
        known = _known_error(exc)
        if known is not None:
            echo_error(known)
            sys.exit(2)
        echo_error(f"unexpected {type(exc).__name__}: {exc} (set SUPPLE_DEBUG=1 for details)")
        sys.exit(1)
    if isinstance(code, int) and code:
        sys.exit(code)


_RANGE = re.compile(r"not in the range (-?[\d.]+)<=x<=(-?[\d.]+)")


def usage_message(exc: Exception, argv: list[str]) -> str:
    """What Click refused (a flag's value, an unknown command), as a sentence a person reads."""
    message = str(getattr(exc, "message", "") or exc)
    param = getattr(exc, "param", None)
    opts = list(getattr(param, "opts", None) or [])
    if not opts:
        unknown = re.match(r"No such command '(.+)'", message)
        if unknown:
            return f"'{unknown.group(1)}' is not a Supple command; `supple --help` lists them."
        return f"{message.rstrip('.')}; add --help to see how the command is used."
    opt = max(opts, key=len)
    typed = _typed(opts, argv)
    shown = f" (you typed '{typed}')" if typed is not None else ""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    found = _RANGE.search(message)
    if found:
        low, high = found.groups()
    if low is not None and high is not None and ("range" in message or "equal to" in message):
        return f"{opt} must be a number from {low} to {high}{shown}."
    if "integer" in message:
        return f"{opt} needs a whole number{shown}."
    if "float" in message or "number" in message:
        return f"{opt} needs a number{shown}."
    return f"{opt}: {message}"


def _typed(opts: list[str], argv: list[str]) -> str | None:
    """The value given after one of ``opts`` on the command line, if any."""
    for i, arg in enumerate(argv):
        if arg in opts and i + 1 < len(argv):
            return argv[i + 1]
        for opt in opts:
            if arg.startswith(opt + "="):
                return arg[len(opt) + 1 :]
    return None


def _known_error(exc: Exception) -> str | None:
    """The message of an error a person can act on (a locked database, a refused request, an
    unknown id, a broken library file, ...), or None for a bug."""
    from supple.app.errors import AppError
    from supple.library import LibraryError, UnknownExercise
    from supple.planner.substitute import SwapRefused
    from supple.store.errors import StoreError

    if isinstance(exc, AppError | StoreError | LibraryError | UnknownExercise | SwapRefused):
        return str(exc)
    return None
