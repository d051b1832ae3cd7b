"""The programme's commands: walks, lessons, the movement test and the support check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supple.safety.profile import Profile
from supple.tracking.stratify import ITEMS
from tests.cli.kit import Supple, in_process, one_line_error
from tests.coach.coachkit import PLAN, run_start
from tests.records import person_records

LEG = Profile(pain_areas=["lower_back", "buttock_or_leg"], pain_weeks=10, eases_with=["sitting"])


@pytest.fixture
def supple(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], database_url: str
) -> Supple:
    return in_process(monkeypatch, capsys, SUPPLE_DATABASE_URL=database_url, COLUMNS="120")


def answered(url: str, profile: Profile = LEG) -> None:
    with person_records(url) as store:
        store.save_profile(profile)


def test_walks_and_the_walking_plan(supple: Supple, database_url: str) -> None:
    assert "No walking plan yet" in supple("walking").out
    started = supple("walking", "--comfortable", "10")
    assert started.code == 0 and "about 10 minutes a day on 5 days" in started.out
    logged = supple("log", "walk", "7.5")
    assert logged.code == 0 and "Logged a walk of 7.5 minutes." in logged.out
    assert "8 of 50 minutes walked" in logged.out
    progress = supple("progress")
    assert progress.code == 0 and "Walking: Today's walk" in progress.out
    for bad in ("abc", "0", "301"):
        one_line_error(supple("log", "walk", bad))
    one_line_error(supple("walking", "--comfortable", "90"))
    with person_records(database_url) as store:
        assert [w.seconds for w in store.tracking_input().walks] == [450]


def test_learn_reads_todays_lesson_and_marks_it(supple: Supple, database_url: str) -> None:
    first = supple("learn")
    assert first.code == 0 and first.out.startswith("How back pain works")
    assert "Sources:" in first.out and "Marked read." in first.out
    listed = supple("learn", "--list")
    assert listed.code == 0 and "how_back_pain_works" in listed.out
    named = supple("learn", "sleep")
    assert named.code == 0 and "Sleep" in named.out
    wrong = supple("learn", "slep")
    one_line_error(wrong)
    assert "did you mean sleep" in wrong.err
    with person_records(database_url) as store:
        assert set(store.lessons_read()) == {"how_back_pain_works", "sleep"}


def test_plan_names_todays_lesson(supple: Supple, database_url: str) -> None:
    answered(database_url)
    plan = json.loads(supple("plan", "--json", "--seed", "1").out)
    assert plan["lesson"] == {"id": "how_back_pain_works", "title": "How back pain works"}
    assert "Today's lesson: How back pain works" in supple("plan", "--seed", "1").out


def test_a_high_risk_check_puts_the_hurt_and_harm_lesson_first(
    supple: Supple, database_url: str
) -> None:
    answers = "8\n7\n3\n3\n7\n6\n8\n3\n8\n7\n"
    result = supple("screen-risk", stdin=answers)
    assert result.code == 0 and "high" in result.out and "psychologically informed" in result.out
    assert "hurt_is_not_harm" in supple("learn", "--list").out.split("today")[1].split("\n")[0]
    assert "Support check" in supple("progress").out


def test_screen_risk_with_answers_and_bad_answers(supple: Supple) -> None:
    every = [f"--answer={item.id}={item.low}" for item in ITEMS]
    low = supple("screen-risk", *every)
    assert low.code == 0 and "low" in low.out
    one_line_error(supple("screen-risk", "--answer", "pain=4"))
    one_line_error(supple("screen-risk", *every[:-1], "--answer=should_not_do_duties=11"))
    one_line_error(supple("screen-risk", "--answer", "pain"))
    cut = supple("screen-risk", stdin="3\n")
    one_line_error(cut)


def test_the_movement_test_sets_the_direction(supple: Supple, database_url: str) -> None:
    answered(database_url)
    assert json.loads(supple("plan", "--json", "--seed", "1").out)["bias"] == "flexion"
    # thigh; extension: all ten, then back only and less; flexion: from the back, spreads at 3.
    answers = "4\n\n2\n1\n2\ns\n3\n4\n3\n"
    result = supple("test-direction", "--position", "lying", stdin=answers)
    assert result.code == 0, result.err
    assert "Stop this direction now" in result.out
    assert "leans towards extension" in result.out and "flexion are left out" in result.out
    plan = json.loads(supple("plan", "--json", "--seed", "1").out)
    assert plan["bias"] == "extension"
    assert any("direction_spreads" in e["rule"] for e in plan["excluded"])


def test_the_movement_test_refuses_what_it_cannot_do(supple: Supple, database_url: str) -> None:
    one_line_error(supple("test-direction"))  # no answers yet
    answered(database_url, Profile(pain_areas=["neck"]))
    one_line_error(supple("test-direction"))
    answered(database_url)
    one_line_error(supple("test-direction", "--position", "sideways"))
    one_line_error(supple("test-direction", stdin="4\n"))  # cut short: nothing saved
    with person_records(database_url) as store:
        assert store.tracking_input().direction_tests == ()


def test_the_terminal_session_asks_about_leg_symptoms(tmp_path: Path, sqlite_url: str) -> None:
    answered(sqlite_url)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(PLAN), encoding="utf-8")
    # pain before 3, no feedback, pain after 2, then: "1" spread during the first move
    done = run_start("--plan", str(plan), "--database-url", sqlite_url, answers="3\n\n\n2\n1\n")
    assert done.returncode == 0, done.stderr
    assert "Did your leg symptoms spread" in done.stdout
    with person_records(sqlite_url) as store:
        records = store.tracking_input()
    assert [s.exercise for s in records.spreads] == ["knee_to_chest_single"]
