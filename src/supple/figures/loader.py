"""Read the figures shipped with the library (``library/data/figures/<id>.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import ValidationError

from supple.figures.model import Figure
from supple.figures.poses import BASES, merge
from supple.library.loader import DATA, YAML_LOADER


class FigureError(ValueError):
    """A figure file that does not parse or validate; the message names the file."""


def _expand(raw: dict[str, Any]) -> dict[str, Any]:
    frames = []
    for frame in raw.get("keyframes", []):
        pose = dict(frame.get("pose") or {})
        base = pose.pop("base", None)
        if base is not None:
            if base not in BASES:
                raise FigureError(f"unknown base pose '{base}' (known: {', '.join(BASES)})")
            pose = merge(BASES[base], pose)
        frames.append({**frame, "pose": pose})
    return {**raw, "keyframes": frames}


def parse_figure(text: str, exercise_id: str) -> Figure:
    """Validate one figure file's text for ``exercise_id``."""
    raw = yaml.load(text, Loader=YAML_LOADER)  # a safe loader
    if not isinstance(raw, dict):
        raise FigureError(f"{exercise_id}.yaml: expected a mapping")
    try:
        return Figure.model_validate({**_expand(raw), "exercise_id": exercise_id})
    except (ValidationError, FigureError) as exc:
        raise FigureError(f"figures/{exercise_id}.yaml: {exc}") from None


def figure_ids() -> list[str]:
    """Ids of every exercise that has a figure file."""
    folder = resources.files(DATA).joinpath("figures")
    return sorted(e.name[:-5] for e in folder.iterdir() if e.name.endswith(".yaml"))


@cache
def load_figure(exercise_id: str) -> Figure:
    """The figure of ``exercise_id``; raise LookupError when it has none."""
    entry = resources.files(DATA).joinpath("figures", f"{exercise_id}.yaml")
    if not entry.is_file():
        raise LookupError(f"no figure for exercise '{exercise_id}'")
    return parse_figure(entry.read_text(encoding="utf-8"), exercise_id)
