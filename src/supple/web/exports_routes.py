"""The programme as files to download: the handout (PDF), the calendar (ICS) and the health
record (FHIR R4), at ``/api/v1/export/...``; Today's "Print or download" links here."""

from __future__ import annotations

import json
from datetime import UTC
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from supple.app.exports import CurrentProgramme, current_programme, outcomes
from supple.web.deps import Context, ContextDep, Memo, PersonMemo
from supple.web.schemas import ErrorOut

router = APIRouter(
    prefix="/api/v1/export",
    tags=["export"],
    responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)

Minutes = Annotated[
    int | None, Query(ge=3, le=60, description="Refit the routine to this many minutes.")
]
#: One swap in the query: two exercise ids.
SWAP = r"^[a-z0-9]+(_[a-z0-9]+)*:[a-z0-9]+(_[a-z0-9]+)*$"
#: A time of day in the query.
TIME = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
#: Weekdays in the query, comma-separated.
DAYS = r"^(mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*$"
Swaps = Annotated[
    list[str] | None,
    Query(
        alias="swap",
        max_length=20,
        description="A swap as Today makes it: OLD_ID:NEW_ID.",
        json_schema_extra={"items": {"type": "string", "pattern": SWAP}},
    ),
]


def _swaps(given: list[str] | None) -> dict[str, str]:
    pairs = {}
    for pair in given or []:
        old, sep, new = pair.partition(":")
        if not (sep and old and new):
            raise HTTPException(422, f"swap: '{pair[:60]}' is not OLD_ID:NEW_ID")
        pairs[old] = new
    return pairs


def _programme(ctx: Context, minutes: int | None, swaps: list[str] | None) -> CurrentProgramme:
    return current_programme(
        store=ctx.store,
        library=ctx.library,
        today=ctx.today(),
        minutes=minutes,
        swaps=_swaps(swaps),
    )


#: Handouts kept made: a PDF takes a second or two to render and never changes for the same
#: routine, paper and day. Few, as each is about 100 kB.
HANDOUTS_KEPT = 16


def _handouts(request: Request, ctx: Context) -> PersonMemo:
    """This person's view of the app's handout memo (made on first use)."""
    state = request.app.state
    if getattr(state, "handouts", None) is None:
        state.handouts = Memo(size=HANDOUTS_KEPT)
    return PersonMemo(state.handouts, ctx.store.person_id)


def _today_link(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/today"


def _download(body: bytes, media_type: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return Response(body, media_type=media_type, headers=headers)


@router.get(
    "/handout.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "The handout."}},
)
def handout(
    request: Request,
    ctx: ContextDep,
    paper: Literal["a4", "letter"] = "a4",
    large_print: bool = False,
    minutes: Minutes = None,
    swap: Swaps = None,
) -> Response:
    """Today's routine as a printable handout: figures, doses in words, the safety lines."""
    from supple.export.handout import HandoutError, render_handout
    from supple.export.inputs import handout_input

    programme = _programme(ctx, minutes, swap)
    link = _today_link(request)
    data = handout_input(programme, ctx.library, app_link=link)
    key = (programme.plan.model_dump_json(), programme.days_per_week, ctx.today(), link)
    try:
        pdf: bytes = _handouts(request, ctx).get(
            (key, paper, large_print),
            lambda: render_handout(data, paper=paper, large_print=large_print),
        )
    except HandoutError as exc:
        raise HTTPException(422, str(exc)) from None
    return _download(pdf, "application/pdf", "supple-handout.pdf")


@router.get(
    "/calendar.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "The calendar file."}},
)
def calendar(
    request: Request,
    ctx: ContextDep,
    days: Annotated[
        str | None,
        Query(
            max_length=40,
            # Stated for clients; the app checks it itself, to answer in plain words.
            json_schema_extra={"pattern": DAYS},
            description="Weekdays, comma-separated (default: spread out).",
        ),
    ] = None,
    at: Annotated[
        str,
        Query(
            max_length=5,
            json_schema_extra={"pattern": TIME},
            description="The time, HH:MM.",
        ),
    ] = "08:00",
) -> Response:
    """The routine as a calendar file: a repeating event with an alarm, private by default."""
    from supple.export.calendar import CalendarError, calendar_ics, parse_days, parse_time
    from supple.export.inputs import calendar_input, person_key

    try:
        chosen = None if days is None else parse_days(days)
        when = parse_time(at)
        data = calendar_input(
            _programme(ctx, None, None),
            person_key=person_key(ctx.store.person_id),
            days=chosen,
            at=when,
            app_link=_today_link(request),
        )
        ics = calendar_ics(data, stamp=ctx.clock().astimezone(UTC))
    except CalendarError as exc:
        raise HTTPException(422, str(exc)) from None
    return _download(ics, "text/calendar", "supple-routine.ics")


@router.get(
    "/fhir",
    response_class=Response,
    responses={200: {"content": {"application/fhir+json": {}}, "description": "A Bundle."}},
)
def fhir(ctx: ContextDep) -> Response:
    """The programme and every pain, PSFS and session record as a FHIR R4 Bundle."""
    from supple.export.fhir.build import build_bundle
    from supple.export.fhir.model import FhirError
    from supple.export.inputs import person_key, record_input

    programme = _programme(ctx, None, None)
    records = outcomes(store=ctx.store, today=ctx.today())
    data = record_input(programme, records, ctx.library, person_key=person_key(ctx.store.person_id))
    try:
        bundle = build_bundle(data, generated=ctx.clock().astimezone(UTC))
    except FhirError as exc:
        raise HTTPException(422, str(exc)) from None
    body = json.dumps(bundle, ensure_ascii=False).encode()
    return _download(body, "application/fhir+json", "supple-record.json")
