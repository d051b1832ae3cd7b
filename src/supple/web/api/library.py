"""The exercise library: search, filters, one entry, its figure."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from supple.app.errors import NotFound
from supple.library import Exercise
from supple.web.deps import ViewerDep
from supple.web.library_view import figure_svg, filter_exercises, summary
from supple.web.schemas import ErrorOut, ExerciseSummary

router = APIRouter(tags=["library"], responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
Text = Annotated[str | None, Query(max_length=100)]


@router.get("/exercises", response_model=list[ExerciseSummary])
def search(
    ctx: ViewerDep,
    q: Text = None,
    region: Text = None,
    position: Text = None,
    kind: Text = None,
    equipment: Text = None,
) -> list[ExerciseSummary]:
    """Exercises matching every given filter (``q`` searches names, aliases and purpose)."""
    found = filter_exercises(
        ctx.library, q=q, region=region, position=position, kind=kind, equipment=equipment
    )
    return [summary(ex) for ex in found]


@router.get("/exercises/{exercise_id}", response_model=Exercise)
def entry(exercise_id: str, ctx: ViewerDep) -> Any:
    """One full library entry."""
    return ctx.library[exercise_id]


@router.get(
    "/exercises/{exercise_id}/figure.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def figure(exercise_id: str, ctx: ViewerDep, animated: bool = True) -> Response:
    """The exercise's illustration as SVG (animated between its keyframes by default)."""
    svg = figure_svg(ctx.web.memo, ctx.library[exercise_id], animated=animated)
    if svg is None:
        raise NotFound(f"no figure for {exercise_id} yet")
    return Response(
        svg, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=3600"}
    )
