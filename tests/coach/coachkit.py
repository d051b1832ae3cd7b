"""Helpers to run the real ``supple start`` (in a subprocess, or full screen inside tmux)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

#: Time runs this many times faster in these tests (the engine logic is the same).
SCALE = "20"
#: A short plan of two real library exercises: a sided hold on the floor, then a flow.
PLAN: dict[str, Any] = {
    "status": "plan",
    "items": [
        {
            "exercise": "knee_to_chest_single",
            "name": "Single knee-to-chest",
            "position": "supine",
            "sided": True,
            "hold_s": 15,
            "reps": 1,
            "rest_s": 0,
            "seconds": 40,
            "why": "a test",
        },
        {
            "exercise": "cat_cow",
            "name": "Cat-cow",
            "position": "all_fours",
            "sided": False,
            "duration_s": 30,
            "seconds": 35,
            "why": "a test",
        },
    ],
    "total_seconds": 103,
}


def coach_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"SUPPLE_TIME_SCALE": SCALE, "NO_COLOR": "1", **extra})
    env.pop("SUPPLE_DATABASE_URL", None)
    return env


def supple_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "supple", "start", *args]


def run_start(*args: str, answers: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``supple start`` to the end with ``answers`` on stdin (no TTY: plain mode)."""
    return subprocess.run(
        supple_argv(*args),
        input=answers,
        capture_output=True,
        text=True,
        env=coach_env(**env),
        timeout=120,
        check=False,
    )


def wait_until(check: Callable[[], Any], timeout: float = 30.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what or check}")


class Tmux:
    """One detached tmux session, 120 x 40, running a command in a shell."""

    def __init__(self) -> None:
        self.name = f"supple-{uuid.uuid4().hex[:8]}"
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", "120", "-y", "40"], check=True
        )

    def run(self, argv: list[str], env: dict[str, str]) -> None:
        """Type ``argv`` into the shell, with ``env`` set, as a person would."""
        wanted = {k: v for k, v in env.items() if k.startswith("SUPPLE_") or k == "NO_COLOR"}
        line = " ".join(f"{k}={shlex.quote(v)}" for k, v in wanted.items())
        line += " " + " ".join(shlex.quote(a) for a in argv) + "; echo EXIT=$?"
        self.keys(line, "Enter")

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        out = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return out.stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        def shown() -> str:
            screen = self.screen()
            return screen if text in screen else ""

        return str(wait_until(shown, timeout, f"'{text}' on screen"))

    def child_pid(self) -> int:
        """The pid of the command running in the pane's shell."""
        shell = subprocess.run(
            ["tmux", "display-message", "-p", "-t", self.name, "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        out = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True)
        return int(out.stdout.split()[0])

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False)
