"""The service worker's shell and cache name are made from the static folder, not kept by hand."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from supple.web import offline
from supple.web.files import STATIC
from tests.web.client import Client


def _served(text: str) -> tuple[str, list[str]]:
    cache = re.search(r'const CACHE = (".*?");', text)
    files = re.search(r"const SHELL = (\[.*?\]);", text, flags=re.DOTALL)
    assert cache and files, "the worker was not filled in"
    return json.loads(cache.group(1)), json.loads(files.group(1))


def test_the_shell_is_every_static_file_and_the_plain_pages(client: Client) -> None:
    cache, shell = _served(client.get("/sw.js").text)
    on_disk = {
        f"/static/{p.relative_to(STATIC).as_posix()}"
        for p in STATIC.rglob("*")
        if p.is_file() and p.name not in ("sw.js", "manifest.webmanifest")
    }
    pages = {"/", "/library", "/manifest.webmanifest", "/learn", *offline.lesson_pages()}
    assert set(shell) == on_disk | pages
    assert "/learn/hurt_is_not_harm" in shell
    assert "/static/playback.js" in shell and "/static/player.js" in shell
    assert cache.startswith("supple-") and cache == offline.cache_name()
    for url in shell:
        assert client.get(url).status_code == 200, url


def test_a_changed_file_makes_a_new_cache(tmp_path: Path) -> None:
    copy = tmp_path / "static"
    shutil.copytree(STATIC, copy)
    before = offline.cache_name(copy)
    assert offline.cache_name(copy) == before  # the same files, the same name
    (copy / "app.css").write_text((copy / "app.css").read_text() + "\n/* changed */\n")
    assert offline.cache_name(copy) != before
    (copy / "extra.js").write_text("export {};\n")
    assert "/static/extra.js" in offline.shell(copy)
    assert "/static/extra.js" in _served(offline.service_worker(copy))[1]
