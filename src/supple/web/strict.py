"""The API's input models made strict from the domain's: a whole number must be a JSON number
and a yes/no a JSON boolean (``{"score": false}`` is not 0, ``"3"`` is not 3), every list is
bounded, and every time falls in a sane window.

The domain's models stay lenient, because they also read the store's rows and the person's
own files; the JSON API reads through these instead, which are subclasses (so a use case gets
the domain's type) made field by field, so a field added to the domain is covered too.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from annotated_types import MaxLen
from pydantic import BaseModel, Strict, create_model, field_validator

M = TypeVar("M", bound=BaseModel)
#: The longest list an input may hold when its items are not a fixed set of choices.
MAX_ITEMS = 50
#: The earliest time an input may carry; the latest is a day after the server's clock.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


def sane_time(value: datetime) -> datetime:
    """``value`` when it lies between 2000 and tomorrow (ValueError otherwise)."""
    aware = value if value.tzinfo is not None else value.astimezone()
    if not EARLIEST <= aware <= datetime.now(UTC) + timedelta(days=1):
        raise ValueError(f"{value.isoformat()} is not a plausible time (from 2000 to tomorrow)")
    return value


def _members(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) in (Union, UnionType):
        return get_args(annotation)
    return (annotation,)


def _numbers(annotation: Any) -> bool:
    return any(m in (int, float, bool) for m in _members(annotation))


def _list_bound(annotation: Any) -> int | None:
    for member in _members(annotation):
        if get_origin(member) is list:
            (item,) = get_args(member) or (Any,)
            return len(get_args(item)) if get_origin(item) is Literal else MAX_ITEMS
    return None


def _times(annotation: Any) -> bool:
    return any(m is datetime for m in _members(annotation))


def strict_input(model: type[M], name: str) -> type[M]:
    """``model`` as the JSON API reads it (see the module's docstring)."""
    fields: dict[str, Any] = {}
    validators: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        annotation = info.annotation
        extra: list[Any] = []
        if _numbers(annotation):
            extra.append(Strict())
        bound = _list_bound(annotation)
        if bound is not None and not any(isinstance(m, MaxLen) for m in info.metadata):
            extra.append(MaxLen(bound))
        if _times(annotation):
            validators[f"_sane_{field_name}"] = field_validator(field_name)(
                lambda cls, value: value if value is None else sane_time(value)
            )
        if extra:
            fields[field_name] = (Annotated[annotation, *extra], info)
    made = create_model(
        name, __base__=model, __module__=__name__, __validators__=validators, **fields
    )
    made.__doc__ = model.__doc__
    return made


__all__ = ["EARLIEST", "MAX_ITEMS", "sane_time", "strict_input"]
