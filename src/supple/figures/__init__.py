"""Illustrations drawn from data: an articulated figure, its keyframes, and an SVG renderer."""

from __future__ import annotations

from supple.figures.loader import FigureError, figure_ids, load_figure
from supple.figures.model import Figure, Keyframe, Pose
from supple.figures.render import Size, render_frames, render_svg
from supple.library.model import Exercise


def render_exercise_svg(exercise: Exercise, *, animated: bool = True, size: Size = "player") -> str:
    """The SVG of ``exercise``'s figure; raise LookupError when it has no figure data.

    ``size`` is ``thumb`` (a 96 px square still), ``player`` (240 px wide) or ``print``.
    """
    figure = load_figure(exercise.id)
    return render_svg(
        figure,
        title=exercise.name,
        regions=list(exercise.regions),
        animated=animated,
        size=size,
        flowing=exercise.dose.flowing,
    )


__all__ = [
    "Figure",
    "FigureError",
    "Keyframe",
    "Pose",
    "Size",
    "figure_ids",
    "load_figure",
    "render_exercise_svg",
    "render_frames",
    "render_svg",
]
