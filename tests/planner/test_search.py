"""The heuristic against the exhaustive search on small cases, and the objective's parts."""

from __future__ import annotations

import math

import pytest

from supple.library import load_library
from supple.planner import timing
from supple.planner.adjust import NO_ADJUSTMENTS
from supple.planner.bias import directional_bias
from supple.planner.candidates import eligible
from supple.planner.objective import Problem, layout, score, transitions
from supple.planner.problem import build_problem
from supple.planner.search import exhaustive, exhaustive_pool, greedy, solve
from supple.safety import Profile, load_rules

LIB = load_library()


def problem_for(profile: Profile, key: str = "k") -> Problem:
    rules = load_rules()
    bias, _ = directional_bias(profile)
    pool = eligible(profile, LIB, NO_ADJUSTMENTS, rules)
    return build_problem(profile, pool.exercises, bias, rules.gentle(profile), NO_ADJUSTMENTS, key)


SMALL = [
    Profile(minutes=4),
    Profile(minutes=6, pain_areas=["neck"]),
    Profile(minutes=5, pain_areas=["hip", "buttock_or_leg"], eases_with=["sitting"]),
    Profile(minutes=8, can_get_to_floor=False, pain_now=8),
    Profile(minutes=8, conditions=["pregnancy"], pregnancy_weeks=30),
    Profile(minutes=6, eases_with=["walking"], worse_with=["sitting"], equipment=["mat"]),
]


@pytest.mark.parametrize("profile", SMALL, ids=lambda p: f"{p.minutes}min")
def test_heuristic_is_within_two_percent_of_the_optimum(profile: Profile) -> None:
    problem = problem_for(profile)
    n = len(problem.candidates)
    # A budget for the test, not a rule of the planner: the 86-entry library gives the
    # pregnancy profile about 47,000 subsets, searched in about half a second.
    assert sum(math.comb(n, k) for k in range(problem.max_items + 1)) <= 60_000
    _, best = exhaustive(problem, list(range(n)))
    got = score(problem, solve(problem))
    assert got >= best - 0.02 * abs(best)


def test_local_search_never_worsens_greedy() -> None:
    for profile in SMALL:
        problem = problem_for(profile)
        assert score(problem, solve(problem)) >= score(problem, greedy(problem)) - 1e-9


def test_the_exhaustive_pool_keeps_the_heuristic_picks() -> None:
    problem = problem_for(Profile(minutes=40, pain_areas=["lower_back", "hip"]))
    picks = solve(problem)
    pool = exhaustive_pool(problem, picks)
    assert set(picks) <= set(pool) and len(pool) >= len(picks)


def test_coverage_rewards_moves_for_the_pain_area() -> None:
    problem = problem_for(Profile(minutes=10, pain_areas=["neck"]))
    ids = [c.id for c in problem.candidates]
    neck = ids.index("neck_side_tilt")
    assert problem.candidates[neck].cover[0] == 1.0
    others = [i for i, c in enumerate(problem.candidates) if c.cover[0] < 0.5]
    assert not others  # moves that miss every pain area are not candidates when enough match


def test_variants_in_one_position_never_share_a_block() -> None:
    problem = problem_for(Profile(minutes=30, eases_with=["walking", "bending_backward"]))
    ids = [c.id for c in problem.candidates]
    pair = (ids.index("sphinx"), ids.index("cobra"))
    assert (min(pair), max(pair)) in problem.conflicts
    chosen = {problem.candidates[i].id for i in solve(problem)}
    assert not {"sphinx", "cobra"} <= chosen


def test_layout_groups_positions_and_counts_transitions() -> None:
    problem = problem_for(Profile(minutes=25))
    seq = layout(problem, solve(problem))
    positions = [c.position for c in seq]
    assert any(c.exercise.on_floor for c in seq)
    assert timing.floor_moves(positions) == (1, 1)
    before = [None, *positions[:-1]]
    expected = sum(timing.transition_seconds(a, b) for a, b in zip(before, positions, strict=True))
    assert transitions(seq) == expected > 0
