"""``supple serve``: the web app (pages, the player and the JSON API) with uvicorn.

Several workers are uvicorn's own: its supervisor shares the listening socket, restarts a
worker that dies and builds each worker's app through the factory, so the store is opened in
the worker, never shared across a fork. No second server (gunicorn) is needed for that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from supple.cli.common import fail, settings_of
from supple.cli.store_opts import DatabaseUrl

if TYPE_CHECKING:
    from supple.settings import Settings


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("serve")(serve)


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    database_url: DatabaseUrl = None,
    open_browser: bool = typer.Option(
        False, "--open", help="Open the app in the default browser once it is up."
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        min=1,
        max=64,
        help="Worker processes (each answers requests; use PostgreSQL for more than one).",
    ),
) -> None:
    """Start the web app: screening, today's routine, the guided player and progress."""
    import socket

    import uvicorn

    from supple.store import StoreError
    from supple.web import create_app

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]  # IPv4 or IPv6
        with socket.socket(family) as probe:  # closed on the failing path too
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try another --port")
    settings = settings_of(ctx)
    if database_url is not None:
        settings = settings.model_copy(update={"database_url": database_url})
    try:
        if workers == 1:
            web_app: object = create_app(settings=settings)
        else:
            web_app = _prepare_workers(settings, workers)
    except StoreError as exc:
        fail(str(exc))
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    typer.echo(f"Supple is running at {url} (Ctrl+C to stop)")
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(
        web_app,  # type: ignore[arg-type]  # an app, or the factory's import path
        host=host,
        port=port,
        log_level="warning",
        workers=workers if workers > 1 else None,
        factory=workers > 1,
    )


def _prepare_workers(settings: Settings, workers: int) -> str:
    """Migrate the database and make its person here, once, before any worker starts (the
    store's locks make it safe without this too); return the app factory's import path.

    The workers are new processes that read their settings from the environment, so the
    database chosen with ``--database-url`` is handed to them there.
    """
    import os

    from supple.settings import env_name
    from supple.store import Store

    with Store.open(settings.database_url, timeout=settings.db_timeout) as database:
        database.person(settings.person)
        dialect = database.dialect
    if settings.database_url is not None:
        os.environ[env_name("database_url")] = settings.database_url
    if dialect == "sqlite":
        typer.echo(
            f"supple: warning: the {workers} workers share one SQLite file, so their writes "
            "take turns; beyond one household use PostgreSQL (docs/scale.md)",
            err=True,
        )
    return "supple.web.app:create_app"
