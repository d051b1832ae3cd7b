"""A real uvicorn server in a thread and a headless Debian Chromium, for the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from supple.store import Store
from supple.web import create_app

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """The app on a real socket; ``store`` holds the records of the person it serves.

    ``app`` serves instead of a new single-person app (an accounts-mode one, for instance: it
    then has no one ``store``).
    """

    def __init__(self, database_url: str, app: Any = None, timeout: float | None = None) -> None:
        self.database = Store.open(database_url, timeout=timeout)
        if app is None:
            self.store = self.database.for_person(self.database.person())
            app = create_app(store=self.database)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.database.close()


@contextmanager
def live_server(database_url: str, timeout: float | None = None) -> Iterator[LiveServer]:
    server = LiveServer(database_url, timeout=timeout).start()
    try:
        yield server
    finally:
        server.stop()


def axe_violations(page: Any) -> list[str]:
    """Serious and critical axe-core findings on the page, one line each."""
    if not AXE.exists():
        raise RuntimeError(f"axe-core missing at {AXE}: run `bash scripts/system-deps.sh`")
    # Evaluated through the DevTools protocol, which the page's CSP (no inline script) allows.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = []
    for v in result["violations"]:
        if v["impact"] in ("serious", "critical"):
            targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
            found.append(f"{page.url}: {v['id']} ({v['impact']}): {v['help']} at {targets}")
    return found


def shoot(page: Any, name: str) -> None:
    """Save the page at phone and desktop sizes (test-artifacts/screenshots/NAME-*.png)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    if size:
        page.set_viewport_size(size)


def fill_sign_in(page: Any, email: str, password: str) -> None:
    """Sign in on the login page with ``email`` and ``password`` (the caller waits as it needs)."""
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form.account-form button[type=submit]")


#: The elements that reach past the right edge of the window (to say what is too wide).
WIDE = """() => [...document.querySelectorAll('body *')]
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 5).map((e) => e.tagName + '.' + e.className + '#' + e.id)
  .concat([document.documentElement.scrollWidth, window.innerWidth])"""


def assert_fits(page: Any) -> None:
    """The page does not scroll sideways (naming what is too wide) and axe finds nothing."""
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert fits, f"{page.url}: {page.evaluate(WIDE)}"
    assert axe_violations(page) == []
