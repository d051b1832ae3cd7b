"""Entries a person can correct or delete: pain scores, notes and the activities of the PSFS,
each named by the id the list routes give."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from supple.app import corrections, tracking
from supple.app.records import KEEP, Activity, Change, NoteEntry, PainEntry
from supple.web.deps import ContextDep
from supple.web.schemas import (
    ActivityRename,
    ErrorOut,
    NoteCorrection,
    NoteIn,
    PainCorrection,
    SavedOut,
)

router = APIRouter(
    tags=["entries"],
    responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
EntryId = Annotated[int, Path(ge=1, le=2**31 - 1, description="the entry's id")]
Limit = Annotated[int, Query(ge=1, le=200)]


@router.get("/pain", response_model=list[PainEntry])
def pain_entries(ctx: ContextDep, limit: Limit = 20) -> list[PainEntry]:
    """The latest pain scores (daily ones and those of sessions), newest first, with ids."""
    return tracking.history(store=ctx.store, limit=limit).pain


@router.patch("/pain/{pain_id}", response_model=Change)
def correct_pain(pain_id: EntryId, body: PainCorrection, ctx: ContextDep) -> Change:
    """Correct the score and/or the note of a pain entry (``"note": null`` clears the note;
    a field left out is kept). Answers what changed: the entry before and after."""
    note = body.note if "note" in body.model_fields_set else KEEP
    return corrections.correct_pain(store=ctx.store, pain_id=pain_id, score=body.score, note=note)


@router.delete("/pain/{pain_id}", status_code=204, response_class=Response)
def delete_pain(pain_id: EntryId, ctx: ContextDep) -> Response:
    """Delete a pain entry (progress and the plan forget it at once)."""
    corrections.delete_pain(store=ctx.store, pain_id=pain_id)
    return Response(status_code=204)


@router.get("/notes", response_model=list[NoteEntry])
def notes(ctx: ContextDep, limit: Limit = 20) -> list[NoteEntry]:
    """The latest notes, newest first, with ids."""
    return tracking.history(store=ctx.store, limit=limit).notes


@router.post("/notes", response_model=SavedOut, status_code=201)
def add_note(body: NoteIn, ctx: ContextDep) -> SavedOut:
    """Keep a note, on its own or about one of your sessions (``session_id``)."""
    note_id = corrections.add_note(
        store=ctx.store, text=body.text, session_id=body.session_id, at=ctx.clock()
    )
    return SavedOut(id=note_id)


@router.patch("/notes/{note_id}", response_model=Change)
def correct_note(note_id: EntryId, body: NoteCorrection, ctx: ContextDep) -> Change:
    """Replace the text of a note; answers the note before and after."""
    return corrections.correct_note(store=ctx.store, note_id=note_id, text=body.text)


@router.delete("/notes/{note_id}", status_code=204, response_class=Response)
def delete_note(note_id: EntryId, ctx: ContextDep) -> Response:
    """Delete a note."""
    corrections.delete_note(store=ctx.store, note_id=note_id)
    return Response(status_code=204)


@router.get("/psfs/activities", response_model=list[Activity])
def activities(ctx: ContextDep) -> list[Activity]:
    """The activities named for the PSFS, in the order they were named, with ids."""
    return corrections.activities(store=ctx.store)


@router.patch("/psfs/activities/{activity_id}", response_model=Change)
def rename_activity(activity_id: EntryId, body: ActivityRename, ctx: ContextDep) -> Change:
    """Rename an activity (its scores stay with it; 409 if you have one of that name
    already); answers the name before and after."""
    return corrections.rename_activity(store=ctx.store, activity_id=activity_id, name=body.name)


@router.delete("/psfs/activities/{activity_id}", status_code=204, response_class=Response)
def remove_activity(activity_id: EntryId, ctx: ContextDep) -> Response:
    """Remove an activity and its scores (a place for another)."""
    corrections.remove_activity(store=ctx.store, activity_id=activity_id)
    return Response(status_code=204)
