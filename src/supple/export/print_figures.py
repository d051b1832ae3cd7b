"""The pictures a printed page shows: the still of each move, and its key frames when it moves."""

from __future__ import annotations

import re
from dataclasses import dataclass

from supple.figures import load_figure, render_exercise_svg, render_frames
from supple.figures.panels import still_panels
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
    """Every keyframe of ``exercise``'s figure, in order, as the animation draws them.

    The frames share one scale and place, so the body keeps its size from one to the next.
    Empty when there is no figure, or when the frames would look alike: a move too small to
    tell apart in frames (breathing, a tilt), whose still is a before-and-after pair with
    arrows, or a loop (shoulder rolls), whose still draws it as a circular arrow.
    """
    try:
        figure = load_figure(exercise.id)
    except LookupError:
        return []
    alike = figure.trace or still_panels(figure, exercise.dose.flowing, small=False)[1]
    if len(figure.keyframes) < 2 or alike:
        return []
    svgs = render_frames(figure, title=exercise.name, regions=list(exercise.regions))
    return [Frame(key.label, svg) for key, svg in zip(figure.keyframes, svgs, strict=True)]


_SIZE = re.compile(r'<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"')


def tall(frames: list[Frame]) -> bool:
    """Whether the frames are taller than wide (a body standing or sitting), so that two of
    them sit side by side instead of one above the other."""
    sizes = [_SIZE.search(f.svg) for f in frames]
    return bool(frames) and all(m and float(m[2]) > float(m[1]) for m in sizes)
