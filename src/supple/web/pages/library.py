"""The library pages: search with filters (each move with a small picture), one exercise laid
out for reading, and its thumbnail."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from supple.library.vocab import EQUIPMENT, KINDS, POSITIONS, REGIONS
from supple.web.deps import Context, Viewer, ViewerDep
from supple.web.library_view import figure_svg, filter_exercises
from supple.web.pages.render import page

router = APIRouter()
#: The filters the page offers, each with its allowed values.
OPTIONS: dict[str, tuple[str, ...]] = {
    "region": REGIONS,
    "position": POSITIONS,
    "kind": KINDS,
    "equipment": (*EQUIPMENT, "none"),
}
#: What each filter is called on the page.
LABELS = {
    "region": "Part of the body",
    "position": "Position",
    "kind": "Kind of move",
    "equipment": "Needs",
}


def _pick(value: str | None, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


def _drawn() -> frozenset[str]:
    from supple.figures import figure_ids

    return frozenset(figure_ids())


@router.get("/library", response_class=HTMLResponse)
def index(
    request: Request,
    ctx: ViewerDep,
    q: str | None = None,
    region: str | None = None,
    position: str | None = None,
    kind: str | None = None,
    equipment: str | None = None,
) -> HTMLResponse:
    chosen = {
        "q": (q or "")[:100],
        "region": _pick(region, OPTIONS["region"]),
        "position": _pick(position, OPTIONS["position"]),
        "kind": _pick(kind, OPTIONS["kind"]),
        "equipment": _pick(equipment, OPTIONS["equipment"]),
    }
    found = filter_exercises(ctx.library, **chosen)
    return page(
        request,
        "library.html",
        ctx=ctx,
        nav="library",
        found=found,
        chosen=chosen,
        total=len(ctx.library),
        options=OPTIONS,
        labels=LABELS,
        drawn=ctx.web.memo.get("figure_ids", _drawn),
    )


@router.get("/library/{exercise_id}/thumb.svg")
def thumbnail(exercise_id: str, ctx: ViewerDep) -> Response:
    """The move's small still picture for the list (404 when it has none)."""
    svg = figure_svg(ctx.web.memo, ctx.library[exercise_id], size="thumb")
    if svg is None:
        return Response(status_code=404)
    return Response(
        svg, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
    )


def entry_page(
    request: Request, ctx: Context | Viewer, exercise_id: str, problem: str | None = None
) -> HTMLResponse:
    """One move laid out for reading (``problem``: why it cannot be started on its own)."""
    ex = ctx.library[exercise_id]
    variants = {
        "Easier": [ctx.library[i] for i in ex.regressions],
        "Harder": [ctx.library[i] for i in ex.progressions],
    }
    return page(
        request,
        "exercise.html",
        ctx=ctx,
        status_code=409 if problem else 200,
        nav="library",
        ex=ex,
        has_figure=ex.id in ctx.web.memo.get("figure_ids", _drawn),
        variants=variants,
        problem=problem,
    )


@router.get("/library/{exercise_id}", response_class=HTMLResponse)
def entry(request: Request, exercise_id: str, ctx: ViewerDep) -> HTMLResponse:
    return entry_page(request, ctx, exercise_id)
