"""Settings: the minutes, what the person has and can do and their health (without answering
every question again), the player on this device, and their data (download, delete)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from supple.app import backups, reminders, screening
from supple.app.errors import NoProfile
from supple.presentation import answer_problems
from supple.safety.questions import QUESTIONS
from supple.web import screening as form_words
from supple.web.deps import Context, ContextDep
from supple.web.pages.render import form_lists, page, whole_number

router = APIRouter()
#: Where the settings page is, with what was saved.
SAVED = {
    "minutes": "Saved. Today's routine now fits the new time.",
    "answers": "Saved. Today's routine now follows your answers.",
    "reminders": "Saved your reminders.",
    "deleted": "",
}


def _page(
    request: Request,
    ctx: Context,
    *,
    status: int = 200,
    saved: str | None = None,
    error: str | None = None,
    typed: dict[str, list[str]] | None = None,
    problems: dict[str, str] | None = None,
    minutes: str | None = None,
    **extra: Any,
) -> HTMLResponse:
    profile = ctx.store.latest_profile()
    kept = reminders.read_settings(ctx.store)
    order = form_words.SETTINGS_QUESTIONS
    questions = sorted(
        (q for q in QUESTIONS if q.field in order), key=lambda q: order.index(q.field)
    )
    return page(
        request,
        "settings.html",
        ctx=ctx,
        status_code=status,
        nav="settings",
        profile=profile,
        saved=SAVED.get(saved or ""),
        error=error,
        minutes=minutes if minutes is not None else (profile.minutes if profile else ""),
        questions=questions,
        fresh=False,
        answers=typed if typed is not None else (form_words.as_form(profile) if profile else {}),
        problems=problems or {},
        asked=None,
        words=form_words,
        feed=ctx.store.calendar_feed(),
        reminders=kept,
        browsers=len(ctx.store.push_targets()),
        **{"reminder_form": reminder_values(kept), **extra},
    )


def reminder_values(choice: reminders.ReminderChoice) -> dict[str, Any]:
    """The reminders form's fields as kept (a refused form shows what was typed instead)."""
    s = choice.settings
    return {
        "enabled": choice.enabled,
        "days": set(s.days),
        "at": s.at.strftime("%H:%M"),
        "follow_up": s.follow_up,
        "quiet_start": s.quiet_start.strftime("%H:%M") if s.quiet_start else "",
        "quiet_end": s.quiet_end.strftime("%H:%M") if s.quiet_end else "",
    }


def settings_page(
    request: Request, ctx: Context, status_code: int = 200, **extra: Any
) -> HTMLResponse:
    """The settings page with ``extra`` for its parts (the calendar feed's link or error)."""
    return _page(request, ctx, status=status_code, **extra)


@router.get("/settings", response_class=HTMLResponse)
def settings(
    request: Request, ctx: ContextDep, saved: str | None = None, feed: str | None = None
) -> HTMLResponse:
    return _page(request, ctx, saved=saved, feed_stopped=feed == "stopped")


@router.post("/settings", response_class=HTMLResponse)
async def save_minutes(request: Request, ctx: ContextDep) -> Response:
    raw = (await form_lists(request)).get("minutes", [""])[-1]
    minutes = whole_number(raw, 3, 60)
    if ctx.store.latest_profile() is None:  # nothing to change yet
        return RedirectResponse("/check", status_code=303)
    if minutes is None:
        error = "Minutes per day must be a whole number from 3 to 60."
        return _page(request, ctx, status=400, error=error, minutes=raw[:10])
    screening.set_minutes(store=ctx.store, minutes=minutes)
    return RedirectResponse("/settings?saved=minutes", status_code=303)


@router.post("/settings/answers", response_class=HTMLResponse)
async def save_answers(request: Request, ctx: ContextDep) -> Response:
    """Change what the person has, can do and lives with; new safety questions that now apply
    (pregnancy brings its own) are asked before the next routine."""
    form = await form_lists(request)
    try:
        before = screening.saved_profile(ctx.store)
        answers: dict[str, Any] = form_words.settings_from_form(form)
        after = screening.change(store=ctx.store, answers=answers)
    except NoProfile:
        return RedirectResponse("/check", status_code=303)
    except form_words.FormError as exc:
        return _page(request, ctx, status=400, typed=form, problems=exc.problems)
    except ValidationError as exc:
        return _page(request, ctx, status=400, typed=form, problems=answer_problems(exc.errors()))
    if screening.red_flags_asked(after) - screening.red_flags_asked(before):
        return RedirectResponse("/check/safety?why=new_questions", status_code=303)
    return RedirectResponse("/settings?saved=answers", status_code=303)


@router.get("/settings/export.{fmt}")
def export(fmt: str, ctx: ContextDep) -> Response:
    """Everything the person recorded, as a file to keep (JSON or CSV)."""
    if fmt not in ("json", "csv"):
        return Response("only export.json and export.csv exist", status_code=404)
    text = backups.export_records(store=ctx.store, fmt="json" if fmt == "json" else "csv")
    media = "application/json" if fmt == "json" else "text/csv"
    name = f"supple-{ctx.today().isoformat()}.{fmt}"
    return Response(
        text, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.post("/settings/delete", response_class=HTMLResponse)
async def delete(request: Request, ctx: ContextDep) -> Response:
    """Delete everything the person recorded, once they have ticked that they mean it."""
    form = await form_lists(request)
    if (form.get("sure") or [""])[-1] != "yes":
        error = "Tick the box to say you want everything deleted; nothing was deleted."
        return _page(request, ctx, status=400, error=error)
    backups.delete_records(store=ctx.store)
    ctx.web.memo.forget_person(ctx.store.person_id)
    return page(request, "deleted.html", ctx=ctx, nav="settings")
