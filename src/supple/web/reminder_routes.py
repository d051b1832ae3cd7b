"""Reminders: the person's settings (``/api/v1/reminders`` and the settings page), the browsers
that receive them (``/api/v1/reminders/subscriptions``) and the server's public push key."""

from __future__ import annotations

from datetime import time
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from supple.app import reminders
from supple.app.errors import Refused
from supple.app.reminders import ReminderChoice
from supple.web.deps import Context, ContextDep
from supple.web.pages.render import form_lists
from supple.web.pages.settings import settings_page
from supple.web.schemas import ErrorOut

router = APIRouter()
api = APIRouter(
    prefix="/api/v1/reminders",
    tags=["reminders"],
    responses={422: {"model": ErrorOut}},
)

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAYS: tuple[Day, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class RemindersIn(BaseModel):
    """When to be reminded: the days, the time, the follow-up and quiet hours (local times)."""

    model_config = ConfigDict(extra="forbid")
    enabled: StrictBool = Field(description="Send reminders at all.")
    days: list[Day] = Field(
        default_factory=lambda: list(DAYS), min_length=1, max_length=7, description="Weekdays."
    )
    at: str = Field("08:00", pattern=_HHMM, description="The time of the reminder, HH:MM.")
    follow_up: StrictBool = Field(
        True, description="One more, 3 hours later, if no session was logged by then."
    )
    quiet_start: str | None = Field(None, pattern=_HHMM, description="No reminder from, HH:MM.")
    quiet_end: str | None = Field(None, pattern=_HHMM, description="…until, HH:MM.")


class LastSentOut(BaseModel):
    slot: Literal["first", "follow_up"]
    at: str


class RemindersOut(BaseModel):
    """The person's reminders, and how many of their browsers receive them."""

    enabled: bool
    days: list[Day]
    at: str
    follow_up: bool
    quiet_start: str | None
    quiet_end: str | None
    browsers: int
    last_sent: LastSentOut | None


class Keys(BaseModel):
    p256dh: str = Field(min_length=16, max_length=200)
    auth: str = Field(min_length=8, max_length=100)


class SubscriptionIn(BaseModel):
    """A browser's ``PushSubscription.toJSON()``."""

    model_config = ConfigDict(extra="ignore")
    endpoint: str = Field(
        min_length=12,
        max_length=1000,
        pattern=r"^https://[^\s/]+/\S*$",
        description="The push service's URL for this browser (https).",
    )
    keys: Keys


class KeyOut(BaseModel):
    """The server's public key, to subscribe with (``applicationServerKey``)."""

    application_server_key: str


def _hhmm(moment: time | None) -> str | None:
    return None if moment is None else moment.strftime("%H:%M")


def _out(ctx: Context, choice: ReminderChoice) -> RemindersOut:
    s = choice.settings
    last = None
    if choice.last is not None:
        last = LastSentOut(slot=choice.last.slot, at=choice.last.at.isoformat(timespec="minutes"))
    return RemindersOut(
        enabled=choice.enabled,
        days=[DAYS[d] for d in sorted(s.days)],
        at=s.at.strftime("%H:%M"),
        follow_up=s.follow_up,
        quiet_start=_hhmm(s.quiet_start),
        quiet_end=_hhmm(s.quiet_end),
        browsers=len(ctx.store.push_targets()),
        last_sent=last,
    )


def _save(ctx: Context, given: RemindersIn) -> None:
    if (given.quiet_start is None) != (given.quiet_end is None):
        raise Refused("quiet hours need both a start and an end")
    settings = reminders.make_settings(
        days=(DAYS.index(d) for d in given.days),
        at=time.fromisoformat(given.at),
        follow_up=given.follow_up,
        quiet_start=None if given.quiet_start is None else time.fromisoformat(given.quiet_start),
        quiet_end=None if given.quiet_end is None else time.fromisoformat(given.quiet_end),
    )
    reminders.save_settings(store=ctx.store, enabled=given.enabled, settings=settings)


@api.get("")
def get_reminders(ctx: ContextDep) -> RemindersOut:
    """The person's reminders (off, every day at 08:00, until they choose)."""
    return _out(ctx, reminders.read_settings(ctx.store))


@api.put("")
def put_reminders(ctx: ContextDep, body: RemindersIn) -> RemindersOut:
    """Change the reminders; a time in the quiet hours is refused (422, saying so)."""
    _save(ctx, body)
    return _out(ctx, reminders.read_settings(ctx.store))


@api.get("/key")
def push_key(ctx: ContextDep) -> KeyOut:
    """The server's public push key, for ``pushManager.subscribe``."""
    from supple.export.push import application_server_key
    from supple.web.reminder_sender import server_key

    return KeyOut(application_server_key=application_server_key(server_key(ctx.web)))


@api.post("/subscriptions", status_code=201, responses={409: {"model": ErrorOut}})
def add_subscription(ctx: ContextDep, body: SubscriptionIn) -> RemindersOut:
    """Keep this browser as one that receives the reminders (an https push endpoint); answer
    with the reminders, as GET does."""
    from supple.export.push import Subscription

    try:
        subscription = Subscription.from_json(body.model_dump())
    except ValueError as exc:
        raise Refused(str(exc)) from None
    reminders.save_subscription(store=ctx.store, target=subscription.target())
    return _out(ctx, reminders.read_settings(ctx.store))


@api.delete("/subscriptions", status_code=204, response_class=Response)
def drop_subscription(
    ctx: ContextDep, endpoint: Annotated[str, Query(min_length=1, max_length=1000)]
) -> Response:
    """Stop sending to this browser (one not kept is fine too)."""
    reminders.delete_subscription(store=ctx.store, endpoint=endpoint)
    return Response(status_code=204)


def _form_time(form: dict[str, list[str]], name: str) -> str | None:
    value = (form.get(name) or [""])[-1].strip()[:5]
    return value or None


@router.post("/settings/reminders", response_class=HTMLResponse, include_in_schema=False)
async def reminders_form(request: Request, ctx: ContextDep) -> Response:
    """The settings page's reminders: on or off, the days, the time, follow-up, quiet hours."""
    form = await form_lists(request)
    typed = {
        "enabled": bool(form.get("enabled")),
        "days": {i for i, d in enumerate(DAYS) if d in form.get("days", [])},
        "at": _form_time(form, "at") or "",
        "follow_up": bool(form.get("follow_up")),
        "quiet_start": _form_time(form, "quiet_start") or "",
        "quiet_end": _form_time(form, "quiet_end") or "",
    }
    try:
        given = RemindersIn(
            enabled=bool(form.get("enabled")),
            days=[d for d in DAYS if d in form.get("days", [])],
            at=_form_time(form, "at") or "",
            follow_up=bool(form.get("follow_up")),
            quiet_start=_form_time(form, "quiet_start"),
            quiet_end=_form_time(form, "quiet_end"),
        )
        _save(ctx, given)
    except Refused as exc:
        error = _sentence(str(exc))
        return settings_page(request, ctx, 422, reminder_error=error, reminder_form=typed)
    except ValidationError:
        error = "Tick at least one day and give times like 08:00."
        return settings_page(request, ctx, 422, reminder_error=error, reminder_form=typed)
    return RedirectResponse("/settings?saved=reminders#reminders-h", status_code=303)


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


__all__ = ["api", "router"]
