"""Help a person writing keyframes: nudge chosen joints until the contacts rest on their surfaces.

Used while authoring, never while drawing::

    >>> from supple.figures import load_figure
    >>> from supple.figures.fit import fit
    >>> fit(load_figure("cat_cow"), 0, ["shoulder.flex", "hip.flex"])  # doctest: +SKIP
    {'shoulder.flex': 104.0, 'hip.flex': 33.2}

Names are ``joint.axis`` (``root.pitch``, ``hip_r.abd``) or a hinge (``knee_l``); a joint
without its side (``shoulder.flex``, ``knee``) moves both sides together. ``match=k`` also
keeps the contacts this keyframe shares with keyframe ``k`` where they are in ``k`` (so that
the feet stay planted through the move). Copy the numbers into the YAML file and look at the
result: the search only knows about contacts, limits and those matches.
"""

from __future__ import annotations

import math
from typing import Any

from supple.figures.body import RADIUS, Vec
from supple.figures.model import Figure, Pose
from supple.figures.motion import keyframe_points
from supple.figures.plant import shared_contacts
from supple.figures.validate import contact_gaps, joint_errors

_SIDED = ("shoulder", "hip", "elbow", "knee", "wrist", "ankle", "scapula")


def _paths(name: str) -> list[list[str]]:
    parts = name.split(".")
    if parts[0] in _SIDED:
        return [[f"{parts[0]}_{s}", *parts[1:]] for s in "rl"]
    return [parts]


def _get(data: dict[str, Any], path: list[str]) -> float:
    value: Any = data
    for key in path:
        value = value[key]
    return float(value)


def _set(data: dict[str, Any], path: list[str], value: float) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def fit(
    figure: Figure, index: int, names: list[str], *, match: int | None = None
) -> dict[str, float]:
    """New values for ``names`` that best rest keyframe ``index`` on its contacts."""
    frame = figure.keyframes[index]
    start = frame.pose.model_dump()
    shared: list[str] = []
    goal: dict[str, Vec] = {}
    if match is not None:
        other = figure.keyframes[match]
        shared = sorted(shared_contacts(frame, other))
        goal = keyframe_points(figure, other)

    def cost(values: list[float]) -> float:
        data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in start.items()}
        for name, value in zip(names, values, strict=True):
            for path in _paths(name):
                _set(data, path, value)
        trial = frame.model_copy(update={"pose": Pose.model_validate(data)})
        points = keyframe_points(figure, trial)
        gaps = contact_gaps(figure, trial, points)
        sunk = sum(min(0.0, p[1] - RADIUS[n]) ** 2 for n, p in points.items())
        sunk += sum(math.dist(points[n], goal[n]) ** 2 for n in shared)
        moved = sum(
            (v - _get(start, _paths(n)[0])) ** 2 for n, v in zip(names, values, strict=True)
        )
        return (
            sum(g * g for g in gaps.values()) + sunk + 10 * len(joint_errors(trial)) + moved / 100
        )

    values = [_get(start, _paths(n)[0]) for n in names]
    best, step = cost(values), 8.0
    while step > 0.05:
        better = False
        for i in range(len(values)):
            for sign in (1.0, -1.0):
                trial = list(values)
                trial[i] += sign * step
                c = cost(trial)
                if c < best:
                    best, values, better = c, trial, True
        if not better:
            step /= 2
    return {n: round(v, 1) for n, v in zip(names, values, strict=True)}
