"""The full-screen coach driven like a person would, in a real terminal (tmux)."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from tests.coach.coachkit import Tmux, coach_env, supple_argv, wait_until
from tests.records import person_records

pytestmark = [pytest.mark.tmux, pytest.mark.slow]


def _export(url: str) -> Any:
    with person_records(url) as store:
        return store.export_all()


def test_start_pause_skip_answer_finish(tmux: Tmux, tmp_path: Path, sqlite_url: str) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("pain_areas: [lower_back]\npain_now: 3\n", encoding="utf-8")
    argv = supple_argv("--profile", str(profile), "--minutes", "3", "--database-url", sqlite_url)
    tmux.run(argv, coach_env())
    tmux.wait_for("Before you start: pain right now")
    tmux.keys("3", "Enter")
    screen = tmux.wait_for("exercise 1 of")
    assert "space pause" in screen and "Session" in screen
    tmux.keys("Space")
    paused = tmux.wait_for("Paused")
    assert "press space to go on" in paused
    tmux.keys("Space")
    wait_until(lambda: "Paused" not in tmux.screen(), what="the pause to end")
    tmux.keys("n")  # skip the first exercise
    tmux.wait_for("exercise 2 of")
    tmux.wait_for("Enter: go on", timeout=60)  # optional feedback on the last exercise
    tmux.keys("Enter")
    tmux.wait_for("All done: pain right now")
    tmux.keys("1", "Enter")
    done = tmux.wait_for("EXIT=0")
    data = _export(sqlite_url)
    [plan] = data.plans
    planned = [i["exercise"] for i in plan.body["items"]]
    [session] = data.sessions
    # Done when half the work time was done (item 10): the words say what the store says.
    verb = "finished" if session.status == "finished" else "stopped early"
    assert f"Session {verb}: {len(planned) - 1} moves done, 1 skipped" in done
    assert session.plan_id == plan.id
    items = sorted(data.items, key=lambda i: i.idx)
    assert [i.exercise for i in items] == planned
    assert [i.status for i in items] == ["skipped"] + ["done"] * (len(planned) - 1)
    assert all(i.held_seconds == i.planned_seconds for i in items[1:])
    assert sorted((p.moment, p.score) for p in data.pain) == [("after", 1), ("before", 3)]


def test_quit_saves_and_restores_the_terminal(tmux: Tmux, plan_file: Path, sqlite_url: str) -> None:
    tmux.run(supple_argv("--plan", str(plan_file), "--database-url", sqlite_url), coach_env())
    tmux.wait_for("Before you start")
    tmux.keys("Enter")  # no pain score given: that is allowed
    tmux.wait_for("exercise 1 of 2")
    tmux.keys("q")  # asks first (item 9): any other key goes on
    tmux.wait_for("Stop the session here?")
    tmux.keys("x")
    wait_until(lambda: "Stop the session here?" not in tmux.screen(), what="the question to go")
    assert "Paused" not in tmux.screen()
    tmux.keys("q")
    tmux.wait_for("Stop the session here?")
    tmux.keys("y")
    tmux.wait_for("Stopped: pain right now")  # the pain after is asked even when stopped
    tmux.keys("2", "Enter")
    screen = tmux.wait_for("EXIT=0")
    assert "Session stopped early" in screen
    assert [(p.moment, p.score) for p in _export(sqlite_url).pain] == [("after", 2)]
    tmux.keys("echo typed-back", "Enter")  # the shell echoes again: cbreak mode was undone
    tmux.wait_for("typed-back\ntyped-back")
    assert _export(sqlite_url).sessions[0].status == "stopped"


def test_kill_9_then_resume_loses_nothing_logged(
    tmux: Tmux, plan_file: Path, sqlite_url: str
) -> None:
    # a long get-ready leaves time to answer feedback on the first exercise after it ends
    argv = supple_argv("--plan", str(plan_file), "--database-url", sqlite_url, "--countdown", "30")
    tmux.run(argv, coach_env())
    tmux.wait_for("Before you start")
    tmux.keys("6", "Enter")
    wait_until(lambda: _export(sqlite_url).items, what="the first exercise in the store")
    tmux.keys("1")  # feedback on it, recorded at once
    wait_until(lambda: any(i.feedback for i in _export(sqlite_url).items), what="feedback")
    os.kill(tmux.child_pid(), signal.SIGKILL)
    tmux.wait_for("EXIT=137")
    before = _export(sqlite_url)
    assert before.sessions[0].status == "in_progress"
    tmux.keys("reset", "Enter")
    tmux.run(supple_argv("--resume", "--database-url", sqlite_url), coach_env())
    screen = tmux.wait_for("exercise 2 of 2")
    assert "Cat-cow" in screen
    tmux.wait_for("Enter: go on", timeout=60)
    tmux.keys("2", "Enter")
    tmux.wait_for("All done: pain right now")
    tmux.keys("2", "Enter")
    tmux.wait_for("EXIT=0")
    after = _export(sqlite_url)
    assert {k.key for k in before.event_keys} <= {k.key for k in after.event_keys}
    assert after.sessions[0].status == "finished"
    items = sorted(after.items, key=lambda i: i.idx)
    assert [(i.idx, i.status, i.feedback) for i in items] == [
        (0, "done", "fine"),
        (1, "done", "too_easy"),
    ]
    assert sorted((p.moment, p.score) for p in after.pain) == [("after", 2), ("before", 6)]


def test_sigterm_saves_and_restores_the_terminal(
    tmux: Tmux, plan_file: Path, sqlite_url: str
) -> None:
    tmux.run(supple_argv("--plan", str(plan_file), "--database-url", sqlite_url), coach_env())
    tmux.wait_for("Before you start")
    tmux.keys("Enter")
    tmux.wait_for("exercise 1 of 2")
    os.kill(tmux.child_pid(), signal.SIGTERM)
    screen = tmux.wait_for("EXIT=0")
    assert "Session stopped early" in screen
    tmux.keys("echo typed-back", "Enter")
    tmux.wait_for("typed-back\ntyped-back")
    assert _export(sqlite_url).sessions[0].status == "stopped"
