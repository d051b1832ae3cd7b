"""Planner figures: plan time, and how close the heuristic gets to the exhaustive optimum.

Run with ``.venv/bin/python -m benchmarks planner``. Profiles are drawn at random (fixed seed)
with no red flags, so each one yields a routine.
"""

from __future__ import annotations

import math
import random
import statistics
import time
from datetime import date

from supple.library import load_library
from supple.library.vocab import EQUIPMENT
from supple.planner import make_plan
from supple.planner.adjust import NO_ADJUSTMENTS
from supple.planner.bias import directional_bias
from supple.planner.candidates import eligible
from supple.planner.objective import score
from supple.planner.problem import build_problem
from supple.planner.search import exhaustive, exhaustive_pool, solve
from supple.safety import Profile, load_rules
from supple.safety.profile import ACTIVITIES, CONDITIONS, PAIN_AREAS

PROFILES = 200
#: Below this many subsets the exhaustive search tries every candidate, not a pool.
FULL_SEARCH_LIMIT = 20_000


def random_profile(rng: random.Random) -> Profile:
    """A valid profile with no red flags and no surgery (so a routine is given)."""
    conditions = rng.sample(
        [c for c in CONDITIONS if c != "recent_spinal_surgery"], rng.choice([0, 0, 0, 1, 1, 2])
    )
    eases = rng.sample(ACTIVITIES, rng.randint(0, 2))
    worse = rng.sample([a for a in ACTIVITIES if a not in eases], rng.randint(0, 2))
    return Profile(
        pain_areas=rng.sample(PAIN_AREAS, rng.randint(1, 3)),
        pain_now=rng.randint(0, 9),
        pain_weeks=rng.choice([0.5, 1, 2, 3]),
        age=rng.randint(20, 50),
        eases_with=eases,
        worse_with=worse,
        conditions=conditions,
        pregnancy_weeks=rng.randint(4, 38) if "pregnancy" in conditions else None,
        can_get_to_floor=rng.random() < 0.85,
        can_kneel=rng.random() < 0.85,
        can_lie_on_front=rng.random() < 0.85,
        equipment=rng.sample(EQUIPMENT, rng.randint(2, 6)),
        minutes=rng.randint(3, 60),
    )


def main() -> None:
    library = load_library()
    rules = load_rules()
    rng = random.Random(20261121)
    profiles = [random_profile(rng) for _ in range(PROFILES)]
    day = date(2026, 11, 21)
    make_plan(profiles[0], library, day=day)  # warm the caches (rules, library)

    times = []
    for p in profiles:
        start = time.perf_counter()
        make_plan(p, library, day=day)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        f"make_plan over {PROFILES} random profiles: median {statistics.median(times):.1f} ms, "
        f"p90 {times[int(0.9 * len(times))]:.1f} ms, p99 {times[int(0.99 * len(times))]:.1f} ms, "
        f"max {times[-1]:.1f} ms"
    )

    gaps: list[float] = []
    full = pooled = 0
    worst = (0.0, "")
    started = time.perf_counter()
    for p in profiles:
        bias, _ = directional_bias(p)
        pool = eligible(p, library, NO_ADJUSTMENTS, rules)
        problem = build_problem(
            p, pool.exercises, bias, rules.gentle(p), NO_ADJUSTMENTS, f"-|{day.isoformat()}"
        )
        heuristic = solve(problem)
        n = len(problem.candidates)
        subsets = sum(math.comb(n, k) for k in range(problem.max_items + 1))
        if subsets <= FULL_SEARCH_LIMIT:
            candidates = list(range(n))
            full += 1
        else:
            candidates = exhaustive_pool(problem, heuristic)
            pooled += 1
        _, best = exhaustive(problem, candidates)
        got = score(problem, heuristic)
        gap = max(0.0, (best - got) / abs(best)) if best else 0.0
        gaps.append(gap)
        if gap > worst[0]:
            worst = (gap, f"{p.minutes} min, {len(p.pain_areas)} areas, {n} candidates")
    print(
        f"objective gap to the exhaustive optimum over {PROFILES} profiles: worst "
        f"{100 * max(gaps):.2f}%, mean {100 * statistics.mean(gaps):.3f}%, "
        f"exact on {sum(g == 0 for g in gaps)}/{PROFILES}"
    )
    print(
        f"  every candidate searched on {full} profiles; a pool of the heuristic's picks "
        f"topped up to 14 best single moves on {pooled}"
    )
    if worst[0]:
        print(f"  worst case: {worst[1]}")
    print(f"  exhaustive search took {time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
