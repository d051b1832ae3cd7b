"""The offline machinery (service worker, manifest) and the API reference page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from supple.web import offline
from supple.web.access import PUBLIC, SIGNED_IN
from supple.web.deps import Web
from supple.web.files import STATIC
from supple.web.pages.render import page

router = APIRouter()


@router.get("/sw.js", dependencies=[PUBLIC])
def service_worker(request: Request) -> Response:
    # Served from the root so its scope covers every page; its shell and cache name are made
    # from the static folder, so a changed file replaces the cached app instead of mixing.
    web: Web = request.app.state.web
    text: str = web.memo.get("service_worker", offline.service_worker)
    return Response(
        text,
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


@router.get("/manifest.webmanifest", dependencies=[PUBLIC])
def manifest() -> FileResponse:
    return FileResponse(STATIC / "manifest.webmanifest", media_type="application/manifest+json")


@router.get("/api/docs", response_class=HTMLResponse, dependencies=[SIGNED_IN])
def api_docs(request: Request) -> HTMLResponse:
    schema: dict[str, Any] = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            ok: tuple[str, dict[str, Any]] = next(iter(op.get("responses", {}).items()), ("", {}))
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "doc": op.get("description", ""),
                    "params": op.get("parameters", []),
                    "body": _ref(body.get("schema", {})),
                    "status": ok[0],
                    "returns": _ref(
                        ok[1].get("content", {}).get("application/json", {}).get("schema", {})
                    ),
                }
            )
    return page(
        request,
        "api_docs.html",
        nav="",
        operations=operations,
        models=sorted(schema.get("components", {}).get("schemas", {}).items()),
    )


def _ref(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_ref(schema.get('items', {}))}"
    return str(schema.get("type", "")) if schema else ""
