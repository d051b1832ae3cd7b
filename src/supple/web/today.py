"""Today's routine as ``GET /api/v1/plan/today`` answers it: kept in the store per person, so a
repeated request reads one row instead of the records it is made from.

The answer is a function of the person's records, the day, the minutes asked for, the server's
time zone, and the code and library that make it. The store forgets it in the transaction of
every write of the person's records (:mod:`supple.store.today_cache`); the day, the minutes, the
zone and a fingerprint of the code and the library are part of its key, so a new day, a new
release or another library compute it again.
"""

from __future__ import annotations

import hashlib
import threading
from functools import cache
from pathlib import Path

import supple
from supple.library import Library
from supple.web import services
from supple.web.deps import Context

#: Files whose content the answer may depend on (the code, the library, lessons, phrases).
_SOURCES = (".py", ".yaml", ".yml", ".txt")
_fingerprints: dict[int, tuple[Library, str]] = {}
_lock = threading.Lock()


@cache
def code_fingerprint() -> str:
    """A digest of the package's code and data (read once per process)."""
    root = Path(supple.__file__).resolve().parent
    digest = hashlib.sha256(supple.__version__.encode())
    for path in sorted(p for p in root.rglob("*") if p.suffix in _SOURCES and p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def library_fingerprint(library: Library) -> str:
    """A digest of ``library``'s exercises (once per library object)."""
    with _lock:
        found = _fingerprints.get(id(library))
    if found is not None and found[0] is library:
        return found[1]
    digest = hashlib.sha256()
    for ident in sorted(library):
        digest.update(library[ident].model_dump_json().encode())
    value = digest.hexdigest()[:16]
    with _lock:
        _fingerprints[id(library)] = (library, value)  # held: its id is never reused
    return value


def variant(ctx: Context, minutes: int | None) -> str:
    """What the answer depends on besides the records and the day."""
    zone = ctx.clock().astimezone().tzname()
    return f"m={minutes};tz={zone};code={code_fingerprint()};lib={library_fingerprint(ctx.library)}"


def fresh(ctx: Context, minutes: int | None) -> str:
    """Today's answer computed from the records (what is kept, as JSON)."""
    req, plan = services.todays_plan(ctx, minutes=minutes)
    return services.plan_out(ctx, req, plan, plan_id=None).model_dump_json()


def answer(ctx: Context, minutes: int | None = None) -> bytes:
    """Today's answer for the person: the kept one if no write came since it was made (one
    query), else computed and kept (unless a write lands meanwhile)."""
    day = ctx.today()
    kind = variant(ctx, minutes)
    kept = ctx.store.today_cached(day, kind)
    if kept.body is not None:
        return kept.body.encode()
    generation = kept.generation if kept.generation is not None else ctx.store.start_today()
    body = fresh(ctx, minutes)
    if generation >= 0:
        ctx.store.keep_today(generation, day, kind, body)
    return body.encode()


__all__ = ["answer", "code_fingerprint", "fresh", "library_fingerprint", "variant"]
