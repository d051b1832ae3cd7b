"""Numbers, flags and times exactly as a JSON schema states them, for the models the API reads:
a whole number is not ``true`` or ``"3"`` (``7.0`` is, as JSON Schema says), a number is not a
flag or text, a flag is not ``1`` or ``"yes"``, and a time is text, not a count of seconds."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, Strict


def integral(value: Any) -> Any:
    """``value`` as an int when it is a float with nothing after the point (``7.0``)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _number(value: Any) -> Any:
    if isinstance(value, bool | str):
        raise ValueError("Input should be a number")
    return value


def _text_time(value: Any) -> Any:
    if not isinstance(value, str | datetime | date):
        raise ValueError("Input should be a date or time written as text (ISO 8601)")
    return value


#: A whole number (``7.0`` counts; ``true`` and ``"7"`` do not). Bounds go on the field; for
#: an optional one, write ``Annotated[int, Field(ge=..), Strict(), BeforeValidator(integral)]``
#: (bounds first: pydantic states them in the schema only then).
Whole = Annotated[int, Strict(), BeforeValidator(integral)]
#: A number, whole or not (never a flag or text).
Number = Annotated[float, BeforeValidator(_number)]
#: ``true`` or ``false`` and nothing else.
Flag = Annotated[bool, Strict()]
#: A time written as ISO 8601 text (or a datetime, from Python).
Moment = Annotated[datetime, BeforeValidator(_text_time)]
#: A day written as ISO 8601 text (or a date, from Python).
Day = Annotated[date, BeforeValidator(_text_time)]

__all__ = ["Day", "Flag", "Moment", "Number", "Whole", "integral"]
