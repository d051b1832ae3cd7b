"""Solving the objective: a fast greedy + local search, and an exhaustive search for checks.

The local search moves one move at a time (add, drop, swap) and, when none of those helps, two
at a time: two moves that pay off only together (two moves on all fours share one trip down to
the floor) are out of reach of any single step. Pairs are drawn from the moves that do best
when added alone, so a round stays cheap.
"""

from __future__ import annotations

from itertools import combinations

from supple.planner.objective import Problem, score

#: Local search stops after this many improving moves (it converges well before on real cases).
MAX_IMPROVEMENTS = 40
#: The exhaustive search enumerates every block drawn from at most this many candidates.
EXHAUSTIVE_POOL = 14
#: Pair moves are drawn from this many of the best moves outside the block.
PAIR_POOL = 10
_EPS = 1e-9


def greedy(problem: Problem) -> list[int]:
    """Add the move with the best gain until no move improves the block."""
    chosen: list[int] = []
    current = score(problem, chosen)
    n = len(problem.candidates)
    while len(chosen) < problem.max_items:
        best_gain, best = _EPS, -1
        for j in range(n):
            if j in chosen or not problem.compatible(chosen, j):
                continue
            gain = score(problem, [*chosen, j]) - current
            if gain > best_gain:
                best_gain, best = gain, j
        if best < 0:
            break
        chosen.append(best)
        current += best_gain
    return chosen


def _single_moves(problem: Problem, chosen: list[int], outside: list[int]) -> list[list[int]]:
    moves: list[list[int]] = []
    if len(chosen) < problem.max_items:
        moves += [[*chosen, j] for j in outside if problem.compatible(chosen, j)]
    for k in range(len(chosen)):
        rest = chosen[:k] + chosen[k + 1 :]
        moves.append(rest)
        moves += [[*rest, j] for j in outside if problem.compatible(rest, j)]
    return moves


def _pair_moves(problem: Problem, chosen: list[int], outside: list[int]) -> list[list[int]]:
    """Two moves in at once: added, or in place of one move of the block."""
    ranked = sorted(outside, key=lambda j: -score(problem, [*chosen, j]))[:PAIR_POOL]
    pairs = [
        (a, b)
        for a, b in combinations(ranked, 2)
        if (min(a, b), max(a, b)) not in problem.conflicts
    ]
    bases = [chosen, *(chosen[:k] + chosen[k + 1 :] for k in range(len(chosen)))]
    moves: list[list[int]] = []
    for base in bases:
        if len(base) + 2 > problem.max_items:
            continue
        for a, b in pairs:
            if problem.compatible(base, a) and problem.compatible(base, b):
                moves.append([*base, a, b])
    return moves


def _best(
    problem: Problem, moves: list[list[int]], current: float
) -> tuple[float, list[int] | None]:
    best_gain, best_move = _EPS, None
    for move in moves:
        gain = score(problem, move) - current
        if gain > best_gain:
            best_gain, best_move = gain, move
    return best_gain, best_move


def local_search(problem: Problem, start: list[int]) -> list[int]:
    """Improve ``start`` by the best single add, drop or swap, else the best pair move, until
    neither helps."""
    chosen = list(start)
    current = score(problem, chosen)
    n = len(problem.candidates)
    for _ in range(MAX_IMPROVEMENTS):
        outside = [j for j in range(n) if j not in chosen]
        gain, move = _best(problem, _single_moves(problem, chosen, outside), current)
        if move is None:
            gain, move = _best(problem, _pair_moves(problem, chosen, outside), current)
        if move is None:
            break
        chosen = move
        current += gain
    return sorted(chosen)


def solve(problem: Problem) -> list[int]:
    """The heuristic's main block: greedy, then local search."""
    return local_search(problem, greedy(problem))


def exhaustive_pool(problem: Problem, keep: list[int]) -> list[int]:
    """The candidates the exhaustive search may use: ``keep`` topped up with the best singles."""
    pool = list(dict.fromkeys(keep))
    ranked = sorted(range(len(problem.candidates)), key=lambda j: -score(problem, [j]))
    for j in ranked:
        if len(pool) >= max(EXHAUSTIVE_POOL, len(keep)):
            break
        if j not in pool:
            pool.append(j)
    return pool


def exhaustive(problem: Problem, pool: list[int]) -> tuple[list[int], float]:
    """The best block drawn from ``pool`` by trying every subset (small cases only)."""
    best: list[int] = []
    best_score = score(problem, best)
    for size in range(1, min(problem.max_items, len(pool)) + 1):
        for combo in combinations(pool, size):
            if not _compatible_set(problem, combo):
                continue
            value = score(problem, combo)
            if value > best_score + _EPS:
                best, best_score = list(combo), value
    return sorted(best), best_score


def _compatible_set(problem: Problem, combo: tuple[int, ...]) -> bool:
    if not problem.conflicts:
        return True
    return all((a, b) not in problem.conflicts for a, b in combinations(sorted(combo), 2))
