"""The should-fix items of issue 16 (11 to 19) as the pages serve them, without a browser."""

from __future__ import annotations

import json
import re

import pytest

from tests.web.client import CALM, Client


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _footer(html: str) -> str:
    return _text(html[html.rindex("<footer") :])


def test_the_footer_says_answer_the_questions_until_they_are(client: Client) -> None:
    """Item 19."""
    assert "Answer the questions ·" in _footer(client.get("/").text)
    assert "again" not in _footer(client.get("/library").text)
    assert client.post("/api/v1/profile", json=CALM).status_code == 200
    assert "Answer the questions again" in _footer(client.get("/library").text)


def test_today_says_what_a_chair_or_a_mat_would_add(client: Client) -> None:
    """Item 11: with nothing at hand many moves are left out, and Today says which thing adds
    most; with everything at hand it says nothing of it."""
    client.post("/api/v1/profile", json={**CALM, "minutes": 15, "equipment": []})
    note = re.search(
        r"[A-Z][^.<>]* would add \d+ moves to choose from[^.<>]*\.",
        _text(client.get("/today").text),
    )
    assert note, "no equipment note on Today"
    assert re.match(r"(A steady chair|A mat|A free wall|A towel or strap|A doorway)", note[0])
    everything = ["mat", "chair", "wall", "towel_or_strap", "doorway", "band", "step"]
    client.post("/api/v1/profile", json={**CALM, "minutes": 15, "equipment": everything})
    assert "would add" not in client.get("/today").text


def test_library_thumbnails_plain_words_and_other_names(client: Client) -> None:
    """Item 16: a picture per move in the list, 'lying on your back' and 'level 1 of 3', and
    only the aliases that are really other names."""
    html = client.get("/library").text
    thumbs = re.findall(r'<img class="thumb" src="(/library/[a-z0-9_]+/thumb\.svg)"', html)
    assert len(thumbs) > 40
    r = client.get(thumbs[0])
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    text = _text(html)
    tags = " ".join(re.findall(r'<span class="tags">([^<]*)<', html))
    assert "Lying on your back" in tags and "supine" not in tags.lower()
    assert re.search(r"level 1 of 3, the gentlest", text)
    also = re.search(r"Also called: ([^<]*)</p>", client.get("/library/cat_cow").text)
    assert also, "no other names for cat-cow"
    names = [n.strip() for n in also[1].split(",")]
    assert "cat camel" in names
    assert not {"cat cow", "cat-cow stretch"} & set(names)  # the same name, spelled otherwise


def test_one_move_starts_from_its_page(client: Client) -> None:
    """Item 16: 'start this move' plays the one move (once the questions are answered)."""
    assert client.post("/library/cat_cow/start").headers["location"] == "/check?came=today"
    client.post("/api/v1/profile", json=CALM)
    assert 'action="/library/cat_cow/start"' in client.get("/library/cat_cow").text
    r = client.post("/library/cat_cow/start")
    found = re.fullmatch(r"/play/(\d+)", r.headers["location"])
    assert r.status_code == 303 and found
    plan = client.get(f"/api/v1/plans/{found[1]}").json()["plan"]
    assert [i["exercise"] for i in plan["items"]] == ["cat_cow"]


def test_doses_in_repetitions_and_one_time_per_move(client: Client) -> None:
    """Item 17: a move of repetitions says '8 repetitions', never 'hold 2 s x 8'."""
    client.post("/api/v1/profile", json={**CALM, "minutes": 15})
    text = _text(client.get("/today").text)
    assert re.search(r"\d+ repetitions", text)
    assert not re.search(r"hold \d+ s [x×] \d+", text)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_my_data_exported_and_deleted_from_the_settings(client: Client, fmt: str) -> None:
    """Item 18: export and delete from the web; deleting needs the tick."""
    client.post("/api/v1/profile", json=CALM)
    client.post("/api/v1/pain", json={"score": 3})
    r = client.get(f"/settings/export.{fmt}")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    if fmt == "json":
        assert json.loads(r.text)
    else:
        assert r.text.splitlines()[0]
    refused = client.post("/settings/delete", data={})
    assert refused.status_code == 400 and "nothing was deleted" in refused.text
    assert client.get("/api/v1/profile").status_code == 200
    assert client.post("/settings/delete", data={"sure": "yes"}).status_code == 200
    assert client.get("/api/v1/profile").status_code == 404


def test_get_checked_soon_is_amber_and_says_only_what_is_true(client: Client) -> None:
    """Item 14: pain that lasts is "soon" (amber), without the "rare signs" words of a red
    flag; the routine is mentioned only when there is one; an emergency offers a number to
    call."""
    client.post("/api/v1/profile", json={**CALM, "pain_now": 6, "pain_weeks": 8})
    html = client.get("/referral").text
    assert 'class="referral urgency-soon"' in html
    text = _text(html)
    assert "Get checked within one to two weeks" in text and "rare" not in text
    assert "routine below" not in text and 'href="/today"' in html
    client.post("/api/v1/profile", json={**CALM, "red_flags": ["bladder_or_bowel_change"]})
    html = client.get("/referral").text
    assert 'class="referral urgency-emergency"' in html
    assert re.search(r'href="tel:(112|999|911|000|111)" id="call"', html)
    assert "See today's routine" not in html
