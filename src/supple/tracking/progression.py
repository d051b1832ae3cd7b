"""Progression that follows the person: each strength move climbs or steps back on its ladder
of load steps (``supple.planner.steps``), session by session.

- After **two sessions rated easy** ("too easy") with pain **no worse the next day**: one step
  up. Steps 1 and 2 add repetitions, step 3 a set, and past the top the harder variant comes
  in.
- After a session in which the move **hurt** ("painful"), or after any session that left pain
  **more than 2 points above the usual** the next morning: one step back for the moves of that
  session. Below step -1 the easier variant comes in, or the move is left out when it has none.

This follows the usual progression rule of strength training (ACSM position stand 2009: add
load once one or two repetitions more than the target can be done in two sessions in a row)
and the pain-monitoring model borrowed from tendon rehabilitation (Silbernagel 2007: pain that
has settled by the next morning is acceptable; pain clearly up the next morning means easing
off). Other moves
(stretches, mobility) keep issue 4's rule: painful twice brings the easier variant, too easy
twice the harder one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from supple.planner.phrase import Phrase, phrase
from supple.planner.steps import MAX_LOAD_STEP, MIN_LOAD_STEP
from supple.tracking import pain as pain_mod
from supple.tracking.model import TrackingInput

if TYPE_CHECKING:
    from supple.library.model import Exercise

#: Sessions rated easy in a row that earn a step up.
EASY_SESSIONS = 2
#: Next-morning pain more than this many points above the usual means a step back.
FLARE_POINTS = 2
#: The next day's pain counts as worse from this many points above the usual (below this, a
#: change is within the scale's noise at most baselines: Thieme 2020).
WORSE_POINTS = 1
#: Days before a session whose scores make the usual pain.
USUAL_DAYS = 7


#: What a step up to each step means, as the note says it.
_UP_CODES = {0: "load_back_up", 1: "load_more_reps", 2: "load_more_reps", 3: "load_more_sets"}


@dataclass
class _Rung:
    step: int = 0
    easy: int = 0


@dataclass
class LoadDecisions:
    """Steps earned by strength moves, the variants that came in, moves left out, and why."""

    steps: dict[str, int] = field(default_factory=dict)
    replace: dict[str, str] = field(default_factory=dict)
    leave_out: dict[str, str] = field(default_factory=dict)
    notes: list[Phrase] = field(default_factory=list)


def usual_pain(data: TrackingInput, day: date) -> float | None:
    """The mean daily or before-session score of the days before ``day``."""
    first = day - timedelta(days=USUAL_DAYS)
    scores = [p.score for p in data.pain if first <= p.day < day and p.moment != "after"]
    return pain_mod.mean(scores)


def next_morning(data: TrackingInput, day: date) -> int | None:
    """The first daily or before-session score of the day after ``day``."""
    after = day + timedelta(days=1)
    return next((p.score for p in data.pain if p.day == after and p.moment != "after"), None)


def _sessions(data: TrackingInput) -> list[tuple[date, int]]:
    """Every session with feedback or exercises done, oldest first."""
    keys = {(r.day, r.session) for r in data.feedback} | {(r.day, r.session) for r in data.done}
    return sorted(keys)


def flared(data: TrackingInput) -> bool:
    """Whether any session left the next morning's pain more than 2 points above the usual."""
    return any(
        (usual := usual_pain(data, day)) is not None
        and (morning := next_morning(data, day)) is not None
        and morning > usual + FLARE_POINTS
        for day, _ in _sessions(data)
    )


def load_decisions(
    data: TrackingInput, library: Mapping[str, Exercise], *, since: date
) -> LoadDecisions:
    """Replay the sessions from ``since`` and return where each strength move stands."""
    out = LoadDecisions()
    rungs: dict[str, _Rung] = {}
    # each session's feedback and moves done, gathered once (not one scan per session)
    said_in: dict[tuple[date, int], dict[str, str]] = {}
    for r in data.feedback:
        said_in.setdefault((r.day, r.session), {})[r.exercise] = r.feedback
    done_in: dict[tuple[date, int], set[str]] = {}
    for d in data.done:
        done_in.setdefault((d.day, d.session), set()).add(d.exercise)
    for day, session in _sessions(data):
        if day <= since:
            continue
        said = said_in.get((day, session), {})
        done = done_in.get((day, session), set())
        usual = usual_pain(data, day)
        morning = next_morning(data, day)
        flare = usual is not None and morning is not None and morning > usual + FLARE_POINTS
        worse = usual is not None and morning is not None and morning >= usual + WORSE_POINTS
        for ex_id in sorted(done | set(said)):
            exercise = library.get(ex_id)
            if exercise is None or exercise.kind != "strength" or ex_id in out.leave_out:
                continue
            rung = rungs.setdefault(ex_id, _Rung())
            if said.get(ex_id) == "painful" or flare:
                _step_back(
                    out, rungs, exercise, library, flare=flare and said.get(ex_id) != "painful"
                )
            elif said.get(ex_id) == "too_easy" and not worse:
                rung.easy += 1
                if rung.easy >= EASY_SESSIONS:
                    _step_up(out, rungs, exercise, library)
            elif said.get(ex_id) == "too_easy":
                rung.easy = 0
    out.steps = {ex: r.step for ex, r in rungs.items() if r.step and ex not in out.replace}
    return out


def _name(library: Mapping[str, Exercise], ex_id: str) -> str:
    found = library.get(ex_id)
    return found.name if found else ex_id.replace("_", " ").capitalize()


def _step_up(
    out: LoadDecisions,
    rungs: dict[str, _Rung],
    exercise: Exercise,
    library: Mapping[str, Exercise],
) -> None:
    rung = rungs[exercise.id]
    rung.easy = 0
    if rung.step < MAX_LOAD_STEP:
        rung.step += 1
        out.notes.append(phrase(_UP_CODES[rung.step], exercise=exercise.name))
        return
    harder = [p for p in exercise.progressions if p in library and p not in out.leave_out]
    if not harder:
        out.notes.append(phrase("easy_hardest", exercise=exercise.name))
        return
    out.replace[exercise.id] = harder[0]
    rungs.setdefault(harder[0], _Rung())
    out.notes.append(
        phrase("load_harder", exercise=exercise.name, variant=_name(library, harder[0]))
    )


def _step_back(
    out: LoadDecisions,
    rungs: dict[str, _Rung],
    exercise: Exercise,
    library: Mapping[str, Exercise],
    *,
    flare: bool,
) -> None:
    rung = rungs[exercise.id]
    rung.easy = 0
    why = "after_flare" if flare else "hurt"
    if rung.step > MIN_LOAD_STEP:
        rung.step -= 1
        out.notes.append(phrase("load_back", exercise=exercise.name, why=why))
        return
    easier = [r for r in exercise.regressions if r in library and r not in out.leave_out]
    if easier:
        out.replace[exercise.id] = easier[0]
        rungs.setdefault(easier[0], _Rung())
        out.notes.append(
            phrase("load_easier", exercise=exercise.name, variant=_name(library, easier[0]))
        )
    else:
        out.leave_out[exercise.id] = f"{exercise.name} hurt again at its lightest dose"
        out.notes.append(phrase("painful_left_out", exercise=exercise.name))


__all__ = ["LoadDecisions", "load_decisions", "next_morning", "usual_pain"]
