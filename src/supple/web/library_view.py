"""Library filtering and figure lookup shared by the API and the pages."""

from __future__ import annotations

from supple.library import Exercise, Library
from supple.web.deps import Memo
from supple.web.schemas import ExerciseSummary


def filter_exercises(
    library: Library,
    *,
    q: str | None = None,
    region: str | None = None,
    position: str | None = None,
    kind: str | None = None,
    equipment: str | None = None,
) -> list[Exercise]:
    """Exercises matching every non-empty filter, gentlest first."""
    found = library.search(q) if q and q.strip() else list(library.values())
    if region:
        found = [e for e in found if region in e.regions]
    if position:
        found = [e for e in found if e.position == position]
    if kind:
        found = [e for e in found if e.kind == kind]
    if equipment == "none":
        found = [e for e in found if not e.equipment]
    elif equipment:
        found = [e for e in found if equipment in e.equipment]
    return sorted(found, key=lambda e: (e.avoid is not None, e.level, e.name))


def summary(ex: Exercise) -> ExerciseSummary:
    return ExerciseSummary.model_validate(ex, from_attributes=True)


def _render(exercise: Exercise, animated: bool) -> str | None:
    from supple.figures import render_exercise_svg

    try:
        return render_exercise_svg(exercise, animated=animated)
    except LookupError:  # no figure drawn for this exercise yet
        return None


def figure_svg(memo: Memo, exercise: Exercise, *, animated: bool = True) -> str | None:
    """The exercise's SVG figure, or None when it has none yet (rendered once per app)."""
    svg: str | None = memo.get(
        ("figure", exercise.id, animated), lambda: _render(exercise, animated)
    )
    return svg
