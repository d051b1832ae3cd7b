"""The printed handout: a cover, then the moves two or three to a page, as a PDF made offline.

Built from the domain's plan and library entries; ``render_handout`` returns the PDF bytes and
``handout_html`` the HTML it is made from (for a browser's print view and for tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Literal

import segno
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from supple.export import print_figures
from supple.export.pdf import html_to_pdf
from supple.library.model import Exercise
from supple.planner.model import Plan, PlanItem
from supple.presentation.render import render_plan
from supple.presentation.words import (
    dose_sentence,
    item_dose,
    minutes_of,
    position,
    seconds_words,
)

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")

#: Always on the cover, whatever the plan says: the signs that need a doctor at once.
GET_CHECKED = (
    "Get checked straight away if you notice new numbness around the genitals or buttocks, "
    "new trouble controlling your bladder or bowel, or weakness in your legs that is getting "
    "worse."
)
STOP_IF_IT_HURTS = "Stop any move that hurts."
#: The tick-box log fits on the cover while the table and a referral take at most this many
#: rows (a referral box takes about two); US Letter is 18 mm shorter than A4.
LOG_ROWS: dict[Paper, int] = {"a4": 12, "letter": 10}
#: A clinician's note on a move is kept short enough to print beside it.
NOTE_MAX = 300
#: Large print (18 pt across the page): characters a line holds, and lines a page holds below
#: the heading and picture; measured on US Letter, the shorter paper, with a little to spare.
LARGE_LINE_CHARS = 48
LARGE_PAGE_LINES = 27

Block = Literal["steps", "breathing", "feel", "stop", "note"]
BLOCKS: tuple[Block, ...] = ("steps", "breathing", "feel", "stop", "note")


class HandoutError(ValueError):
    """A handout that cannot be made; the message says why in one line."""


@dataclass(frozen=True)
class HandoutInput:
    """What a handout shows besides the plan: all optional, none of it needed."""

    plan: Plan
    library: Mapping[str, Exercise]
    person_name: str | None = None
    days_per_week: int | None = None
    clinician: str | None = None
    notes: Mapping[str, str] = field(default_factory=dict)
    app_link: str | None = None
    made_on: date | None = None


@dataclass(frozen=True)
class Move:
    """One move as printed: the plan item's dose in words and the library entry's guidance."""

    number: int
    item: PlanItem
    exercise: Exercise
    dose: str
    short_dose: str
    time: str
    where: str
    note: str | None
    still: Markup | None
    frames: tuple[tuple[str, Markup], ...]
    parts: tuple[tuple[Block, ...], ...] = (BLOCKS,)
    #: The frames are taller than wide: two of them go side by side.
    frames_tall: bool = False


def _lines(texts: list[str]) -> int:
    return sum(-(-len(t) // LARGE_LINE_CHARS) for t in texts)


def large_print_parts(exercise: Exercise, note: str | None) -> tuple[tuple[Block, ...], ...]:
    """The move's text in one piece, or in two when in large print it would overrun a page.

    Each piece is printed with the heading and the picture, so every page shows its move.
    """
    texts: dict[Block, list[str]] = {
        "steps": list(exercise.steps),
        "breathing": [f"Breathing. {exercise.breathing}"],
        "feel": [f"What you should feel. {exercise.feel}"],
        "stop": ["Stop if", *exercise.stop_if],
        "note": [f"Note from your clinician: {note}"] if note else [],
    }
    sizes = [_lines(texts[b]) for b in BLOCKS]
    if sum(sizes) <= LARGE_PAGE_LINES:
        return (BLOCKS,)
    cut = max(n for n in range(1, len(BLOCKS)) if sum(sizes[:n]) <= LARGE_PAGE_LINES)
    return (BLOCKS[:cut], BLOCKS[cut:])


def _moves(data: HandoutInput, *, large_print: bool) -> list[Move]:
    if not data.plan.items:
        raise HandoutError("there is no routine to print: the screening asks you to get checked")
    moves: list[Move] = []
    for n, item in enumerate(data.plan.items, 1):
        exercise = data.library.get(item.exercise)
        if exercise is None:
            raise HandoutError(f"the routine names '{item.exercise}', which is not in the library")
        note = data.notes.get(item.exercise)
        if note is not None and len(note) > NOTE_MAX:
            raise HandoutError(f"the note on {item.name} is over {NOTE_MAX} characters")
        # A moving exercise shows its key frames in order; the first of them is its still.
        frames = print_figures.key_frames(exercise) if print_figures.moving(exercise) else []
        svg = None if frames else print_figures.still(exercise)
        moves.append(
            Move(
                number=n,
                item=item,
                exercise=exercise,
                dose=dose_sentence(item),
                short_dose=item_dose(item),
                time=seconds_words(item.seconds),
                where=position(item.position).capitalize(),
                note=note,
                still=Markup(svg) if svg else None,
                frames=tuple((f.label, Markup(f.svg)) for f in frames),
                parts=large_print_parts(exercise, note) if large_print else (BLOCKS,),
                frames_tall=print_figures.tall(frames),
            )
        )
    return moves


def qr_svg(link: str) -> Markup:
    """A QR code of ``link`` as inline SVG, black on white so it scans from any printer."""
    code = segno.make(link, error="m")
    return Markup(code.svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True))


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("supple.export", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _css(paper: Paper, large_print: bool) -> str:
    return (
        _environment()
        .get_template("handout.css")
        .render(paper="A4" if paper == "a4" else "letter", pt=18 if large_print else 11)
    )


def handout_html(data: HandoutInput, *, paper: Paper = "a4", large_print: bool = False) -> str:
    """The handout as one HTML document (styles are passed separately to the renderer)."""
    moves = _moves(data, large_print=large_print)
    plan = data.plan
    return (
        _environment()
        .get_template("handout.html")
        .render(
            person=data.person_name,
            days_per_week=data.days_per_week,
            clinician=data.clinician,
            moves=moves,
            show_log=not large_print
            and len(moves) + (2 if plan.referral else 0) <= LOG_ROWS[paper],
            minutes=minutes_of(plan.total_seconds),
            referral=plan.referral,
            advice=[a for a in render_plan(plan).advice if a],
            stop_line=STOP_IF_IT_HURTS,
            get_checked=GET_CHECKED,
            app_link=data.app_link,
            qr=qr_svg(data.app_link) if data.app_link else None,
            made_on=data.made_on,
            large_print=large_print,
        )
    )


def render_handout(data: HandoutInput, *, paper: Paper = "a4", large_print: bool = False) -> bytes:
    """The handout as PDF bytes, on A4 or US Letter, in normal or large (18 pt) print."""
    if paper not in PAPERS:
        raise HandoutError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    html = handout_html(data, paper=paper, large_print=large_print)
    return html_to_pdf(html, css=_css(paper, large_print))
