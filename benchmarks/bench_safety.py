"""Safety figures: which tier 10,000 random profiles get, why "soon", and how long it takes.

Run with ``.venv/bin/python -m benchmarks safety``. Profiles are drawn at random (fixed seed)
over every answer: pain areas, pain 0-10, how long, age (sometimes not given), up to two
conditions, and each red flag with a small chance (``FLAG_CHANCE``), as a first screening with
no clearance. Then: the share of each tier, the commonest "soon" reasons, and the time to
screen and to plan (median, p99).
"""

from __future__ import annotations

import random
import statistics
import time
from collections import Counter
from datetime import date
from typing import Any

from supple.library import load_library
from supple.library.vocab import EQUIPMENT
from supple.planner import make_plan
from supple.planner.advice import TIME_TOLERANCE
from supple.safety import Profile, Rules, assess, load_rules
from supple.safety.profile import ACTIVITIES, CONDITIONS, HIP_APPROACHES, PAIN_AREAS, RED_FLAGS

PROFILES = 10_000
SEED = 20261210
#: Each red flag is answered yes with this chance (about 3 in 10 profiles have one or more).
FLAG_CHANCE = 0.015
#: The red flags of the first screening (issue 10 added the rest after them), to compare.
FIRST_FLAGS = frozenset(RED_FLAGS[:13])
WEEKS = [0.5, 1, 2, 3, 4, 6, 8, 12, 13, 26, 52, 104, 260]
DAY = date(2026, 12, 10)


def random_answers(rng: random.Random) -> dict[str, Any]:
    """One random, valid set of screening answers."""
    conditions = rng.sample(CONDITIONS, rng.choice([0, 0, 1, 1, 2]))
    age = None if rng.random() < 0.1 else rng.randint(12, 90)
    if "pregnancy" in conditions and age is not None and age > 60:
        conditions.remove("pregnancy")
    areas = rng.sample(PAIN_AREAS, rng.randint(1, 3))
    eases = rng.sample(ACTIVITIES, rng.randint(0, 2))
    answers: dict[str, Any] = {
        "pain_areas": areas,
        "pain_now": rng.randint(0, 10),
        "pain_weeks": rng.choice(WEEKS),
        "eases_with": eases,
        "worse_with": rng.sample([a for a in ACTIVITIES if a not in eases], rng.randint(0, 2)),
        "red_flags": [f for f in RED_FLAGS if rng.random() < FLAG_CHANCE],
        "leg_pain_below_knee": "buttock_or_leg" in areas and rng.random() < 0.4,
        "conditions": conditions,
        "age": age,
        "can_get_to_floor": rng.random() < 0.85,
        "can_kneel": rng.random() < 0.85,
        "can_lie_on_front": rng.random() < 0.85,
        "equipment": rng.sample(EQUIPMENT, rng.randint(2, 6)),
        "minutes": rng.randint(3, 60),
    }
    if "pregnancy" in conditions:
        answers["pregnancy_weeks"] = rng.randint(4, 40)
    if "hip_replacement" in conditions:
        answers["hip_replacement_approach"] = rng.choice(HIP_APPROACHES)
        answers["hip_replacement_weeks"] = rng.choice([None, 2, 6, 10, 14, 52])
    return answers


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _tier(profile: Profile, rules: Rules) -> str:
    active = assess(profile, rules, today=DAY).rules
    return active[0].urgency if active else "none"


def main() -> None:
    library = load_library()
    rules = load_rules()
    rng = random.Random(SEED)
    profiles = [Profile(**random_answers(rng)) for _ in range(PROFILES)]
    assess(profiles[0], rules, today=DAY)
    make_plan(profiles[0], library, day=DAY)  # warm the caches

    tiers: Counter[str] = Counter()
    soon_reasons: Counter[str] = Counter()
    screen_ms: list[float] = []
    for p in profiles:
        start = time.perf_counter()
        active = assess(p, rules, today=DAY).rules
        screen_ms.append((time.perf_counter() - start) * 1000)
        tier = active[0].urgency if active else "none"
        tiers[tier] += 1
        if tier == "soon":
            soon_reasons.update(r.id for r in active)
    first = Counter(
        _tier(
            p.model_copy(update={"red_flags": [f for f in p.red_flags if f in FIRST_FLAGS]}), rules
        )
        for p in profiles
    )
    print(f"tiers over {PROFILES} random profiles (each red flag yes with {FLAG_CHANCE:.1%}):")
    for tier in ("emergency", "urgent", "soon", "none"):
        print(
            f"  {tier:9} {100 * tiers[tier] / PROFILES:5.1f}%   "
            f"(only the first 13 flags asked: {100 * first[tier] / PROFILES:5.1f}%)"
        )
    soon = tiers["soon"]
    print(f"commonest reasons among the {soon} 'soon' profiles (a profile may have several):")
    for rule_id, count in soon_reasons.most_common(8):
        share, overall = 100 * count / soon, 100 * count / PROFILES
        print(f"  {rule_id:28} {share:5.1f}% of soon, {overall:5.1f}% of all")
    print(
        f"screen (assess) per profile: median {statistics.median(screen_ms):.3f} ms, "
        f"p99 {_quantile(screen_ms, 0.99):.3f} ms"
    )

    plan_ms: list[float] = []
    fit: Counter[str] = Counter()
    for p in profiles:
        start = time.perf_counter()
        plan = make_plan(p, library, day=DAY)
        plan_ms.append((time.perf_counter() - start) * 1000)
        if plan.items:
            asked = p.minutes * 60
            close = abs(plan.total_seconds - asked) <= TIME_TOLERANCE * asked
            fit["gentle" if plan.gentle else "within" if close else "short"] += 1
    routines = sum(fit.values())
    print(
        f"make_plan (screen + plan) per profile: median {statistics.median(plan_ms):.1f} ms, "
        f"p99 {_quantile(plan_ms, 0.99):.1f} ms, max {max(plan_ms):.1f} ms"
    )
    print(
        f"routines: {routines} of {PROFILES}; within 10% of the minutes asked "
        f"{100 * fit['within'] / routines:.1f}%, shorter and saying why "
        f"{100 * fit['short'] / routines:.1f}%, gentle mode (at most 15 minutes) "
        f"{100 * fit['gentle'] / routines:.1f}%"
    )


if __name__ == "__main__":
    main()
