"""The printed handout, read back with pdfplumber, rendered with pdftoppm, its QR read by zbar."""

from __future__ import annotations

from datetime import date

import pytest

from supple.export.handout import (
    GET_CHECKED,
    HandoutError,
    HandoutInput,
    handout_html,
    large_print_parts,
    render_handout,
)
from supple.export.pdf import PackageOnlyFetcher, RefusedURL, html_to_pdf
from supple.library import load_library
from supple.library.model import Exercise
from supple.planner import make_plan
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.phrase import phrase
from supple.planner.plan import plan_item
from supple.presentation.words import REP_HOLD_S, dose_sentence
from supple.safety.profile import Profile
from tests.export.pdf_reader import (
    Page,
    folded,
    need,
    page_png,
    png_size,
    qr_codes,
    read_pages,
    reads,
)

LIBRARY = load_library()
LINK = "http://127.0.0.1:8000/today"
#: Filled colour shapes a page needs to count as showing a figure: a body drawn solid has more
#: (trunk, shorts, neck, head, and each near limb's three parts).
FIGURE = 10
#: Points per millimetre; A4 is 210 x 297 mm, US Letter 8.5 x 11 in.
MM = 72 / 25.4
SIZES = {"a4": (210 * MM, 297 * MM), "letter": (8.5 * 72, 11 * 72)}


@pytest.fixture(scope="module")
def handout() -> HandoutInput:
    # An older person's routine gets a "get checked soon" referral beside its moves.
    plan = make_plan(Profile(minutes=15, age=70), LIBRARY, seed=3, day=date(2025, 3, 3))
    assert plan.items and plan.referral is not None
    return HandoutInput(
        plan=plan,
        library=LIBRARY,
        person_name="Alex Morgan",
        days_per_week=5,
        clinician="Sam Patel, physiotherapist",
        notes={plan.items[1].exercise: "Keep the range small for the first week."},
        app_link=LINK,
        made_on=date(2025, 3, 3),
    )


@pytest.fixture(scope="module")
def pdfs(handout: HandoutInput) -> dict[str, bytes]:
    """One render per paper, and one in large print."""
    return {
        "a4": render_handout(handout, paper="a4"),
        "letter": render_handout(handout, paper="letter"),
        "large": render_handout(handout, paper="a4", large_print=True),
    }


@pytest.fixture(scope="module")
def read(pdfs: dict[str, bytes]) -> dict[str, list[Page]]:
    """Each PDF read back once."""
    return {which: read_pages(pdf) for which, pdf in pdfs.items()}


def _move_pages(pages: list[Page], handout: HandoutInput) -> list[Page]:
    """The pages after the cover: from the first that prints move 1's dose in full."""
    first = dose_sentence(handout.plan.items[0])
    start = next(n for n, p in enumerate(pages) if reads(p.text, first))
    return pages[start:]


@pytest.mark.parametrize("which", ["a4", "letter", "large"])
def test_every_move_name_and_dose_is_printed(
    read: dict[str, list[Page]], handout: HandoutInput, which: str
) -> None:
    text = " ".join(p.text for p in read[which])
    for item in handout.plan.items:
        assert reads(text, item.name), item.name
        assert reads(text, dose_sentence(item)), dose_sentence(item)
        # The numbers themselves, whatever the wording; a hold of a few seconds is a repetition
        # of a movement (issue 16, item 17), so its seconds are not printed.
        if item.hold_s is not None and item.hold_s <= REP_HOLD_S and item.reps > 1:
            assert f"{item.reps} slow repetitions" in text
            continue
        if item.hold_s is not None:
            assert f"{item.hold_s} seconds" in text
        if item.reps > 1:
            assert f"{item.reps} times" in text or (item.reps == 2 and "twice" in text)
    exercise = LIBRARY[handout.plan.items[0].exercise]
    assert reads(text, exercise.steps[0])
    assert reads(text, exercise.stop_if[0])
    assert reads(text, "Keep the range small for the first week.")


