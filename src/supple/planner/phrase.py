"""A sentence told by its code and its parts, not in words: the domain says *what* to tell
(this move is for your lower back; pain rose from 4.0 to 6.5), and ``supple.presentation``
turns it into words, in one place (where a translation will plug in)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

#: What a part of a phrase may be: an id, a name or text from the library, a number, ids.
Arg = str | int | float | bool | list[str] | None


class Phrase(BaseModel):
    """``code`` names the sentence; ``args`` are its parts (ids, numbers, library text)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    args: dict[str, Arg] = Field(default_factory=dict)


def phrase(code: str, **args: Arg) -> Phrase:
    """The phrase ``code`` with ``args``."""
    return Phrase(code=code, args=args)


__all__ = ["Arg", "Phrase", "phrase"]
