"""Correct or delete an entry from the progress page: plain forms (no script needed), each
answered by a redirect back to the entries, or the page again with what was wrong."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response

from supple.app import corrections
from supple.app.errors import NotFound, Refused
from supple.app.ports import Records
from supple.app.records import Change
from supple.store import StoreError
from supple.web.deps import ContextDep
from supple.web.pages.progress import render
from supple.web.pages.render import form_lists, whole_number

router = APIRouter()
EntryId = Annotated[int, Path(ge=1, le=2**31 - 1)]


async def _field(request: Request, name: str) -> str:
    return ((await form_lists(request)).get(name) or [""])[-1]


def _done(request: Request, ctx: ContextDep, change: Callable[[], object]) -> Response:
    """Make the change and go back to the entries; a refusal shows the page with why."""
    try:
        change()
    except (StoreError, Refused) as exc:
        return render(request, ctx, error=str(exc))
    return RedirectResponse("/progress#entries", status_code=303)


@router.post("/progress/pain/{pain_id}")
async def correct_pain(request: Request, pain_id: EntryId, ctx: ContextDep) -> Response:
    form = await form_lists(request)
    score = whole_number((form.get("score") or [""])[-1], 0, 10)
    if score is None:
        return render(request, ctx, error="Pain is a whole number from 0 to 10.")
    note = (form.get("note") or [""])[-1][:500]
    return _done(
        request,
        ctx,
        lambda: corrections.correct_pain(store=ctx.store, pain_id=pain_id, score=score, note=note),
    )


@router.post("/progress/notes/{note_id}")
async def correct_note(request: Request, note_id: EntryId, ctx: ContextDep) -> Response:
    text = (await _field(request, "text"))[:2000]
    return _done(
        request,
        ctx,
        lambda: corrections.correct_note(store=ctx.store, note_id=note_id, text=text),
    )


@router.post("/progress/activities/{activity_id}")
async def rename_activity(request: Request, activity_id: EntryId, ctx: ContextDep) -> Response:
    name = (await _field(request, "name"))[:200]
    return _done(
        request,
        ctx,
        lambda: corrections.rename_activity(store=ctx.store, activity_id=activity_id, name=name),
    )


#: What each delete form removes: the kind in its path -> the use case.
DELETES: dict[str, Callable[[Records, int], Change]] = {
    "pain": lambda store, entry: corrections.delete_pain(store=store, pain_id=entry),
    "notes": lambda store, entry: corrections.delete_note(store=store, note_id=entry),
    "activities": lambda store, entry: corrections.remove_activity(store=store, activity_id=entry),
}


@router.post("/progress/{kind}/{entry}/delete")
def delete(request: Request, kind: str, entry: EntryId, ctx: ContextDep) -> Response:
    remove = DELETES.get(kind)
    if remove is None:
        raise NotFound(f"nothing at {request.url.path}")
    return _done(request, ctx, lambda: remove(ctx.store, entry))
