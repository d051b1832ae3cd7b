"""The library pages: search with filters, and one exercise laid out for reading."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from supple.library.vocab import EQUIPMENT, KINDS, POSITIONS, REGIONS
from supple.web.deps import ViewerDep
from supple.web.forms import nonced
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


def _pick(value: str | None, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


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
        nav="library",
        found=found,
        chosen=chosen,
        total=len(ctx.library),
        options=OPTIONS,
    )


@router.get("/library/{exercise_id}", response_class=HTMLResponse)
def entry(request: Request, exercise_id: str, ctx: ViewerDep) -> HTMLResponse:
    ex = ctx.library[exercise_id]
    variants = {
        "Easier": [ctx.library[i] for i in ex.regressions],
        "Harder": [ctx.library[i] for i in ex.progressions],
    }
    return page(
        request,
        "exercise.html",
        nav="library",
        ex=ex,
        figure=nonced(figure_svg(ctx.web.memo, ex), request),
        variants=variants,
    )
