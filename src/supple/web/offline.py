"""The service worker as served: its app shell and cache name made from the static folder
itself, so no list is kept by hand and a changed file always replaces the cached app."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from supple import __version__
from supple.web.files import STATIC

#: Pages cached at install (those that depend on the person's answers are cached when visited);
#: the lessons are cached whole, so they read offline before they were ever opened.
PAGES = ("/", "/library", "/manifest.webmanifest", "/learn")


def lesson_pages() -> list[str]:
    """Every lesson's page."""
    from supple.library import load_lessons

    return [f"/learn/{lesson.id}" for lesson in load_lessons().in_order()]


#: Files of the static folder that are not part of the shell: the worker itself, and the
#: manifest, which is served from the root.
NOT_SHELL = ("sw.js", "manifest.webmanifest")


def _files(folder: Path) -> list[Path]:
    found = (p for p in folder.rglob("*") if p.is_file())
    return sorted(p for p in found if p.relative_to(folder).as_posix() not in NOT_SHELL)


def shell(folder: Path = STATIC) -> list[str]:
    """Every URL the worker caches when it is installed."""
    static = (f"/static/{p.relative_to(folder).as_posix()}" for p in _files(folder))
    return [*PAGES, *lesson_pages(), *static]


def cache_name(folder: Path = STATIC) -> str:
    """The version and a digest of every static file: a new release or any changed file makes
    a new cache, which replaces the old one when the new worker activates."""
    digest = hashlib.sha256()
    for path in _files(folder) + [folder / name for name in NOT_SHELL]:
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return f"supple-{__version__}-{digest.hexdigest()[:12]}"


def service_worker(folder: Path = STATIC) -> str:
    """``sw.js`` with its cache name and shell filled in."""
    text = (folder / "sw.js").read_text(encoding="utf-8")
    cache = f"const CACHE = {json.dumps(cache_name(folder))};"
    files = f"const SHELL = {json.dumps(shell(folder), indent=2)};"
    return text.replace('const CACHE = "supple";', cache).replace("const SHELL = [];", files)
