"""Thin glue between the routes and the domain: the same calls the CLI makes."""

from __future__ import annotations

from supple.library import Library
from supple.planner.adjust import Adjustments
from supple.planner.model import Plan
from supple.safety.profile import Profile
from supple.safety.referral import Referral
from supple.session.events import SessionEvent
from supple.web.deps import Context
from supple.web.errors import BadEvent, Conflict, NotFound
from supple.web.schemas import Alternative, PlanOut, ScreeningOut
from supple.web.swap import allowed_variants, apply_swaps


def screening(profile: Profile) -> ScreeningOut:
    """Judge a profile with the safety rules (the same as ``supple check``)."""
    from supple.safety import routine_allowed, screen

    referral: Referral | None = screen(profile)
    if referral is None:
        return ScreeningOut(status="plan", can_exercise=True)
    return ScreeningOut(status="refer", referral=referral, can_exercise=routine_allowed(profile))


def current_profile(ctx: Context) -> Profile:
    profile = ctx.store.latest_profile()
    if profile is None:
        raise Conflict(
            "no screening answers yet: answer the questions first (POST /api/v1/profile)"
        )
    return profile


def with_minutes(profile: Profile, minutes: int | None) -> Profile:
    if minutes is None or minutes == profile.minutes:
        return profile
    return Profile.model_validate({**profile.model_dump(), "minutes": minutes})


def _learned(ctx: Context) -> Adjustments:
    """What tracking learned from past feedback (painful twice → regression, and so on)."""
    from supple.tracking import adjustments_from

    return adjustments_from(ctx.store.tracking_input(ctx.today()), ctx.library)


def build_plan(
    ctx: Context, *, minutes: int | None = None, swaps: dict[str, str] | None = None
) -> tuple[Profile, Plan]:
    """Today's plan for the latest profile; the day seeds the daily variety."""
    from supple.planner import make_plan

    for ident in {*(swaps or {}), *(swaps or {}).values()}:
        ctx.library[ident]  # an unknown id is a 404 with suggestions
    profile = with_minutes(current_profile(ctx), minutes)
    learned = _learned(ctx)
    day = ctx.today()
    # make_plan is a pure function of these inputs, so the same day's plan is made once.
    key = ("make_plan", profile.model_dump_json(), day, learned.model_dump_json())
    plan: Plan = ctx.memo.get(
        key, lambda: make_plan(profile, ctx.library, day=day, adjustments=learned)
    )
    plan = apply_swaps(plan, swaps or {}, profile=profile, library=ctx.library, adjustments=learned)
    return profile, plan


def alternatives(plan: Plan, library: Library, profile: Profile) -> dict[str, list[Alternative]]:
    """For each item, its easier and harder variants that the safety rules allow."""
    return {
        item: [Alternative(exercise=v, name=library[v].name, easier=easier) for v, easier in vs]
        for item, vs in allowed_variants(plan, library, profile).items()
    }


def plan_out(
    ctx: Context, profile: Profile, plan: Plan, *, swaps: dict[str, str], plan_id: int | None
) -> PlanOut:
    return PlanOut(
        id=plan_id,
        day=ctx.today(),
        minutes=profile.minutes,
        swaps=swaps,
        plan=plan,
        alternatives=ctx.memo.get(
            ("alternatives", plan.model_dump_json(), profile.model_dump_json()),
            lambda: alternatives(plan, ctx.library, profile),
        ),
    )


def saved_plan(ctx: Context, plan_id: int) -> Plan:
    from supple.store import StoreError

    if not 1 <= plan_id < 2**31:
        raise NotFound(f"no plan {plan_id}")
    try:
        plan: Plan = ctx.memo.get(("plan", plan_id), lambda: ctx.store.get_plan(plan_id))
    except StoreError:
        raise NotFound(f"no plan {plan_id}") from None
    return plan


def check_event(plan: Plan, event: SessionEvent) -> None:
    """Refuse an item or feedback event whose index or exercise is not the plan's."""
    if event.type not in ("item", "feedback"):
        return
    if event.index >= len(plan.items):
        raise BadEvent(f"index: the plan has {len(plan.items)} items, no item {event.index}")
    expected = plan.items[event.index].exercise
    if event.exercise != expected:
        raise BadEvent(f"exercise: item {event.index} of the plan is '{expected}'")


def timeline(ctx: Context, plan_id: int, countdown_s: int) -> bytes:
    """The engine's timeline for a saved plan, as JSON for the player (built once per plan)."""
    from supple.session.timeline import build_timeline

    plan = saved_plan(ctx, plan_id)
    if not plan.items:  # a referral that withholds the routine
        raise Conflict(f"plan {plan_id} has no exercises to play")
    data: bytes = ctx.memo.get(
        ("timeline", plan_id, countdown_s),
        lambda: (
            build_timeline(plan, ctx.library, countdown_s=countdown_s).model_dump_json().encode()
        ),
    )
    return data
