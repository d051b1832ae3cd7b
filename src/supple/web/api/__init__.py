"""The versioned JSON API, mounted at ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

from supple.web.api.library import router as library_router
from supple.web.api.plans import router as plans_router
from supple.web.api.profile import router as profile_router
from supple.web.api.programme import router as programme_router
from supple.web.api.progress import router as progress_router
from supple.web.api.sessions import router as sessions_router

router = APIRouter(prefix="/api/v1")
for part in (
    profile_router,
    plans_router,
    sessions_router,
    progress_router,
    library_router,
    programme_router,
):
    router.include_router(part)

__all__ = ["router"]
