"""The pictures a printed page shows: the still of each move, and its key frames when it moves."""

from __future__ import annotations

from dataclasses import dataclass

from supple.figures import load_figure, render_exercise_svg, render_svg
from supple.library.model import Exercise


@dataclass(frozen=True, slots=True)
class Frame:
    """One key position of a move: its SVG and what it shows, in words."""

    label: str
    svg: str


def still(exercise: Exercise) -> str | None:
    """The still SVG of ``exercise``, or None when it has no figure yet."""
    try:
        return render_exercise_svg(exercise, animated=False)
    except LookupError:
        return None


def moving(exercise: Exercise) -> bool:
    """Whether the move is a movement rather than a hold, so a strip of frames explains it."""
    return exercise.dose.flowing


def key_frames(exercise: Exercise) -> list[Frame]:
    """A still of every keyframe of ``exercise``'s figure, in order (empty when it has none)."""
    try:
        figure = load_figure(exercise.id)
    except LookupError:
        return []
    regions: list[str] = list(exercise.regions)
    return [
        Frame(
            key.label,
            render_svg(
                figure.model_copy(update={"keyframes": [key]}),
                title=f"{exercise.name}: {key.label}",
                regions=regions,
                animated=False,
            ),
        )
        for key in figure.keyframes
    ]
