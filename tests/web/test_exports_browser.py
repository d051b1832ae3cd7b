"""Today's "Print or download" in a real headless Chromium at phone width: it is there, nothing
scrolls sideways, and the buttons download a PDF and a calendar file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.export.pdf_reader import read_pages
from tests.web.browser import SHOTS, LiveServer
from tests.web.client import CALM

pytestmark = [pytest.mark.browser]
PHONE_390 = {"width": 390, "height": 844}


def _screened(server: LiveServer) -> None:
    from supple.safety.profile import Profile

    server.store.save_profile(Profile.model_validate(CALM))


def test_print_or_download_on_today_at_390_px(
    page: Any, server: LiveServer, tmp_path: Path
) -> None:
    _screened(server)
    page.set_viewport_size(PHONE_390)
    page.goto("/today")
    section = page.locator(".print-download")
    assert section.is_visible()
    assert page.get_by_role("heading", name="Print or download").is_visible()
    sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert sideways <= 0, f"the page scrolls {sideways} px sideways at 390 px"
    box = section.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_390["width"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    section.screenshot(path=str(SHOTS / "today-print-or-download-390.png"))

    page.select_option("#paper", "letter")
    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Handout (PDF)").click()
    download = pdf_download.value
    assert download.suggested_filename == "supple-handout.pdf"
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    pages = read_pages(pdf)
    assert pages and all((p.width, p.height) == pytest.approx((612, 792), abs=1) for p in pages)

    with page.expect_download() as ics_download:
        page.get_by_role("link", name="Add to your calendar (ICS)").click()
    cal = Calendar.from_ical(Path(ics_download.value.path()).read_bytes())
    assert [c.name for c in cal.walk() if c.name == "VEVENT"] == ["VEVENT"]
