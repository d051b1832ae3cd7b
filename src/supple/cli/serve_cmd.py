"""``supple serve``: the web app (pages, the player and the JSON API) with uvicorn.

On a loopback address it serves as it always has. On any other address the app would be open
to the network, so it refuses unless the install is in accounts mode (everyone signs in) and the
traffic is encrypted: by uvicorn itself (``--tls-cert``/``--tls-key``) or by a reverse proxy in
front (``--behind-proxy``, which also makes it believe the proxy's ``X-Forwarded-*`` headers, from
``SUPPLE_TRUSTED_PROXIES`` only). docs/deploy.md shows both.

Several workers are uvicorn's own: its supervisor shares the listening socket, restarts a
worker that dies and builds each worker's app through the factory, so the store is opened in
the worker, never shared across a fork. No second server (gunicorn) is needed for that.
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from supple.cli.common import fail, settings_of
from supple.cli.store_opts import DatabaseUrl

if TYPE_CHECKING:
    from supple.settings import Settings


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("serve")(serve)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _readable(path: Path, option: str) -> str:
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        fail(f"{option} {path}: {exc.strerror or exc}")
    return str(path)


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket (made here, so the address printed is the one really bound)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]  # IPv4 or IPv6
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try another --port")
    return sock


def _where(sock: socket.socket, scheme: str) -> tuple[str, str]:
    """What the socket listens on, and the address to open in a browser."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    if ipaddress.ip_address(host).is_unspecified:
        name = socket.gethostname()
        return f"{shown}:{port} (every network interface)", f"{scheme}://{name}:{port}/"
    return f"{shown}:{port}", f"{scheme}://{shown}:{port}/"


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    tls_cert: Path | None = typer.Option(
        None, "--tls-cert", metavar="FILE", help="Serve HTTPS with this certificate (PEM)."
    ),
    tls_key: Path | None = typer.Option(
        None, "--tls-key", metavar="FILE", help="The certificate's private key (PEM)."
    ),
    behind_proxy: bool = typer.Option(
        False,
        "--behind-proxy",
        help="A reverse proxy in front does HTTPS; believe its X-Forwarded-* headers.",
    ),
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
    import uvicorn

    from supple.store import StoreError
    from supple.web import create_app

    if (tls_cert is None) != (tls_key is None):
        fail("--tls-cert and --tls-key go together")
    cert = None if tls_cert is None else _readable(tls_cert, "--tls-cert")
    key = None if tls_key is None else _readable(tls_key, "--tls-key")
    settings = settings_of(ctx)
    if database_url is not None:
        settings = settings.model_copy(update={"database_url": database_url})
    if not is_loopback(host) and host not in ("0.0.0.0", "::"):
        named = f"[{host}]" if ":" in host else host.lower()
        # People reach a named address by that name: let the Host check allow it.
        settings = settings.model_copy(update={"allowed_hosts": (*settings.allowed_hosts, named)})
    if settings.reminders is None:  # the server sends the reminders people turn on
        settings = settings.model_copy(update={"reminders": True})
    try:
        if workers == 1:
            web_app: object = create_app(settings=settings)
            accounts_mode = web_app.state.web.accounts_mode()  # type: ignore[attr-defined]
        else:
            web_app, accounts_mode = _prepare_workers(settings, workers)
    except StoreError as exc:
        fail(str(exc))
    if not is_loopback(host):
        if not accounts_mode:
            fail(
                f"--host {host} would open this install to the network with no sign-in: make "
                "an account first (supple account create), or stay on 127.0.0.1"
            )
        if cert is None and not behind_proxy:
            fail(
                f"--host {host} needs HTTPS: give --tls-cert FILE --tls-key FILE, or put a "
                "reverse proxy in front and give --behind-proxy (see docs/deploy.md)"
            )
    sock = _bind(host, port)
    listening, url = _where(sock, "https" if cert or behind_proxy else "http")
    typer.echo(f"Supple is listening on {listening}")
    typer.echo(f"Open {url} (Ctrl+C to stop)")
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    config = uvicorn.Config(
        web_app,  # type: ignore[arg-type]  # an app, or the factory's import path
        factory=workers > 1,
        workers=workers,
        log_level="warning",
        ssl_certfile=cert,
        ssl_keyfile=key,
        proxy_headers=behind_proxy,
        forwarded_allow_ips=settings.trusted_proxies if behind_proxy else None,
    )
    try:
        if workers == 1:
            uvicorn.Server(config).run(sockets=[sock])
        else:
            from uvicorn.supervisors import Multiprocess

            Multiprocess(config, sockets=[sock]).run()
    finally:
        sock.close()


def _prepare_workers(settings: Settings, workers: int) -> tuple[str, bool]:
    """Migrate the database and make its person here, once, before any worker starts (the
    store's locks make it safe without this too); return the app factory's import path and
    whether the install is in accounts mode.

    The workers are new processes that read their settings from the environment, so what the
    command line changed (the database, the host names) is handed to them there.
    """
    import os

    from supple.settings import env_name
    from supple.store import Store

    with Store.open(settings.database_url, timeout=settings.db_timeout) as database:
        accounts_mode = database.directory().accounts_mode()
        if not accounts_mode:
            database.person(settings.person)
        dialect = database.dialect
    if settings.database_url is not None:
        os.environ[env_name("database_url")] = settings.database_url
    os.environ[env_name("allowed_hosts")] = ",".join(settings.allowed_hosts)
    # Every worker runs the reminder sender; the database's lock lets one of them send.
    os.environ[env_name("reminders")] = "1" if settings.reminders else "0"
    if dialect == "sqlite":
        typer.echo(
            f"supple: warning: the {workers} workers share one SQLite file, so their writes "
            "take turns; beyond one household use PostgreSQL (docs/scale.md)",
            err=True,
        )
    return "supple.web.app:create_app", accounts_mode
