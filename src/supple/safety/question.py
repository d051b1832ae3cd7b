"""One question of the questionnaire: the field it fills, how it is asked, when it is asked."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

QuestionKind = Literal["choices", "one_of", "number", "yes_no", "red_flag", "clearance"]
Answers = Mapping[str, Any]


def always(_answers: Answers) -> bool:
    """Asked of everyone."""
    return True


@dataclass(frozen=True)
class Question:
    """One question: which field it fills, how it is asked, and when it is asked at all.

    ``clearable`` (red flags): a yes is followed by the clearance question.
    """

    field: str
    text: str
    kind: QuestionKind
    choices: tuple[tuple[str, str], ...] = ()
    low: float = 0
    high: float = 0
    optional: bool = False
    default: Any = None
    hint: str = ""
    flag: str = ""
    clearable: bool = False
    whole: bool = True
    asked_if: Callable[[Answers], bool] = dataclasses.field(default=always)


__all__ = ["Answers", "Question", "QuestionKind", "always"]
