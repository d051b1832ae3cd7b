"""Fixtures of the terminal coach tests: a short plan file, a tmux session."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.coach.coachkit import PLAN, Tmux


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(PLAN), encoding="utf-8")
    return path


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is missing: install it (apt-get install -y tmux)", pytrace=False)
        pytest.skip("tmux is not installed")
    session = Tmux()
    try:
        yield session
    finally:
        session.close()
