"""Programme figures: what routines are made of, whether programme weeks differ, lessons, walking.

Run with ``.venv/bin/python -m benchmarks programme``. It measures the claims of issue 11 on
random profiles (fixed seed, no red flags): the share of routines with a strength move, the mix
of chronic routines (strength moves, time in stretches), programmes whose weeks 4 to 8 are all
different, the reference routine (45 years old, 6 months of pain, 15 minutes), today's lesson over
a month of reading through the real store, and the walking plan's weekly growth.
"""

from __future__ import annotations

import itertools
import random
import statistics
import tempfile
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from benchmarks.bench_planner import random_profile
from supple.library import load_library
from supple.library.model import Exercise
from supple.planner import make_plan
from supple.planner.adjust import NO_ADJUSTMENTS
from supple.planner.bias import directional_bias
from supple.planner.candidates import eligible
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.problem import build_problem
from supple.planner.program import make_program, progressions_for
from supple.planner.steps import MAX_LOAD_STEP
from supple.safety import Profile, load_rules
from supple.tracking.model import WalkRecord, WalkStart
from supple.tracking.walking import weeks as walk_weeks

PROFILES = 200
PROGRAMMES = 40
DAY = date(2026, 11, 21)


def stretch_share(plan: Plan, library: Mapping[str, Exercise]) -> float:
    """The share of the routine's time spent in stretches."""
    stretch = sum(i.seconds for i in plan.items if library[i.exercise].kind == "stretch")
    return stretch / plan.total_seconds if plan.total_seconds else 0.0


def strength_count(plan: Plan, library: Mapping[str, Exercise]) -> int:
    """How many strength or motor-control moves the routine holds."""
    return sum(library[i.exercise].kind == "strength" for i in plan.items)


def week_key(plan: Plan) -> tuple[tuple[object, ...], ...]:
    """What a person would see change between two weeks: moves and their doses."""
    return tuple((i.exercise, i.hold_s, i.duration_s, i.reps, i.sets) for i in plan.items)


def reachable_strength(profile: Profile, library: Mapping[str, Exercise]) -> int:
    """How many strength moves (up to the mix's 2) the allowed moves can give together."""
    rules = load_rules()
    bias, _ = directional_bias(profile)
    pool = eligible(profile, library, NO_ADJUSTMENTS, rules)
    problem = build_problem(
        profile, pool.exercises, bias, rules.gentle(profile), NO_ADJUSTMENTS, f"-|{DAY}"
    )
    return problem.min_strength


def can_climb(profile: Profile, plan: Plan, library: Mapping[str, Exercise]) -> bool:
    """Whether a strength move of ``plan`` is below its top rung or has a harder variant."""
    swaps = progressions_for(profile, library, load_rules(), {})
    for item in plan.items:
        ex = library[item.exercise]
        if ex.kind == "strength":
            top = base_dose(ex, load_step=MAX_LOAD_STEP)
            if (item.reps, item.sets) < (top.reps, top.sets) or item.exercise in swaps:
                return True
    return False


def chronic(profile: Profile, rng: random.Random) -> Profile:
    """``profile`` with pain of 12 weeks or more and a session of 10 minutes or more."""
    return profile.model_copy(
        update={"pain_weeks": rng.choice([12, 26, 52]), "minutes": max(10, profile.minutes)}
    )


def mix_figures(library: Mapping[str, Exercise], profiles: list[Profile]) -> None:
    """Strength moves and stretch time over random and chronic profiles."""
    rng = random.Random(11)
    plans = [make_plan(p, library, day=DAY) for p in profiles]
    routines = [(p, plan) for p, plan in zip(profiles, plans, strict=True) if plan.items]
    six = [(p, plan) for p, plan in routines if p.minutes >= 6]
    without = sum(strength_count(plan, library) == 0 for _, plan in six)
    print(
        f"routines of 6 min or more with no strength move: {without}/{len(six)} "
        f"({100 * without / len(six):.1f}%)"
    )
    made = [(c, make_plan(c, library, day=DAY)) for c in (chronic(p, rng) for p in profiles)]
    made = [(c, plan) for c, plan in made if plan.items and not plan.gentle]
    long_plans = [plan for _, plan in made]
    two = sum(strength_count(plan, library) >= 2 for plan in long_plans)
    short = [(c, plan) for c, plan in made if strength_count(plan, library) < 2]
    could = sum(reachable_strength(c, library) >= 2 for c, _ in short)
    shares = sorted(stretch_share(plan, library) for plan in long_plans)
    half = sum(s <= 0.5 + 1e-9 for s in shares)
    print(
        f"chronic (12+ weeks) routines of 10 min or more, not gentle: {len(long_plans)}; "
        f"with 2+ strength moves {two} ({100 * two / len(long_plans):.1f}%); stretch time at most "
        f"half {half} ({100 * half / len(long_plans):.1f}%); stretch share median "
        f"{100 * statistics.median(shares):.0f}%, max {100 * shares[-1]:.0f}%"
    )
    print(
        f"  of the {len(short)} with fewer than 2 strength moves, the allowed moves could give "
        f"2 in {could} (the rest: the person's answers and equipment allow fewer)"
    )


