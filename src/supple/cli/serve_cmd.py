"""``supple serve``: the web app (pages, the player and the JSON API) with uvicorn."""

from __future__ import annotations

import typer

from supple.cli.common import fail, settings_of
from supple.cli.store_opts import DatabaseUrl


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
    try:
        settings = settings_of(ctx)
        if database_url is not None:
            settings = settings.model_copy(update={"database_url": database_url})
        web_app = create_app(settings=settings)
    except StoreError as exc:
        fail(str(exc))
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    typer.echo(f"Supple is running at {url} (Ctrl+C to stop)")
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
