"""What every command shares: the settings, the consoles, reading a file, JSON, the one-line error.

Rich, Pydantic and the settings load inside the functions, so `supple --help` stays fast.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from supple.library import Exercise, Library
    from supple.safety.profile_input import ProfileError
    from supple.settings import Settings


class CliError(Exception):
    """A problem the person can fix; shown as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop the command with a one-line message on stderr and a non-zero exit code."""
    raise CliError(message, code)


@dataclass
class CliState:
    """What ``main()`` hands every command in the Typer context: the settings, once read."""

    settings: Settings | None = None


def settings_of(ctx: typer.Context) -> Settings:
    """The settings, read and validated on first use (the root callback asks at start)."""
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):  # the app was invoked without main(), e.g. in tests
        root.obj = CliState()
    state: CliState = root.obj
    if state.settings is None:
        from supple.settings import SettingsError, load_settings

        try:
            state.settings = load_settings()
        except SettingsError as exc:
            fail(str(exc))
    return state.settings


class LazyLibrary(Mapping[str, "Exercise"]):
    """The exercise library of the settings, loaded the first time it is looked into (most
    tracking commands never need it, and loading it costs a good part of a start-up)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._library: Library | None = None

    def load(self) -> Library:
        if self._library is None:
            from supple.library import LibraryError, load_library

            try:
                self._library = load_library(self.folder)
            except LibraryError as exc:
                fail(f"the exercise library is broken: {exc}")
        return self._library

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self.load()[exercise_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.load())

    def __len__(self) -> int:
        return len(self.load())

    def __bool__(self) -> bool:
        return True  # a library is never empty; asking must not load it

    def closest(self, text: str) -> list[str]:
        """Ids close to ``text`` (the store suggests them for an unknown exercise)."""
        return self.load().closest(text)


def library_of(ctx: typer.Context) -> LazyLibrary:
    """The exercise library the settings name (the packaged one by default), loaded on use."""
    return LazyLibrary(settings_of(ctx).library_dir)


def console() -> Console:
    """The Rich console for normal output (imported lazily to keep start-up fast)."""
    from rich.console import Console

    return Console()


#: Control characters kept when printing what a person typed: line breaks and tabs.
_KEPT = {"\n", "\t"}


def plain(text: object) -> str:
    """``text`` (what a person typed, or a message quoting it) safe for a terminal: control
    characters, such as the escape that starts a terminal sequence, are dropped."""
    import unicodedata

    value = str(text)
    if value.isprintable():  # the common case, and cheap
        return value
    return "".join(
        ch for ch in value if ch in _KEPT or unicodedata.category(ch) not in ("Cc", "Cs")
    )


def user_text(text: object, style: str = "") -> Text:
    """What a person typed, as Rich text that is never read as markup (a note ``[/]`` is shown
    as written) and carries no control characters."""
    from rich.text import Text

    return Text(plain(text), style=style)


def read_text(path: Path) -> str:
    """The UTF-8 text of ``path``; an unreadable or binary file stops the command with one
    line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
    except UnicodeDecodeError as exc:
        fail(f"{path} is not a text file (not UTF-8 at byte {exc.start})")
    if "\x00" in text:
        fail(f"{path} is not a text file (it holds NUL bytes)")
    return text


def print_json(data: object) -> None:
    """Print ``data`` as indented JSON, non-ASCII text kept readable."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def echo_error(message: str) -> None:
    """Print the one-line error (messages may quote what a person typed: made safe first)."""
    typer.echo(f"supple: error: {plain(message)}", err=True)


#: Where the commands' links point when ``SUPPLE_PUBLIC_URL`` is not set (``supple serve``'s
#: own default address).
DEFAULT_URL = "http://127.0.0.1:8000"


def public_url(ctx: typer.Context) -> str:
    """The address people reach the web app at, for the links a command prints or writes."""
    return (settings_of(ctx).public_url or DEFAULT_URL).rstrip("/")


#: The flag that sets each answer, to name it next to the plain words.
FLAGS = {
    "pain_areas": "--pain-areas",
    "pain_now": "--pain-now",
    "pain_weeks": "--pain-weeks",
    "eases_with": "--eases-with",
    "worse_with": "--worse-with",
    "red_flags": "--red-flag",
    "conditions": "--condition",
    "pregnancy_weeks": "--pregnancy-weeks",
    "age": "--age",
    "equipment": "--equipment",
    "minutes": "--minutes",
}


def profile_problem(
    exc: ProfileError, source: str | None = None, flags: Collection[str] = ()
) -> str:
    """A ProfileError in plain words, naming the answer, and where it came from: the answers
    file (``source``), or the flag that set it (an answer in ``flags``, or with no file)."""
    from supple.presentation import answer_problem

    if not exc.errors:
        return str(exc)
    field, words = answer_problem(exc.errors[0])
    if source is not None and field not in flags:
        where = f"{source}: " if not field else f"{source} ({field}): "
        return where + words
    flag = FLAGS.get(field)
    return f"{words.rstrip('.')} ({flag})." if flag else words
