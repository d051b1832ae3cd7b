"""Write the README's screenshots: six weeks of made-up use, shown in headless Chromium.

Usage: .venv/bin/python scripts/readme_screenshots.py   (needs Debian's chromium)
Writes docs/screenshots/{today-phone,player-desktop,progress-desktop,exercise-desktop}.png.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402
from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from benchmarks.bench_store import generate  # noqa: E402
from supple.safety import Profile  # noqa: E402
from supple.store import Store  # noqa: E402
from supple.web import create_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _save(raw: Path, name: str, max_height: int = 1400) -> None:
    image = Image.open(raw).convert("RGB")
    image = image.crop((0, 0, image.width, min(image.height, max_height)))
    image.quantize(colors=96).save(OUT / f"{name}.png", optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/supple.db"
        now = datetime.now(UTC).replace(hour=7, minute=30, second=0, microsecond=0)
        generate(url, days=40, end=now)
        store = Store.open(url)
        store.for_person(store.person()).save_profile(
            Profile(
                pain_areas=["lower_back"],
                pain_now=4,
                minutes=15,
                eases_with=["walking"],
                worse_with=["sitting"],
            )
        )
        port = _port()
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(store=store), host="127.0.0.1", port=port, log_level="warning"
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                shots = [
                    ("today-phone", "/today", {"width": 360, "height": 740}),
                    ("progress-desktop", "/progress", {"width": 1280, "height": 800}),
                    ("exercise-desktop", "/library/cat_cow", {"width": 1280, "height": 800}),
                ]
                for name, path, size in shots:
                    page = browser.new_page(viewport=size)
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    raw = Path(tmp) / f"{name}.png"
                    page.screenshot(path=str(raw), full_page=True)
                    _save(raw, name)
                    page.close()
                browser.close()
        finally:
            server.should_exit = True
            thread.join(10)
            store.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
