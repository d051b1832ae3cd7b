"""Settings, the offline machinery (service worker, manifest) and the API reference page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from supple.app import screening
from supple.web import offline
from supple.web.access import PUBLIC, SIGNED_IN
from supple.web.deps import Context, ContextDep, Web
from supple.web.files import STATIC
from supple.web.pages.render import form_lists, page, whole_number

router = APIRouter()


def settings_page(
    request: Request, ctx: Context, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """The settings page, with the person's answers and calendar feed."""
    return page(
        request,
        "settings.html",
        status_code=status_code,
        nav="settings",
        profile=ctx.store.latest_profile(),
        feed=ctx.store.calendar_feed(),
        **context,
    )


@router.get("/settings", response_class=HTMLResponse)
def settings(
    request: Request, ctx: ContextDep, saved: bool = False, feed: str | None = None
) -> HTMLResponse:
    return settings_page(request, ctx, saved=saved, feed_stopped=feed == "stopped")


@router.post("/settings", response_class=HTMLResponse)
async def save_settings(request: Request, ctx: ContextDep) -> Response:
    minutes = whole_number((await form_lists(request)).get("minutes", [""])[-1], 3, 60)
    profile = ctx.store.latest_profile()
    if profile is None:  # nothing to change yet
        return RedirectResponse("/check", status_code=303)
    if minutes is None:
        return settings_page(
            request, ctx, 400, error="Minutes per day must be a whole number from 3 to 60."
        )
    screening.set_minutes(store=ctx.store, minutes=minutes)
    return RedirectResponse("/settings?saved=true", status_code=303)


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
