"""Reading a profile from a YAML or JSON document or from plain answers, with one-line errors."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from pydantic import ValidationError

from supple.safety.profile import Profile


class ProfileError(ValueError):
    """Answers that do not make a valid profile; the message is one line naming the field, and
    ``errors`` holds the validation's own details (for words a person reads)."""

    def __init__(self, message: str, errors: Sequence[Mapping[str, Any]] = ()) -> None:
        super().__init__(message)
        self.errors: list[Mapping[str, Any]] = list(errors)


def describe(error: ValidationError) -> str:
    """The first problem of ``error`` as one line that names the field."""
    first = error.errors()[0]
    loc = [str(p) for p in first["loc"]]
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        return f"unknown field '{loc[0]}' in the profile"
    if not loc:
        return f"profile: {message}"
    where = loc[0] + "".join(f"[{p}]" for p in loc[1:])
    return f"profile field '{where}': {message}"


def profile_from(answers: Mapping[str, Any]) -> Profile:
    """Validate ``answers``; raise ProfileError with a one-line message."""
    try:
        return Profile.model_validate(dict(answers))
    except ValidationError as exc:
        raise ProfileError(describe(exc), exc.errors()) from None


def parse_document(text: str, source: str) -> dict[str, Any]:
    """The mapping in a YAML or JSON ``text`` (``source`` names it in errors)."""
    try:
        data = json.loads(text) if source.endswith(".json") else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ProfileError(f"{source}: not valid YAML or JSON ({first})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: expected a mapping of answers, got {type(data).__name__}")
    return data


def profile_to_yaml(profile: Profile) -> str:
    """``profile`` as a YAML document that reads back to the same profile."""
    return yaml.safe_dump(profile.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