@pytest.mark.parametrize("which", ["a4", "letter", "large"])
def test_each_page_of_moves_shows_its_figure(
    read: dict[str, list[Page]], handout: HandoutInput, which: str
) -> None:
    pages = read[which]
    moves = _move_pages(pages, handout)
    assert moves, "no page of moves"
    for n, page in enumerate(moves):
        assert page.figure_shapes >= FIGURE, f"page {len(pages) - len(moves) + n + 1} has no figure"
    if which != "large":
        # The cover fits one page (on A4 with its tick log); then two or three moves a page.
        assert len(pages) - len(moves) == 1
        assert ("Tick a box each day you do it" in pages[0].text) == (which == "a4")
        assert len(moves) <= -(-len(handout.plan.items) // 2)


@pytest.mark.parametrize("which", ["a4", "letter", "large"])
def test_the_paper_size_is_right(read: dict[str, list[Page]], which: str) -> None:
    width, height = SIZES["letter" if which == "letter" else "a4"]
    for page in read[which]:
        assert page.width == pytest.approx(width, abs=0.5)
        assert page.height == pytest.approx(height, abs=0.5)


def test_the_cover_has_the_name_days_safety_lines_and_a_qr_code_that_scans(
    pdfs: dict[str, bytes], read: dict[str, list[Page]], handout: HandoutInput
) -> None:
    cover = read["a4"][0].text
    assert "Alex Morgan" in cover
    assert "5 days a week" in cover
    assert "Stop any move that hurts." in cover
    assert folded(GET_CHECKED) in cover
    assert handout.plan.referral is not None
    assert "Get checked soon" in cover
    assert folded(handout.plan.referral.advice) in cover
    assert "Sam Patel, physiotherapist" in cover
    png = page_png(pdfs["a4"], "cover-a4-gray", dpi=72, gray=True)
    assert qr_codes(png) == [LINK]


@pytest.mark.parametrize("which", ["a4", "letter", "large"])
def test_page_one_renders_to_a_png_kept_as_an_artefact(pdfs: dict[str, bytes], which: str) -> None:
    png = page_png(pdfs[which], f"handout-{which}-page1")
    width, height = png_size(png)
    expected = SIZES["letter" if which == "letter" else "a4"]
    assert (width, height) == pytest.approx((expected[0] / 72 * 60, expected[1] / 72 * 60), abs=2)
    # A page of moves too, to look at.
    page_png(pdfs[which], f"handout-{which}-page3", page=3)


@pytest.mark.parametrize(("which", "points"), [("a4", 11), ("letter", 11), ("large", 18)])
def test_the_words_of_the_moves_are_set_in_11_or_18_point(
    read: dict[str, list[Page]], handout: HandoutInput, which: str, points: int
) -> None:
    for page in _move_pages(read[which], handout):
        assert page.body_size == pytest.approx(points, abs=0.1)


def make_one(exercise: Exercise) -> Plan:
    """A plan of ``exercise`` alone, at its base dose."""
    items = [plan_item(exercise, base_dose(exercise), [phrase("purpose", text=exercise.purpose)])]
    return Plan(status="plan", items=items, total_seconds=items[0].seconds)


def test_the_longest_moves_with_full_notes_still_keep_a_figure_on_every_page() -> None:
    """The worst case for large print: the wordiest entries, each with a 300-character note."""
    wordiest = sorted(
        (e for e in LIBRARY.values() if e.avoid is None),
        key=lambda e: -sum(len(t) for t in [*e.steps, e.breathing, e.feel, *e.stop_if]),
    )[:6]
    assert any(len(large_print_parts(e, "n" * 300)) == 2 for e in wordiest)
    items = [plan_item(e, base_dose(e), [phrase("purpose", text=e.purpose)]) for e in wordiest]
    plan = Plan(status="plan", items=items, total_seconds=sum(i.seconds for i in items))
    note = ("Go a little further each day if it feels fine, and ease off if it does not. " * 5)[
        :300
    ]
    data = HandoutInput(plan=plan, library=LIBRARY, notes={i.exercise: note for i in items})
    pdf = render_handout(data, paper="letter", large_print=True)
    pages = read_pages(pdf)
    for page in _move_pages(pages, data):
        assert page.figure_shapes >= FIGURE


def test_a_page_of_moves_without_a_figure_is_found() -> None:
    """The count above finds figures, not the page's own furniture: a move without one has none."""
    ex = LIBRARY["cat_cow"]
    faceless = ex.model_copy(update={"id": "no_such_move"})
    data = HandoutInput(plan=make_one(faceless), library={"no_such_move": faceless})
    moves = _move_pages(read_pages(render_handout(data, paper="a4")), data)
    assert moves and all(page.figure_shapes == 0 for page in moves)
    # The same move with its figure shows one.
    real = HandoutInput(plan=make_one(ex), library=LIBRARY)
    shown = _move_pages(read_pages(render_handout(real)), real)
    assert shown and all(page.figure_shapes >= FIGURE for page in shown)


def test_no_routine_no_handout() -> None:
    plan = make_plan(Profile(red_flags=["chest_pain"]), LIBRARY)
    with pytest.raises(HandoutError, match="get checked"):
        render_handout(HandoutInput(plan=plan, library=LIBRARY))


def test_a_note_too_long_to_print_is_refused(handout: HandoutInput) -> None:
    item = handout.plan.items[0]
    data = HandoutInput(plan=handout.plan, library=LIBRARY, notes={item.exercise: "x" * 301})
    with pytest.raises(HandoutError, match="300 characters"):
        handout_html(data)


def test_the_name_and_notes_are_escaped(handout: HandoutInput) -> None:
    item = handout.plan.items[0]
    data = HandoutInput(
        plan=handout.plan,
        library=LIBRARY,
        person_name="<script>x</script>",
        notes={item.exercise: "<img src=http://example.com/x.png>"},
    )
    html = handout_html(data)
    assert "<script>" not in html and "<img src=http" not in html
    assert "&lt;script&gt;" in html


def test_the_renderer_fetches_nothing_from_outside_the_package(tmp_path: object) -> None:
    fetcher = PackageOnlyFetcher()
    for url in ("http://127.0.0.1:9/x.png", "https://example.com/a.css", "file:///etc/passwd"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    # A page that asks for a remote image still renders, without it.
    pdf = html_to_pdf('<p>Hello</p><img src="http://127.0.0.1:9/x.png">', css="")
    assert "Hello" in read_pages(pdf)[0].text
    css = fetcher.fetch(PackageOnlyFetcher()._root.joinpath("handout.css").as_uri())
    assert b"@page" in css.read()


def test_pdftoppm_and_zbarimg_are_installed() -> None:
    need("pdftoppm")
    need("zbarimg")
