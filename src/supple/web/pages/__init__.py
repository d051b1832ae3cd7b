"""Server-rendered pages (Jinja), one module per part of the app."""

from __future__ import annotations

from fastapi import APIRouter

from supple.web.pages.account import router as account_router
from supple.web.pages.builder import router as builder_router
from supple.web.pages.entries import router as entries_router
from supple.web.pages.library import router as library_router
from supple.web.pages.messages import router as messages_router
from supple.web.pages.misc import router as misc_router
from supple.web.pages.patient_page import router as patient_page_router
from supple.web.pages.programme import router as programme_router
from supple.web.pages.progress import router as progress_router
from supple.web.pages.routine import router as routine_router
from supple.web.pages.settings import router as settings_router
from supple.web.pages.signin import router as signin_router
from supple.web.pages.staff import router as staff_router
from supple.web.pages.start import router as start_router

router = APIRouter(include_in_schema=False)
for part in (
    start_router,
    routine_router,
    progress_router,
    entries_router,
    programme_router,
    library_router,
    settings_router,
    misc_router,
    signin_router,
    account_router,
    staff_router,
    patient_page_router,
    messages_router,
    builder_router,
):
    router.include_router(part)

__all__ = ["router"]
