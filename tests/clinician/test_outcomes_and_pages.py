"""The patient list a page at a time over the API (headers, links, the old parameters), the
outcomes CSV read back with the csv module, and the paging links on /clinician."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

import pytest

from supple.app import outcomes
from supple.tracking.stratify import ITEM_IDS
from tests.accounts.kit import Install, install
from tests.clinician.kit import at, patient, session
from tests.web.client import Client


@pytest.fixture
def clients(made: Install) -> Iterator[Callable[[str], Client]]:
    """Signed-in clients, closed after the test."""
    opened: list[Client] = []

    def make(actor: str) -> Client:
        opened.append(made.client(actor))
        return opened[-1]

    yield make
    for one in opened:
        one.close()


@pytest.fixture
def made(database_url: str) -> Iterator[Install]:
    with install(database_url) as found:
        for n in range(5):
            records = patient(found, f"p{n}@example.org", f"Page {n}")
            session(records, 1 + n)
            for days in range(1, 8):  # a first week at 6, the last at 2
                records.log_pain(6, at=at(days + 23))
                records.log_pain(2, at=at(days))
        yield found


def test_the_api_pages_with_a_total_and_links(clients: Callable[[str], Client]) -> None:
    client = clients("clinician_a")
    every = client.get("/api/v1/clinician/patients?sort=name&limit=200").json()
    first = client.get("/api/v1/clinician/patients?sort=name&limit=2")
    assert first.status_code == 200
    total = int(first.headers["X-Total-Count"])
    assert total == len(every) >= 5 and len(first.json()) == 2
    assert 'rel="next"' in first.headers["Link"] and 'rel="prev"' not in first.headers["Link"]
    pages = [first.json()]
    for number in range(2, -(-total // 2) + 1):
        answer = client.get(f"/api/v1/clinician/patients?sort=name&limit=2&page={number}")
        pages.append(answer.json())
    assert [r["id"] for page in pages for r in page] == [r["id"] for r in every]
    assert 'rel="next"' not in answer.headers["Link"] and 'rel="prev"' in answer.headers["Link"]
    found = client.get("/api/v1/clinician/patients?q=page%203")
    assert [r["name"] for r in found.json()] == ["Page 3"] and found.headers["X-Total-Count"] == "1"
    assert client.get("/api/v1/clinician/patients?limit=0").status_code == 422
    beyond = client.get("/api/v1/clinician/patients?page=99")
    assert beyond.json() == [] and beyond.headers["X-Total-Count"] == str(total)


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_outcomes_csv_reads_back(made: Install, clients: Callable[[str], Client]) -> None:
    one = patient(made, "strat@example.org", "Strat Ified")
    one.save_psfs({"stairs": 3}, at=at(20))
    one.save_psfs({"stairs": 7}, at=at(2))
    for days, value in ((25, 8), (3, 2)):
        answers = dict.fromkeys(ITEM_IDS, value)
        one.save_questionnaire(answers, instrument="oms10", score=50, tier="high", at=at(days))
    client = clients("clinician_a")
    answer = client.get("/api/v1/clinician/outcomes.csv")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = _read(answer.text)
    assert list(rows[0]) == list(outcomes.COLUMNS)
    names = [r["name"] for r in rows]
    assert {"Page 0", "Page 4", "Strat Ified"} <= set(names)
    row = next(r for r in rows if r["name"] == "Strat Ified")
    assert (row["psfs_start"], row["psfs_latest"], row["psfs_meaningful"]) == ("3.0", "7.0", "yes")
    assert row["stratification_start_group"] in ("low", "medium", "high")
    assert row["stratification_start_day"] < row["stratification_latest_day"]
    assert int(row["stratification_start_score"]) > int(row["stratification_latest_score"])
    paged = next(r for r in rows if r["name"] == "Page 0")
    assert paged["nprs_start"] == "6.0" and paged["nprs_latest"] == "2.0"
    assert int(paged["adherence_4_weeks_done"]) == 1
    alone = client.get(f"/api/v1/clinician/patients/{row['patient_id']}/outcomes.csv")
    assert _read(alone.text) == [row]
    other = clients("clinician_b")
    assert (
        other.get(f"/api/v1/clinician/patients/{row['patient_id']}/outcomes.csv").status_code == 404
    )
    assert [r["patient_id"] for r in _read(other.get("/api/v1/clinician/outcomes.csv").text)] == []


def test_the_page_links_to_the_next_page_and_the_csv(clients: Callable[[str], Client]) -> None:
    client = clients("clinician_a")
    page = client.get("/clinician?sort=name")
    assert page.status_code == 200
    assert (
        "Download outcomes (CSV)" in page.text
        and 'href="/api/v1/clinician/outcomes.csv"' in page.text
    )
    assert 'rel="next"' not in page.text  # fewer than a page of patients
