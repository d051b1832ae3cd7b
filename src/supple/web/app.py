"""The app factory: pages, the JSON API, static assets; nothing global at import."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from fastapi import Depends, FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from supple import __version__
from supple.library import Library, load_library
from supple.web import errors, filters, forms, protect, routes
from supple.web.access import guard
from supple.web.deps import Web, utc_now
from supple.web.files import STATIC, TEMPLATES
from supple.web.pages import messages as message_pages

if TYPE_CHECKING:
    from supple.app.passwords import Passwords
    from supple.settings import Settings
    from supple.store import Store


def create_app(
    *,
    settings: Settings | None = None,
    store: Store | None = None,
    library: Library | None = None,
    clock: Callable[[], datetime] = utc_now,
    passwords: Passwords | None = None,
) -> FastAPI:
    """Build the web app on ``store`` (or on the store the settings name, opened here).

    ``settings`` default to the environment's (``SUPPLE_*``), read and checked here, once;
    ``passwords`` hash and check passwords (argon2-cffi's default Argon2id unless given).
    """
    from supple.app.passwords import Passwords
    from supple.settings import load_settings
    from supple.store import Store
    from supple.web import api, exports_routes, feed_routes, pages, reminder_routes

    settings = settings if settings is not None else load_settings()
    library = library if library is not None else load_library(settings.library_dir)
    own_store = store is None
    the_store = (
        store
        if store is not None
        else Store.open(settings.database_url, timeout=settings.db_timeout, exercises=library)
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from supple.web.reminder_sender import running

        try:
            async with running(app.state.web) as sender:
                app.state.reminder_sender = sender
                yield
        finally:
            if own_store:
                the_store.close()

    app = FastAPI(
        title="Supple",
        version=__version__,
        summary="A back-care coach: screening, a personal routine, a guided player, progress.",
        docs_url=None,  # the stock docs pages load scripts from a CDN; ours are served locally
        redoc_url=None,
        openapi_url=None,  # served by a route of ours, under the same access rules as the rest
        lifespan=lifespan,
        dependencies=[Depends(guard)],
    )
    web = Web(
        database=the_store,
        library=library,
        settings=settings,
        clock=clock,
        passwords=passwords if passwords is not None else Passwords(),
    )
    if not web.accounts_mode():
        web.local_person()  # a database of several people and no accounts needs SUPPLE_PERSON
    app.state.web = web
    app.state.rules = {}  # route -> the access rules it declares (supple.web.access.guard)
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.globals["version"] = __version__
    filters.install(templates.env)
    forms.install(templates.env)
    message_pages.install(templates.env)
    app.state.templates = templates
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    protect.install(app, settings)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(exports_routes.router)
    app.include_router(feed_routes.api)
    app.include_router(feed_routes.router)
    app.include_router(reminder_routes.api)
    app.include_router(reminder_routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    routes.document_refusals(app)
    return app
