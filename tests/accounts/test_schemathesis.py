"""``schemathesis run`` against the running app's own OpenAPI, signed in with a personal access
token as a patient, a clinician and an admin: no server error, and every answer (status, content
type, headers, body) as the schema documents it.

The run is bounded: a fixed seed, at most ``EXAMPLES`` cases per operation and phase, one
worker, and a timeout on the whole command.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from supple.app import credentials, signin
from tests.accounts.kit import NOW, Install, install, on_socket
from tests.web.browser import LiveServer

pytestmark = pytest.mark.slow
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
EXAMPLES = 10
CHECKS = (
    "not_a_server_error",
    "response_schema_conformance",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
)


@pytest.fixture
def made(sqlite_url: str) -> Iterator[Install]:
    with install(sqlite_url) as found:
        yield found


@pytest.fixture
def live(sqlite_url: str, made: Install) -> Iterator[LiveServer]:
    with on_socket(sqlite_url, made) as served:
        yield served


def _token(made: Install, actor: str) -> str:
    """A new personal access token of ``actor``."""
    account = made.database.directory().account(made.people[actor].id)
    assert account is not None
    principal = signin.start_session(made.database, account, address="test", now=NOW).principal
    made_token = credentials.create_token(
        db=made.database, principal=principal, name="schemathesis", address="test", now=NOW
    )
    return made_token.token


@pytest.mark.parametrize("actor", ["patient_a", "clinician_a", "admin"])
def test_the_api_answers_as_its_schema_says(
    made: Install, live: LiveServer, actor: str, tmp_path: Path
) -> None:
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{live.url}/api/v1/openapi.json",
        "--header",
        f"Authorization: Bearer {_token(made, actor)}",
        "--checks",
        ",".join(CHECKS),
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        "13",
        "--workers",
        "1",
        "--request-timeout",
        "10",
        "--generation-database",
        "none",
        "--no-color",
    ]
    ran = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=240, check=False
    )
    output = ran.stdout + ran.stderr
    assert ran.returncode == 0, output[-6000:]
    counted = re.search(r"(\d+) generated, (\d+) passed", output)
    assert counted is not None, output[-2000:]
    # Every operation of the schema was tried, with many cases, and each passed every check.
    operations = sum(len(methods) for methods in made.app.openapi()["paths"].values())
    assert f"Tested: {operations}\n" in output, output[-2000:]
    assert int(counted.group(1)) > 20 * operations, counted.group(0)
    assert counted.group(1) == counted.group(2), counted.group(0)