def reference_routine(library: Mapping[str, Exercise]) -> None:
    """The issue's example: 45 years old, 6 months of lower back pain, 15 minutes."""
    profile = Profile(pain_areas=["lower_back"], pain_now=4, pain_weeks=26, age=45, minutes=15)
    plan = make_plan(profile, library, day=DAY)
    kinds = Counter(library[i.exercise].kind for i in plan.items)
    print(
        f"reference routine (45, 26 weeks, lower back, 15 min): {len(plan.items)} moves "
        f"{dict(sorted(kinds.items()))}, {plan.total_seconds} s, stretches "
        f"{100 * stretch_share(plan, library):.0f}% of the time"
    )
    weeks = make_program(profile, library, weeks=8, start=DAY).weeks
    distinct = len({week_key(w.plan) for w in weeks[3:8]})
    print(f"  its 8-week programme: weeks 4-8 give {distinct} different routines of 5")


def programme_figures(library: Mapping[str, Exercise], profiles: list[Profile]) -> None:
    """Programmes of 8 weeks for chronic profiles: are weeks 4 to 8 all different?"""
    rng = random.Random(8)
    counted = all_differ = copies = climbable = pairs = 0
    for p in profiles[:PROGRAMMES]:
        profile = chronic(p, rng)
        programme = make_program(profile, library, weeks=8, start=DAY)
        plans = [w.plan for w in programme.weeks]
        if not plans or not plans[0].items or plans[0].gentle:
            continue
        counted += 1
        keys = [week_key(plan) for plan in plans]
        all_differ += len(set(keys[3:8])) == 5
        same = [k for k in range(len(keys) - 1) if keys[k] == keys[k + 1]]
        copies += len(same)
        climbable += sum(can_climb(profile, plans[k], library) for k in same)
        pairs += len(keys) - 1
    print(
        f"8-week chronic programmes (not gentle): {counted}; weeks 4-8 all different in "
        f"{all_differ}; consecutive weeks identical {copies} of {pairs} pairs, of which "
        f"{climbable} had a strength move that could still climb"
    )


def lesson_figures() -> None:
    """A month of plans through the real store (SQLite): a lesson each day, read each day."""
    from supple.app.lessons import read
    from supple.app.plans import todays_plan
    from supple.library.lessons import load_lessons
    from supple.store import Store

    library = load_library()
    lessons = load_lessons()
    profile = Profile(pain_areas=["lower_back"], pain_now=4, pain_weeks=26, age=45, minutes=15)
    with tempfile.TemporaryDirectory() as tmp:
        database = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        store = database.for_person(database.person())
        store.save_profile(profile)
        seen: list[str] = []
        with_lesson = 0
        for n in range(30):
            today = DAY + timedelta(days=n)
            plan = todays_plan(store=store, library=library, today=today).plan
            if plan.lesson is not None:
                with_lesson += 1
                seen.append(plan.lesson.id)
                noon = datetime.combine(today, time(12), tzinfo=UTC)
                read(store=store, lessons=lessons, lesson_id=plan.lesson.id, at=noon)
        database.close()
    print(
        f"today's lesson over 30 days of plans (read each day): a lesson on {with_lesson}/30; "
        f"{len(set(seen))} different lessons, the first {len(lessons)} days all different: "
        f"{len(set(seen[: len(lessons)])) == len(lessons)}"
    )


def walking_figures() -> None:
    """The walking plan's weekly growth over random histories of logged walks."""
    rng = random.Random(10)
    growth: list[float] = []
    for _ in range(PROFILES):
        start = WalkStart(day=DAY, comfortable_s=rng.randint(60, 1800))
        walks = [
            WalkRecord(day=DAY + timedelta(days=d), seconds=rng.randint(0, 2400))
            for d in range(84)
            if rng.random() < 0.7
        ]
        plan = walk_weeks(start, walks, DAY + timedelta(days=84))
        growth += [b.target_s / a.target_s - 1 for a, b in itertools.pairwise(plan)]
    grew = [g for g in growth if g > 0]
    print(
        f"walking plan, {PROFILES} random 12-week histories: {len(grew)} of {len(growth)} weeks "
        f"grew, largest weekly growth {100 * max(growth):.2f}%"
    )


def main() -> None:
    library = load_library()
    rng = random.Random(20261121)
    profiles = [random_profile(rng) for _ in range(PROFILES)]
    make_plan(profiles[0], library, day=DAY)  # warm the caches
    mix_figures(library, profiles)
    reference_routine(library)
    programme_figures(library, profiles)
    lesson_figures()
    walking_figures()


if __name__ == "__main__":
    main()
