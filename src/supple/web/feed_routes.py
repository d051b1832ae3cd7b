"""The subscribable calendar: the feed a phone polls at ``/calendar/{token}.ics`` (open to
whoever holds the link), and the person's own controls for it, in the API
(``/api/v1/calendar-feed``) and on the settings page."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from supple.app import feeds
from supple.app.errors import Refused
from supple.app.exports import current_programme
from supple.app.feeds import CalendarFeed
from supple.web.access import PUBLIC
from supple.web.deps import Context, ContextDep, Web, person_context
from supple.web.links import public_link
from supple.web.pages.render import form_lists
from supple.web.pages.settings import settings_page
from supple.web.schemas import ErrorOut

router = APIRouter()
api = APIRouter(
    prefix="/api/v1/calendar-feed",
    tags=["export"],
    responses={409: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)


def _not_found() -> Response:
    """What a wrong or revoked link gets: the same few bytes as a link that never existed."""
    return Response("Not found", status_code=404, media_type="text/plain")


_DAY = "(mon|tue|wed|thu|fri|sat|sun)"


class FeedIn(BaseModel):
    """What the feed shows and when its event repeats."""

    model_config = ConfigDict(extra="forbid")
    details: StrictBool = Field(
        False, description="List the moves and doses (off: only the minutes)."
    )
    days: str | None = Field(
        None,
        max_length=27,
        pattern=rf"^{_DAY}(,{_DAY}){{0,6}}$",
        description="Weekdays, comma-separated (default: spread out).",
    )
    at: str = Field(
        "08:00", pattern=r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$", description="The time, HH:MM."
    )


class FeedOut(BaseModel):
    """The person's feed (its link only when it was just made: the token is kept hashed)."""

    details: bool
    days: list[str] | None
    at: str
    created_at: datetime
    url: str | None = None


def _out(feed: CalendarFeed, url: str | None = None) -> FeedOut:
    days = None if feed.days is None else list(feed.days)
    at = feed.at.strftime("%H:%M")
    return FeedOut(details=feed.details, days=days, at=at, created_at=feed.created_at, url=url)


def _link(request: Request, token: str) -> str:
    return public_link(request, f"/calendar/{token}.ics")


def _make(request: Request, ctx: Context, given: FeedIn) -> FeedOut:
    from supple.export.calendar import CalendarError, parse_days, parse_time

    try:
        days = None if not given.days else parse_days(given.days)
        at = parse_time(given.at)
    except CalendarError as exc:
        raise Refused(str(exc)) from None
    made = feeds.make_feed(
        store=ctx.store, details=given.details, days=days, at=at, now=ctx.clock()
    )
    return _out(made.feed, _link(request, made.token))


# Outside the JSON API's schema: a calendar app fetches it by its link, with no credentials.
@router.get("/calendar/{token}.ics", dependencies=[PUBLIC], include_in_schema=False)
def feed(request: Request, token: str) -> Response:
    """The person's routine as a calendar feed, for whoever holds its secret link."""
    from supple.export.calendar import calendar_ics
    from supple.export.inputs import calendar_input, person_key

    web: Web = request.app.state.web
    person = feeds.feed_owner(db=web.database, token=token)
    kept = None if person is None else web.records(person).calendar_feed()
    if person is None or kept is None:
        return _not_found()
    ctx = person_context(web, person)
    programme = current_programme(store=ctx.store, library=ctx.library, today=ctx.today())
    data = calendar_input(
        programme,
        person_key=person_key(person),
        days=kept.days,
        at=kept.at,
        app_link=public_link(request, "/today"),
    )
    ics = calendar_ics(replace(data, details=kept.details), stamp=ctx.clock().astimezone(UTC))
    # The link is the key: keep it out of shared caches and of the pages it might link to.
    headers = {"Cache-Control": "private, no-cache", "Referrer-Policy": "no-referrer"}
    return Response(ics, media_type="text/calendar", headers=headers)


@api.get("", responses={404: {"model": ErrorOut}})
def feed_status(ctx: ContextDep) -> FeedOut:
    """The person's calendar feed: what it shows (404 when they have none)."""
    from supple.app.errors import NotFound

    kept = ctx.store.calendar_feed()
    if kept is None:
        raise NotFound("there is no calendar feed: make one with POST")
    return _out(kept)


@api.post("", status_code=201)
def make_feed(request: Request, ctx: ContextDep, body: FeedIn) -> FeedOut:
    """Make the calendar feed, or rotate it: a new link (shown once); the old one stops."""
    return _make(request, ctx, body)


@api.delete("", status_code=204, response_class=Response)
def revoke_feed(ctx: ContextDep) -> Response:
    """Stop the calendar feed's link (nothing to stop is fine too)."""
    feeds.revoke_feed(store=ctx.store)
    return Response(status_code=204)


@router.post("/settings/calendar", response_class=HTMLResponse, include_in_schema=False)
async def feed_form(request: Request, ctx: ContextDep) -> Response:
    """The settings page's calendar controls: make or rotate the link, or stop it."""
    form = await form_lists(request)
    action = (form.get("action") or [""])[-1]
    if action == "stop":
        feeds.revoke_feed(store=ctx.store)
        return RedirectResponse("/settings?feed=stopped", status_code=303)
    try:
        given = FeedIn(
            details=bool(form.get("details")),
            days=",".join(day[:3] for day in form.get("days", [])[:7]) or None,
            at=(form.get("at") or ["08:00"])[-1][:5],
        )
        made = _make(request, ctx, given)
    except (Refused, ValidationError):
        error = "Tick the days you want (or none) and give a time like 08:00."
        return settings_page(request, ctx, 400, feed_error=error)
    return settings_page(request, ctx, 201, feed_link=made.url)


__all__ = ["api", "router"]
