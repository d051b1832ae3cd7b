"""A clinician's page of one patient (answers and safety, programme, sessions, charts, notes and
flags), and the patient's programme printed for them (issue 15's handout, from the clinician)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from supple.app import prescriptions
from supple.app.exports import current_programme
from supple.app.patient_record import PatientRecord
from supple.presentation import item_dose
from supple.presentation.screens import status_word
from supple.presentation.triage import TITLES, flag_reason
from supple.web import charts, patient_view
from supple.web.clinician_schemas import exercise_names, today_of
from supple.web.deps import PatientViewDep
from supple.web.pages.render import page

router = APIRouter()

#: Feedback on a move, in words.
FEEDBACK_WORDS = {
    "fine": "fine",
    "too_easy": "too easy",
    "too_hard": "too hard",
    "painful": "painful",
}


def _daily(points: list[tuple[date, int]]) -> list[tuple[date, float]]:
    """One point a day: the mean of that day's scores."""
    by_day: dict[date, list[int]] = {}
    for day, score in points:
        by_day.setdefault(day, []).append(score)
    return [(d, sum(v) / len(v)) for d, v in sorted(by_day.items())]


def _charts(record: PatientRecord) -> tuple[str, str]:
    pain = [(p.at.astimezone().date(), p.score, p.moment) for p in record.pain]
    pain_chart = charts.line_chart(
        [
            charts.Series(
                "Before a session, or on its own",
                _daily([(d, s) for d, s, m in pain if m != "after"]),
            ),
            charts.Series(
                "Just after a session",
                _daily([(d, s) for d, s, m in pain if m == "after"]),
                alt=True,
            ),
        ],
        title="Pain over the last year, 0 to 10",
    )
    psfs_chart = charts.line_chart(
        [charts.Series("Average activity score", _daily([(p.day, p.score) for p in record.psfs]))],
        title="Activities scale over the last year, average 0 to 10",
    )
    return pain_chart, psfs_chart


@router.get("/clinician/patients/{patient_id}", response_class=HTMLResponse)
def patient(
    request: Request,
    patient_id: int,
    view: PatientViewDep,
    number: Annotated[int, Query(alias="page")] = 1,
) -> HTMLResponse:
    record = patient_view.build(view, page=number if 0 < number < 100_000 else 1)
    pain_chart, psfs_chart = _charts(record)
    ctx = view.context
    changes = prescriptions.history(store=ctx.store, library=ctx.library, limit=3)
    return page(
        request,
        "patient.html",
        versions=changes,
        nav="",
        principal=view.principal,
        r=record,
        names=exercise_names(view.context.web.library),
        titles=TITLES,
        reason=flag_reason,
        dose=item_dose,
        status_word=status_word,
        feedback_words=FEEDBACK_WORDS,
        pain_chart=pain_chart,
        psfs_chart=psfs_chart,
    )


@router.get(
    "/clinician/patients/{patient_id}/handout.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "The handout."}},
)
def handout(
    request: Request,
    patient_id: int,
    view: PatientViewDep,
    paper: Literal["a4", "letter"] = "a4",
    large_print: bool = False,
) -> Response:
    """The patient's current programme printed, as their own "Print or download" makes it,
    with the clinician named on the cover."""
    from supple.export.handout import HandoutError, render_handout
    from supple.export.inputs import handout_input

    web = view.context.web
    programme = current_programme(
        store=view.context.store,
        library=web.library,
        today=today_of(web),
        make=patient_view.plan_maker(view.context),
    )
    link = str(request.base_url).rstrip("/") + "/today"
    data = handout_input(programme, web.library, app_link=link)
    assert view.principal.account is not None
    data = replace(data, clinician=view.principal.account.email)
    try:
        pdf = render_handout(data, paper=paper, large_print=large_print)
    except HandoutError as exc:
        raise HTTPException(422, str(exc)) from None
    headers = {
        "Content-Disposition": f'attachment; filename="supple-handout-{patient_id}.pdf"',
        "Cache-Control": "no-store",
    }
    return Response(pdf, media_type="application/pdf", headers=headers)
