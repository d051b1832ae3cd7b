"""Library filtering and figure lookup shared by the API and the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supple.library import Exercise, Library
from supple.web.deps import Memo
from supple.web.schemas import ExerciseSummary

if TYPE_CHECKING:
    from supple.figures import Size


def filter_exercises(
    library: Library,
    *,
    q: str | None = None,
    region: str | None = None,
    position: str | None = None,
    kind: str | None = None,
    equipment: str | None = None,
) -> list[Exercise]:
    """Exercises matching every non-empty filter, gentlest first (``Library.select``)."""

    def one(value: str | None) -> tuple[str, ...]:
        return (value,) if value else ()

    return library.select(
        regions=one(region),
        positions=one(position),
        kinds=one(kind),
        equipment=one(equipment),
        text=q,
    )


def summary(ex: Exercise) -> ExerciseSummary:
    return ExerciseSummary.model_validate(ex, from_attributes=True)


def _render(exercise: Exercise, animated: bool, size: Size) -> str | None:
    from supple.figures import render_exercise_svg

    try:
        return render_exercise_svg(exercise, animated=animated, size=size)
    except LookupError:  # no figure drawn for this exercise yet
        return None


def figure_svg(
    memo: Memo, exercise: Exercise, *, animated: bool = True, size: Size = "player"
) -> str | None:
    """The exercise's SVG figure, or None when it has none yet (rendered once per app);
    ``size`` ``thumb`` is the small still of a list."""
    svg: str | None = memo.get(
        ("figure", exercise.id, animated, size), lambda: _render(exercise, animated, size)
    )
    return svg
