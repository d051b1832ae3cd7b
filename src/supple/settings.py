"""The settings: every ``SUPPLE_*`` environment variable, read and validated once at start.

The command line reads them in ``main()`` and carries them in the Typer context; the web app
takes them as ``create_app(settings=...)``. Nothing else reads the environment for Supple: the
store, the library and the domain are handed the values (docs/environment.md lists them all).
pydantic-settings does the reading: the name is ``SUPPLE_`` and the field's name in any case, an
empty variable is unset, and the text is validated as the field's type (so ``1``/``true`` is a
boolean and ``abc`` is no number).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PREFIX = "SUPPLE_"
#: The names a browser on this machine reaches the app by (the Host check's default).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


class SettingsError(ValueError):
    """A setting with a value Supple cannot use; the message names the variable, in one line."""


class Settings(BaseSettings):
    """What can be set from outside; each field is the variable ``SUPPLE_<FIELD NAME>``."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_ignore_empty=True, case_sensitive=False, frozen=True, extra="forbid"
    )

    database_url: str | None = Field(
        default=None,
        description="where everything is kept: sqlite:///FILE, a file path, or "
        "postgresql://user@host/db (default: supple.db in your data folder); --database-url "
        "overrides it",
    )
    db_timeout: float = Field(
        default=10.0,
        gt=0,
        le=3600,
        description="seconds a write waits for another writer (SQLite) or for the server to "
        "answer (PostgreSQL) before giving up",
    )
    person: int | None = Field(
        default=None,
        ge=1,
        description="whose records to use, by person id, in a database that holds more than "
        "one person (default: its only person)",
    )
    library_dir: Path | None = Field(
        default=None,
        description="a folder of *.yaml exercise entries to use instead of the packaged library",
    )
    debug: bool = Field(
        default=False, description="show the full traceback of an unexpected error (1 or true)"
    )
    time_scale: float = Field(
        default=1.0,
        ge=0.01,
        le=1000,
        description="play `supple start` this many times faster (for tests and demos)",
    )
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = Field(
        default=LOOPBACK_HOSTS,
        description="the host names the web app answers to, separated by commas (a request "
        "with any other Host header gets 400, which stops DNS rebinding); *.example.org allows "
        "every subdomain",
    )
    public_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^/\s]+$",
        description="the address people reach the web app at, e.g. https://supple.example.org: "
        "invitation and reset links, and the link and QR code of a handout or calendar, start "
        "with it (default: the address of the request on the web, http://127.0.0.1:8000 for "
        "the commands)",
    )
    trusted_proxies: str = Field(
        default="127.0.0.1",
        min_length=1,
        description="with supple serve --behind-proxy, the addresses of the reverse proxies "
        "whose X-Forwarded-For and X-Forwarded-Proto headers are believed, separated by commas",
    )
    emergency_number: str | None = Field(
        default=None,
        pattern=r"^[0-9+][0-9 ]{1,14}$",
        description="the number the emergency referral page offers to call (default: from the "
        "browser's language and country: 999 in the UK, 911 in the US and Canada, 112 elsewhere)",
    )
    speech_command: str | None = Field(
        default=None,
        description="the command `supple start --voice` speaks through, words separated by "
        "spaces (default: espeak-ng -s 150); the text is added as its last argument",
    )
    reminders: bool | None = Field(
        default=None,
        description="send the reminders people turn on in their settings (Web Push) from this "
        "app's process: on for supple serve unless set to 0 or false, off otherwise",
    )
    reminders_every: float = Field(
        default=30.0,
        ge=0.05,
        le=3600,
        description="seconds between two looks at whose reminder is due",
    )
    push_contact: str | None = Field(
        default=None,
        pattern=r"^(mailto:[^\s@]+@[^\s@]+|https://\S+)$",
        description="whom the push services may contact about this server's reminders, a "
        "mailto: or https: address (default: the public URL when it is https, else "
        "mailto:admin@localhost)",
    )
    data_dir: Path | None = Field(
        default=None,
        description="the folder for the server's own files, such as its push key (default: the "
        "SQLite file's folder, or your data folder with PostgreSQL)",
    )
    smtp_url: str | None = Field(
        default=None,
        pattern=r"^smtps?://",
        description="the mail server that tells a person a new message waits for them: "
        "smtp://[user:password@]host[:port] (STARTTLS when the server offers it) or smtps:// "
        "(default: no e-mail); the e-mail holds a link, never the message",
    )
    smtp_from: str = Field(
        default="supple@localhost",
        min_length=3,
        max_length=254,
        description="the sender of those e-mails",
    )

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _hosts(cls, value: object) -> object:
        if isinstance(value, str):
            value = tuple(part.strip().lower() for part in value.split(",") if part.strip())
        if isinstance(value, tuple | list) and not value:
            raise ValueError("name at least one host")
        return value


def env_name(field: str) -> str:
    """The environment variable of a settings field."""
    return PREFIX + field.upper()


def load_settings(**given: object) -> Settings:
    """The settings from the environment (``given`` values win); SettingsError names the culprit."""
    try:
        return Settings.model_validate(given)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        got = first.get("input")
        shown = f" (got {got!r})" if isinstance(got, str | int | float) else ""
        raise SettingsError(f"{env_name(field)}: {first['msg']}{shown}") from None


__all__ = ["LOOPBACK_HOSTS", "PREFIX", "Settings", "SettingsError", "env_name", "load_settings"]
