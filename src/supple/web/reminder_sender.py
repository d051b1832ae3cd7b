"""The reminder sender inside the app's process: an asyncio task the lifespan starts (when the
``reminders`` setting is on) that ticks every ``reminders_every`` seconds.

Each worker runs it, but only the one holding the sender lock (``supple.store.election``) ticks;
the others try again on each tick and take over if the sender dies. What was sent is persisted
before it is sent (``supple.app.reminders.tick``), so a restart neither skips nor doubles one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import requests

from supple.app import reminders
from supple.app.errors import AppError
from supple.store import StoreError

if TYPE_CHECKING:
    from py_vapid import Vapid

    from supple.settings import Settings
    from supple.store.election import SenderLock
    from supple.web.deps import Web

log = logging.getLogger("supple.reminders")


def data_folder(settings: Settings, database_file: Path | None) -> Path:
    """Where the server keeps its own files: the setting, else the SQLite file's folder, else
    the person's data folder."""
    if settings.data_dir is not None:
        return settings.data_dir
    if database_file is not None:
        return database_file.parent
    from supple.store.paths import default_path

    return default_path().parent


def contact(settings: Settings) -> str:
    """Whom the push services may reach about this server's reminders."""
    if settings.push_contact:
        return settings.push_contact
    if settings.public_url and settings.public_url.startswith("https://"):
        return settings.public_url
    return "mailto:admin@localhost"


def server_key(web: Web) -> Vapid:
    """The server's VAPID key, made in the data folder on first use and kept in memory after."""
    from supple.export.push import vapid_key
    from supple.store import engine as eng

    if web.push_key is None:
        folder = data_folder(web.settings, eng.sqlite_path(web.database.url))
        web.push_key = vapid_key(folder)
    return web.push_key


class Sender:
    """One process's reminder sender: tries for the lock, and ticks while it holds it."""

    def __init__(self, web: Web, *, session: requests.Session | None = None) -> None:
        self.web = web
        self.lock: SenderLock = web.database.sender_lock()
        self.session = session
        self.ticks = 0

    def tick(self) -> list[reminders.Sent] | None:
        """One look at whose reminder is due (None: another process is the sender)."""
        if not self.lock.hold():
            return None
        from supple.export.push import pusher

        web = self.web
        push = pusher(vapid=server_key(web), contact=contact(web.settings), session=self.session)
        self.ticks += 1
        return reminders.tick(
            now=web.clock(),
            db=web.database,
            records_of=web.records,
            library=web.library,
            push=push,
        )

    async def run(self, every: float) -> None:
        """Tick every ``every`` seconds until cancelled; a failed tick is logged, not fatal."""
        try:
            while True:
                try:
                    await asyncio.to_thread(self.tick)
                except (StoreError, AppError, OSError) as exc:
                    log.warning("reminders: this tick failed (%s); trying again", exc)
                except Exception:  # a bug must not stop the sender while it holds the lock
                    log.exception("reminders: this tick failed; trying again")
                await asyncio.sleep(every)
        finally:
            self.lock.release()


@contextlib.asynccontextmanager
async def running(web: Web) -> AsyncIterator[Sender | None]:
    """Run the sender for as long as the app runs, when the ``reminders`` setting is on."""
    if not web.settings.reminders:
        yield None
        return
    sender = Sender(web)
    task = asyncio.create_task(sender.run(web.settings.reminders_every))
    try:
        yield sender
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


__all__ = ["Sender", "contact", "data_folder", "running", "server_key"]
