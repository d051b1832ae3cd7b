"""The versioned JSON API, mounted at ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

from supple.web.api.admin import router as admin_router
from supple.web.api.auth import router as auth_router
from supple.web.api.builder import router as builder_router
from supple.web.api.clinician import router as clinician_router
from supple.web.api.clinician_patient import router as clinician_patient_router
from supple.web.api.entries import router as entries_router
from supple.web.api.library import router as library_router
from supple.web.api.messages import router as messages_router
from supple.web.api.plans import router as plans_router
from supple.web.api.profile import router as profile_router
from supple.web.api.programme import router as programme_router
from supple.web.api.progress import router as progress_router
from supple.web.api.sessions import router as sessions_router
from supple.web.schemas import ErrorOut

router = APIRouter(
    prefix="/api/v1",
    responses={
        503: {
            "model": ErrorOut,
            "description": "the database is busy or out of reach: nothing was stored; send the "
            "same request again after the seconds of the Retry-After header",
        }
    },
)
for part in (
    profile_router,
    plans_router,
    sessions_router,
    progress_router,
    entries_router,
    library_router,
    programme_router,
    auth_router,
    clinician_router,
    clinician_patient_router,
    messages_router,
    builder_router,
    admin_router,
):
    router.include_router(part)

__all__ = ["router"]
