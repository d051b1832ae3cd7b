"""Screening answers: save a profile and get the safety verdict."""

from __future__ import annotations

from fastapi import APIRouter

from supple.app import screening
from supple.app.errors import NotFound
from supple.safety.profile import Profile
from supple.web import services
from supple.web.deps import ContextDep
from supple.web.schemas import ErrorOut, ProfileIn, ScreeningOut, SettingsIn

router = APIRouter(tags=["screening"], responses={422: {"model": ErrorOut}})


@router.post("/profile", response_model=ScreeningOut)
def save_profile(profile: ProfileIn, ctx: ContextDep) -> ScreeningOut:
    """Save the screening answers and judge them (red flags → refer, no plan)."""
    verdict = screening.answer(store=ctx.store, profile=profile, today=ctx.today())
    return services.screening_out(verdict)


@router.get("/profile", response_model=Profile, responses={404: {"model": ErrorOut}})
def latest_profile(ctx: ContextDep) -> Profile:
    """The latest screening answers."""
    profile = ctx.store.latest_profile()
    if profile is None:
        raise NotFound("no screening answers yet")
    return profile


@router.put("/settings", response_model=Profile, responses={409: {"model": ErrorOut}})
def save_settings(body: SettingsIn, ctx: ContextDep) -> Profile:
    """Change the minutes per day (saved as a new version of the profile)."""
    return screening.set_minutes(store=ctx.store, minutes=body.minutes)
