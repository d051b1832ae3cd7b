"""The in-process API client the web tests share, and the plain answers they start from."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

#: Where the in-process client says it is: a loopback name the Host check allows.
BASE = "http://127.0.0.1"


class Client:
    """A synchronous face on ``httpx.AsyncClient`` over the app's ASGI interface (in-process).

    It sends ``Origin`` as a browser on the app's own pages does, so writes pass the
    same-origin check; the CSRF tests take it off or change it.
    """

    def __init__(self, app: Any, *, origin: str | None = BASE) -> None:
        self.app = app
        self._runner = asyncio.Runner()
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url=BASE,
            headers={"Origin": origin} if origin else None,
        )

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._runner.run(self._client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", url, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PATCH", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", url, **kwargs)

    def close(self) -> None:
        self._runner.run(self._client.aclose())
        self._runner.close()


#: Plain answers with no red flag, a short routine.
CALM = {
    "pain_areas": ["lower_back"],
    "pain_now": 4,
    "pain_weeks": 6,
    "minutes": 5,
}
