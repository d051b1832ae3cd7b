"""Project the 3-D scene to the screen for a view: side, front, three-quarter or above."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from supple.figures.body import Vec
from supple.figures.model import AZIMUTH, Camera, View


@dataclass(frozen=True)
class Projection:
    """Screen coordinates (u right, v up) and depth (larger is nearer) for one view.

    ``azimuth`` turns the camera about the vertical from the side view (0: looking at the
    body's right side, 90: at its front); ``elevation`` tips it to look down.
    """

    view: View
    elevation: float = 0.0
    mirrored: bool = False
    azimuth: float | None = None

    @classmethod
    def of(cls, camera: Camera, *, mirrored: bool = False) -> Projection:
        """The projection for ``camera``."""
        return cls(camera.view, camera.elevation, mirrored, camera.azimuth)

    @property
    def turn(self) -> float:
        """The azimuth in use: the given one, else the view's own."""
        return AZIMUTH[self.view] if self.azimuth is None else self.azimuth

    @property
    def level(self) -> bool:
        """Whether the camera looks straight along the floor (so a floor line can be drawn)."""
        return self.view != "above" and not self.elevation

    def level_depth(self, p: Vec) -> float:
        """Depth as seen with the camera level: which side of the body is nearer."""
        x, y, z = p
        if self.view == "above":
            return y
        a = math.radians(self.turn)
        return x * math.sin(a) + z * math.cos(a)

    @cached_property
    def rows(self) -> tuple[Vec, Vec, Vec]:
        """The linear map from the scene to (u, v, depth), worked out once."""
        if self.view == "above":
            u, v, d = (1.0, 0.0, 0.0), (0.0, 0.0, -1.0), (0.0, 1.0, 0.0)
        else:
            a = math.radians(self.turn)
            c, s = math.cos(a), math.sin(a)
            u, v, d = (c, 0.0, -s), (0.0, 1.0, 0.0), (s, 0.0, c)
        if self.elevation:
            # The camera looks down from above: nearer points sit lower on the screen.
            c, s = math.cos(math.radians(self.elevation)), math.sin(math.radians(self.elevation))
            v, d = (
                (v[0] * c - d[0] * s, v[1] * c - d[1] * s, v[2] * c - d[2] * s),
                (d[0] * c + v[0] * s, d[1] * c + v[1] * s, d[2] * c + v[2] * s),
            )
        if self.mirrored:
            u = (-u[0], -u[1], -u[2])
        return u, v, d

    def __call__(self, p: Vec) -> tuple[float, float, float]:
        x, y, z = p
        u, v, d = self.rows
        return (
            u[0] * x + u[1] * y + u[2] * z,
            v[0] * x + v[1] * y + v[2] * z,
            d[0] * x + d[1] * y + d[2] * z,
        )
