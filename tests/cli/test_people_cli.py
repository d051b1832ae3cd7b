"""Two people in one database through the command line: SUPPLE_PERSON chooses whose records;
nobody reads or changes the other's, and no command serves whoever comes first."""

from __future__ import annotations

import json

import pytest

from supple.store import Store
from tests.cli.kit import Supple, in_process, one_line_error
from tests.people import Filled, two_people


@pytest.fixture(params=["a-looks-at-b", "b-looks-at-a"])
def pair(request: pytest.FixtureRequest, database_url: str) -> tuple[Filled, Filled]:
    a, b = two_people(database_url)
    return (a, b) if request.param == "a-looks-at-b" else (b, a)


@pytest.fixture
def supple(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], database_url: str
) -> Supple:
    return in_process(
        monkeypatch,
        capsys,
        SUPPLE_DATABASE_URL=database_url,
        COLUMNS="200",
        SUPPLE_TIME_SCALE="1000",
    )


def _theirs(url: str, person: int) -> str:
    with Store.open(url) as database:
        data = database.for_person(person).export_all().model_dump(mode="json")
    data.pop("exported_at")
    return json.dumps(data, sort_keys=True)


def test_no_command_serves_whoever_comes_first(supple: Supple, pair: tuple[Filled, Filled]) -> None:
    for args in (["history"], ["progress"], ["export"], ["log", "pain", "3"], ["plan"]):
        result = supple(*args)
        one_line_error(result)
        assert "choose one with SUPPLE_PERSON" in result.err


def test_each_command_sees_and_changes_ones_own_records(
    supple: Supple,
    pair: tuple[Filled, Filled],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    me, them = pair
    before = _theirs(database_url, them.person)
    monkeypatch.setenv("SUPPLE_PERSON", str(me.person))
    history = supple("history", "--limit", "50")
    assert history.code == 0 and me.note in history.out and them.note not in history.out
    progress = supple("progress")
    assert progress.code == 0 and "1 sessions finished in all" in progress.out
    exported = supple("export", "--format", "csv")
    assert me.activity in exported.out and them.activity not in exported.out
    assert them.note not in exported.out
    plan = json.loads(supple("plan", "--json", "--seed", "1").out)
    minutes = 10 if me.note.startswith("alice") else 20
    assert abs(plan["total_seconds"] - 60 * minutes) <= 6 * minutes
    assert supple("log", "pain", "2", "--note", "mine only").code == 0
    assert supple("psfs", "--score", f"{them.activity}=8").code == 0
    assert supple("progress", "--days-per-week", "3").code == 0
    # My open session is more than a day old: `supple start` closes it as stopped (not theirs).
    resumed = supple("start", "--resume", "--plain", "--countdown", "0", stdin="")
    assert resumed.code == 2 and "no unfinished session" in resumed.err
    assert _theirs(database_url, them.person) == before
    with Store.open(database_url) as database:
        mine = database.for_person(me.person)
        assert mine.unfinished_session() is None
        assert [s.status for s in mine.history().sessions] == ["stopped", "finished"]
        theirs = database.for_person(them.person).unfinished_session()
        assert theirs is not None and theirs.key == them.open_key


def test_an_unknown_person_is_one_line(
    supple: Supple, pair: tuple[Filled, Filled], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPLE_PERSON", "999")
    result = supple("history")
    one_line_error(result)
    assert "no person 999" in result.err
