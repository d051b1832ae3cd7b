"""The web adapter: FastAPI pages, the guided player and the ``/api/v1`` JSON API."""

from supple.web.app import create_app

__all__ = ["create_app"]
