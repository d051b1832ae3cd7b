"""``supple start`` without a terminal: line by line, answers from stdin, events in the store."""

from __future__ import annotations

import json
import re
import signal
import subprocess
from pathlib import Path
from typing import Any

from tests.coach.coachkit import coach_env, run_start, supple_argv, wait_until
from tests.records import person_records


def _export(url: str) -> Any:
    with person_records(url) as store:
        return store.export_all()


def test_a_whole_session_is_saved(plan_file: Path, database_url: str) -> None:
    # pain before 3; "fine" after the first exercise, nothing after the last; pain after 1
    done = run_start(
        "--plan", str(plan_file), "--database-url", database_url, answers="3\n1\n\n1\n"
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Single knee-to-chest." in out and "Switch sides: now the right side." in out
    assert "Ease off if it hurts — never stretch into pain." in out
    assert "Session finished: 2 moves done, 0 skipped" in out
    data = _export(database_url)
    [session] = data.sessions
    assert session.status == "finished" and session.ended_at is not None
    items = sorted(data.items, key=lambda i: i.idx)
    assert [(i.exercise, i.status, i.held_seconds) for i in items] == [
        ("knee_to_chest_single", "done", 30),  # 15 s on each side
        ("cat_cow", "done", 30),
    ]
    assert items[0].feedback == "fine"
    assert sorted((p.moment, p.score) for p in data.pain) == [("after", 1), ("before", 3)]
    assert len(data.event_keys) == 6  # pain, item, feedback, item, pain, end


def test_bad_answers_are_asked_again(plan_file: Path, sqlite_url: str) -> None:
    done = run_start(
        "--plan", str(plan_file), "--database-url", sqlite_url, answers="eleven\n12\n4\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("from 0 (no pain) to 10") == 2
    assert [(p.moment, p.score) for p in _export(sqlite_url).pain] == [("before", 4)]


def test_problems_are_one_line_errors(tmp_path: Path, sqlite_url: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"status": "plan", "items": "nope"}), encoding="utf-8")
    cases = [
        (["--plan", str(bad)], "not a plan"),
        (["--plan", str(tmp_path / "missing.json")], "cannot read"),
        (["--resume"], "no unfinished session"),
        ([], "run `supple check` first"),
    ]
    for args, message in cases:
        done = run_start(*args, "--database-url", sqlite_url)
        assert done.returncode == 2, (args, done.stdout)
        assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
        assert "Traceback" not in done.stderr


def test_a_referral_is_shown_instead_of_a_routine(tmp_path: Path, sqlite_url: str) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("red_flags: [saddle_numbness]\n", encoding="utf-8")
    done = run_start("--profile", str(profile), "--database-url", sqlite_url)
    assert done.returncode == 2
    assert done.stderr.startswith("supple: error: no routine to run:")
    assert len(done.stderr.strip().splitlines()) == 1
    assert _export(sqlite_url).sessions == []


def test_a_killed_session_resumes_without_losing_anything(plan_file: Path, sqlite_url: str) -> None:
    proc = subprocess.Popen(
        supple_argv("--plan", str(plan_file), "--database-url", sqlite_url),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        env=coach_env(),
    )
    try:
        assert proc.stdin is not None
        proc.stdin.write("5\n")
        proc.stdin.flush()
        wait_until(lambda: _export(sqlite_url).items, what="the first exercise in the store")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdin is not None:
            proc.stdin.close()
    before = _export(sqlite_url)
    assert before.sessions[0].status == "in_progress"
    kept = {k.key for k in before.event_keys}
    done = run_start("--resume", "--database-url", sqlite_url, answers="3\n2\n")
    assert done.returncode == 0, done.stderr
    assert "Resuming at exercise 2: Cat-cow" in done.stdout
    # Which session (item 9): when it began, the moves done, the next one.
    assert re.search(
        r"Resuming the session of \w{3} \d+ \w{3} at \d\d:\d\d: 1 of 2 moves done; "
        r"next: Cat-cow\.",
        done.stdout,
    ), done.stdout
    assert "Single knee-to-chest." not in done.stdout  # not done twice
    after = _export(sqlite_url)
    assert kept <= {k.key for k in after.event_keys}  # nothing logged is lost
    assert after.sessions[0].status == "finished"
    assert [(i.idx, i.status) for i in sorted(after.items, key=lambda i: i.idx)] == [
        (0, "done"),
        (1, "done"),
    ]
    assert sorted((p.moment, p.score) for p in after.pain) == [("after", 2), ("before", 5)]
    assert [i.feedback for i in sorted(after.items, key=lambda i: i.idx)] == [None, "too_hard"]
