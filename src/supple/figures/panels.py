"""The pictures an SVG is made of: each a view of the body (one position, or all of them for
an animation), with its props, ghost and arrows; and how they are laid out side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from supple.figures.arrows import screen_path
from supple.figures.body import Vec
from supple.figures.camera import Projection
from supple.figures.model import Figure
from supple.figures.motion import motion
from supple.figures.parts import Memo, Shown
from supple.figures.props import Shape, prop_shapes
from supple.figures.still import Arrow, plan_still
from supple.figures.svg import Timeline

#: Room (cm) between two pictures side by side.
GAP = 14.0


@dataclass
class Panel:
    """One picture of the body in a layer: its positions, view, ghost and arrows."""

    proj: Projection
    seq: list[dict[str, Vec]]
    line: Timeline = field(default_factory=Timeline)
    ghost: dict[str, Vec] | None = None
    ghost_chains: frozenset[str] = frozenset()
    arrows: tuple[Arrow, ...] = ()
    flip: tuple[float, float] | None = None  # a sided move: when the mirrored half starts, ends
    shown: list[Shown] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    dx: float = 0.0
    dv: float = 0.0
    memo: Memo = field(default_factory=Memo)


def prepare(panel: Panel, figure: Figure, *, tight: bool = False) -> None:
    """Project the panel's positions, lay out its props and find its box (u0, v0, u1, v1).

    A ``tight`` box holds the body and its arrows only; props outside it are cut off.
    """
    project = panel.memo.project
    panel.shown = [project(s, panel.proj) for s in panel.seq]
    shown = panel.shown + ([project(panel.ghost, panel.proj)] if panel.ghost else [])
    every = panel.seq + ([panel.ghost] if panel.ghost else [])
    xs = [p[0] for s in every for p in s.values()]
    zs = [p[2] for s in every for p in s.values()]
    footprint = (min(xs), max(xs), min(zs), max(zs))
    panel.shapes = [
        shape
        for prop in figure.props
        for shape in prop_shapes(prop, panel.proj, footprint, panel.seq[0])
    ]
    us = [p[0] for s in shown for p in s.values()]
    vs = [p[1] for s in shown for p in s.values()]
    # Points are the middles of limbs and joints: the outline lies up to a hand's width out.
    u0, u1, v0, v1 = min(us) - 7, max(us) + 7, min(vs) - 7, max(vs) + 7
    for s in shown:
        hu, hv, _ = s["head"]
        u0, u1, v0, v1 = min(u0, hu - 12), max(u1, hu + 12), min(v0, hv - 12), max(v1, hv + 12)
    extra = [] if tight else [p for shape in panel.shapes for p in shape.points]
    extra += [
        (u + du, v + dv)
        for arrow in panel.arrows
        for u, v in screen_path(arrow, panel.proj)
        for du, dv in ((-5, -5), (5, 5))
    ]
    if extra:
        u0, u1 = min(u0, *(p[0] for p in extra)), max(u1, *(p[0] for p in extra))
        v0, v1 = min(v0, *(p[1] for p in extra)), max(v1, *(p[1] for p in extra))
    panel.box = (u0 - 3, v0 - 3, u1 + 3, v1 + 3)


def layout(
    panels: list[Panel], gap: float, shape: str, *, stacked: bool = False
) -> tuple[float, float, float, float]:
    """Place the panels side by side (or one under the other); the box (x, y, width, height)."""
    if stacked:
        width = max(p.box[2] - p.box[0] for p in panels)
        v = 0.0
        for i, panel in enumerate(panels):
            u0, v0, u1, v1 = panel.box
            panel.dx = (width - (u1 - u0)) / 2 - u0
            panel.dv = v - v1 - (gap if i else 0.0)
            v = panel.dv + v0
        x0, x1, v0, v1 = 0.0, width, v, 0.0
    else:
        u = 0.0
        for i, panel in enumerate(panels):
            u0, _, u1, _ = panel.box
            panel.dx = u - u0 + (gap if i else 0.0)
            u = panel.dx + u1
        x0, x1 = 0.0, u
        v0 = min(p.box[1] for p in panels)
        v1 = max(p.box[3] for p in panels)
    w, h = x1 - x0, v1 - v0
    if shape == "square":
        side = max(w, h)
        x0, x1 = x0 - (side - w) / 2, x1 + (side - w) / 2
        v0, v1 = v0 - (side - h) / 2, v1 + (side - h) / 2
    else:
        if w < 0.75 * h:
            x0, x1 = x0 - (0.75 * h - w) / 2, x1 + (0.75 * h - w) / 2
        if h < 0.5 * w:
            v0, v1 = v0 - (0.5 * w - h) / 2, v1 + (0.5 * w - h) / 2
    return (x0, -v1, x1 - x0, v1 - v0)


def still_panels(figure: Figure, flowing: bool, *, small: bool) -> tuple[list[Panel], bool]:
    """The still's pictures: the main view with its ghost and arrows, then any second view.

    The second view shows the position alone: it is there for what the first cannot show
    (how wide the knees are, which way the chest turns).
    """
    run = motion(figure)
    drawn, memo = run.drawn, run.memo
    proj = Projection.of(figure.camera)
    plan = plan_still(figure, run, proj, flowing=flowing)
    solid = drawn[plan.show].points
    panels: list[Panel] = []
    pair = False
    if plan.pair and plan.ghost is not None:
        # A thumbnail has no room for two pictures: the end position and its arrows.
        pair = not small
        if not small:
            panels.append(Panel(proj, [drawn[plan.ghost].points], memo=memo))
        panels.append(Panel(proj, [solid], arrows=plan.arrows, memo=memo))
    else:
        ghost = drawn[plan.ghost].points if plan.ghost is not None else None
        panels.append(
            Panel(
                proj,
                [solid],
                ghost=ghost,
                ghost_chains=plan.ghost_chains,
                arrows=plan.arrows,
                memo=memo,
            )
        )
    if figure.second_view is not None and not small:
        panels.append(Panel(Projection.of(figure.second_view), [solid], memo=memo))
    return panels, pair


def motion_panels(figure: Figure) -> list[Panel]:
    """The animation's pictures: every view, through every position of one pass."""
    run = motion(figure)
    line = Timeline(tuple(s.t for s in run.samples), run.total)
    flip = (run.last_hold_end, run.total) if figure.sides == "both" else None
    points = [s.points for s in run.samples]
    return [
        Panel(Projection.of(camera), points, line, flip=flip, memo=run.memo)
        for camera in [figure.camera, *([figure.second_view] if figure.second_view else [])]
    ]
