"""The use cases as the routes call them: the application layer, with what the web keeps in
memory (plans and timelines never change once made) and its response models."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from supple.app import plans, prescriptions, sessions
from supple.app.errors import Conflict
from supple.app.plans import PlanRequest
from supple.app.screening import Verdict
from supple.planner.model import Plan
from supple.planner.prescription import Prescribed
from supple.planner.substitute import Substitution
from supple.web.deps import Context
from supple.web.schemas import Alternative, PlanOut, ScreeningOut


def screening_out(verdict: Verdict) -> ScreeningOut:
    return ScreeningOut(
        status=verdict.status, referral=verdict.referral, can_exercise=verdict.can_exercise
    )


def todays_plan(
    ctx: Context, *, minutes: int | None = None, swaps: Mapping[str, str] | None = None
) -> tuple[PlanRequest, Plan]:
    """Today's plan for the person; the same request's plan is made once."""
    req = plans.request(
        store=ctx.store, library=ctx.library, today=ctx.today(), minutes=minutes, swaps=swaps
    )
    given = assigned(ctx, req)
    if given is not None:  # the clinician's programme, when there is one
        return req, given.plan
    plan: Plan = ctx.memo.get(("plan_for", req.key()), lambda: plans.make(req, ctx.library))
    return req, plan


def assigned(ctx: Context, req: PlanRequest) -> prescriptions.Assigned | None:
    """Today's routine from the person's current programme version (None: they have none);
    a version never changes, so each request's routine of it is made once."""
    version = ctx.once("latest_version", ctx.store.latest_version)  # read once a request
    if version is None:
        return None
    found: prescriptions.Assigned = ctx.memo.get(
        ("assigned", version.number, version.created_at, req.key()),
        lambda: prescriptions.assigned(
            store=ctx.store, library=ctx.library, req=req, version=version
        ),
    )
    return found


def plan_out(ctx: Context, req: PlanRequest, plan: Plan, *, plan_id: int | None) -> PlanOut:
    """A plan as the API and the routine page show it, with the swaps each item allows."""
    found = ctx.memo.get(
        ("alternatives", plan.model_dump_json(), req.key()),
        lambda: plans.alternatives(plan, req, ctx.library),
    )
    given = assigned(ctx, req)
    if given is not None:  # a locked move keeps its place; a banned one never comes in
        banned = set(given.version.prescription.banned)
        found = {
            item: [v for v in variants if v.exercise not in banned]
            for item, variants in found.items()
            if item not in given.locked
        }
    return PlanOut(
        id=plan_id,
        day=req.day,
        minutes=req.profile.minutes,
        swaps=dict(req.swaps),
        plan=plan,
        alternatives={
            item: [
                Alternative(exercise=v.exercise, name=ctx.library[v.exercise].name, easier=v.easier)
                for v in variants
            ]
            for item, variants in found.items()
        },
    )


def saved_plan(ctx: Context, plan_id: int) -> Plan:
    """A kept plan (NotFound for any other id); kept plans never change, so each is read once."""
    plan: Plan = ctx.memo.get(
        ("plan", plan_id), lambda: plans.saved_plan(store=ctx.store, plan_id=plan_id)
    )
    return plan


def session(ctx: Context, plan_id: int, key: str, *, at: datetime) -> sessions.Session:
    """The session ``key`` of plan ``plan_id``, begun now if its begin request was lost."""
    found: sessions.Session = ctx.memo.get(
        ("session", plan_id, key),
        lambda: sessions.begin(store=ctx.store, plan_id=plan_id, key=key, at=at),
    )
    return found


def substitution(ctx: Context) -> Substitution:
    """The swap rule for the person today (their answers and what tracking learned), which
    leaves the locked moves of their clinician's programme alone."""
    rule = sessions.substitution(store=ctx.store, library=ctx.library, today=ctx.today())
    version = ctx.once("latest_version", ctx.store.latest_version)  # read once a request
    return rule if version is None else Prescribed.of(rule, version.prescription)


def timeline(ctx: Context, plan_id: int, countdown_s: int) -> bytes:
    """The timeline of a kept plan, as JSON for the player (built once per plan and day), with
    the easier variant of each exercise."""
    plan = saved_plan(ctx, plan_id)
    data: bytes = ctx.memo.get(
        ("timeline", plan_id, countdown_s, ctx.today()),
        lambda: (
            sessions.timeline(
                plan, ctx.library, countdown_s=countdown_s, substitute=substitution(ctx)
            )
            .model_dump_json()
            .encode()
        ),
    )
    return data


def take_easier(ctx: Context, plan_id: int, key: str, index: int) -> sessions.Session:
    """Put the easier variant in after item ``index`` of session ``key``, which hurt; the
    session follows the new plan (NotFound, 409 or 422 when it cannot)."""
    found = sessions.take_easier(
        store=ctx.store,
        session=session(ctx, plan_id, key, at=ctx.clock()),
        index=index,
        substitute=substitution(ctx),
    )
    if found is None:
        raise Conflict(f"item {index} of plan {plan_id} has no easier variant to offer")
    ctx.memo.forget(("session", plan_id, key))  # the key now belongs to the new plan
    ctx.memo.get(("session", found.plan_id, key), lambda: found)
    return found
