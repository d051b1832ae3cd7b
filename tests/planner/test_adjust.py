"""The adjustments model the tracking area hands to the planner."""

from __future__ import annotations

from typing import Any, cast

import pytest
from pydantic import ValidationError

from supple.planner.adjust import Adjustments


def test_defaults_are_empty() -> None:
    adj = Adjustments()
    assert adj.replace == {} and adj.leave_out == {} and adj.hold_step == 0 and adj.notes == []


def test_is_frozen_and_strict() -> None:
    adj = Adjustments(hold_step=2)
    with pytest.raises(ValidationError):
        cast(Any, adj).hold_step = 3  # what the type checker forbids, pydantic refuses too
    with pytest.raises(ValidationError):
        Adjustments.model_validate({"unknown": 1})
    with pytest.raises(ValidationError):
        Adjustments(hold_step=-1)


def test_self_replacement_is_refused() -> None:
    with pytest.raises(ValidationError, match="cannot replace itself"):
        Adjustments(replace={"bridge": "bridge"})


def test_resolve_follows_chains_and_stops_on_cycles() -> None:
    adj = Adjustments(replace={"a": "b", "b": "c", "x": "y", "y": "x"})
    assert adj.resolve("a") == "c"
    assert adj.resolve("q") == "q"
    assert adj.resolve("x") in {"x", "y"}
