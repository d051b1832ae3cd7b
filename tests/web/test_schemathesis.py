"""Schemathesis (``schemathesis run``, every check) against the running app's OpenAPI schema
finds nothing: no server error, no undocumented status or header, no response off its schema,
no schema-violating request accepted and no schema-valid one refused (but for the rules across
fields named in ``data/schemathesis.toml``). Bounded in examples per operation and in time."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.people import T0
from tests.web.browser import live_server
from tests.web.client import CALM

CONFIG = Path(__file__).with_name("data") / "schemathesis.toml"
EXAMPLES = 25
SECONDS = 120


def _cli() -> list[str]:
    found = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "schemathesis.cli"]


@pytest.mark.slow
def test_schemathesis_finds_nothing(sqlite_url: str, tmp_path: Path) -> None:
    from supple.app import plans, screening
    from supple.library import load_library
    from supple.safety.profile import Profile

    with live_server(sqlite_url) as server:
        # Something of each kind, so the routes that take an id reach real records too.
        store = server.store
        screening.answer(store=store, profile=Profile.model_validate(CALM))
        plan = plans.todays_plan(store=store, library=load_library(), today=T0.date())
        plans.keep(store=store, plan=plan.plan)
        store.log_pain(4, note="stiff", at=T0)
        store.add_note("slept badly", at=T0)
        store.save_psfs({"putting on socks": 3}, at=T0)
        run = subprocess.run(
            [
                *_cli(),
                "--config-file",
                str(CONFIG),
                "run",
                f"{server.url}/api/v1/openapi.json",
                "--checks",
                "all",
                # This install serves one person with no sign-in (single-person mode): the
                # schema's security schemes are for accounts mode, tested signed in by role in
                # tests/accounts/test_schemathesis.py.
                "--exclude-checks",
                "ignored_auth",
                # A browser's writes carry their page's origin (the write check refuses others).
                "--header",
                f"Origin: {server.url}",
                "--max-examples",
                str(EXAMPLES),
                "--phases",
                "examples,coverage,fuzzing,stateful",
                "--workers",
                "1",
                "--seed",
                "17",
                "--generation-database",
                "none",
                "--request-timeout",
                "10",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=SECONDS + 120,
            cwd=tmp_path,
        )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-6000:]
    generated = re.search(r"(\d+) generated", out)
    assert generated is not None and int(generated.group(1)) > 500, out[-2000:]
    print(f"schemathesis: {generated.group(1)} requests, no failure")
