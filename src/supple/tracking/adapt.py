"""From feedback and pain to the planner's adjustments, and the warnings to show.

Rules (issue 4): an exercise reported painful in two sessions is replaced by its gentler
variant, or left out when it has none; "too easy" in two sessions brings its harder variant;
holds grow one step for each week with four or more finished sessions in which pain did not
rise; pain up by two points or more over a week means easing off and getting checked.
Strength moves climb and step back on their load ladder instead (``progression``, issue 11),
and what the movement test and the sessions found about directions steers the bias
(``findings``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from supple.planner.phrase import Phrase, phrase
from supple.planner.steps import MAX_HOLD_STEP
from supple.tracking import pain as pain_mod
from supple.tracking.adherence import done_days, week_counts, week_start
from supple.tracking.findings import findings
from supple.tracking.model import TrackingInput
from supple.tracking.progression import flared, load_decisions

if TYPE_CHECKING:  # imported lazily: ``supple progress`` must start fast
    from supple.library.model import Exercise
    from supple.planner.adjust import Adjustments
    from supple.planner.direction import Findings

#: Feedback older than this is not counted (the store hands over the same window).
FEEDBACK_WINDOW_DAYS = 28
#: Reports (in distinct sessions) that trigger a change.
REPORTS = 2
#: Finished sessions a week needs to earn a hold step.
SESSIONS_FOR_STEP = 4
#: Days of records :func:`decide` reads besides the hold steps and the warning: the feedback
#: window and the week of usual pain before its first day (``progression.USUAL_DAYS``).
RECENT_DAYS = FEEDBACK_WINDOW_DAYS + 7 + 1


@dataclass(frozen=True)
class Decisions:
    """What tracking decided, as plain data (:func:`adjustments_from` hands it to the planner)."""

    replace: dict[str, str] = field(default_factory=dict)
    leave_out: dict[str, str] = field(default_factory=dict)
    hold_step: int = 0
    notes: list[Phrase] = field(default_factory=list)
    #: The rising-pain warning (also the last note), or None.
    warning: Phrase | None = None
    #: Strength moves' load steps (see ``supple.planner.steps``).
    load_steps: dict[str, int] = field(default_factory=dict)
    #: What the movement test and the sessions found about directions, or None.
    direction: Findings | None = None


def _reported(data: TrackingInput, feedback: str) -> dict[str, int]:
    """Exercise -> number of distinct sessions that gave it ``feedback`` in the window."""
    since = data.today - timedelta(days=FEEDBACK_WINDOW_DAYS)
    seen: dict[str, set[tuple[int, date]]] = {}
    for rec in data.feedback:
        if rec.feedback == feedback and rec.day > since:
            seen.setdefault(rec.exercise, set()).add((rec.session, rec.day))
    return {ex: len(s) for ex, s in seen.items()}


def pain_warning(data: TrackingInput) -> Phrase | None:
    """The warning when pain rose by 2 points or more over the last week (ease off, get
    checked)."""
    return warning_of(pain_mod.rising(data))


def warning_of(rose: tuple[float, float] | None) -> Phrase | None:
    """The rising-pain warning for (previous week, this week) means, or None."""
    if rose is None:
        return None
    before, now = rose
    return phrase("pain_rising", before=round(before, 1), now=round(now, 1))


def hold_steps(data: TrackingInput) -> int:
    """Weekly hold steps earned: +1 per good week, -1 per week pain rose by 2 or more."""
    days = done_days(data.sessions)
    if not days:
        return 0
    sessions_per_week = week_counts(days)
    pain_per_week: dict[date, list[int]] = {}
    for p in data.pain:
        pain_per_week.setdefault(week_start(p.day), []).append(p.score)
    step = 0
    current = week_start(min(days))
    this_week = week_start(data.today)
    previous_mean: float | None = None
    while current < this_week:  # only complete weeks count
        mean = pain_mod.mean(pain_per_week.get(current, []))
        rose = previous_mean is not None and mean is not None and mean > previous_mean
        if previous_mean is not None and mean is not None and mean - previous_mean >= 2:
            step = max(0, step - 1)
        elif sessions_per_week.get(current, 0) >= SESSIONS_FOR_STEP and not rose:
            step = min(MAX_HOLD_STEP, step + 1)
        if mean is not None:
            previous_mean = mean
        current += timedelta(weeks=1)
    return step


def adjustments_from(
    data: TrackingInput, library: Mapping[str, Exercise] | None = None
) -> Adjustments:
    """What the planner should change, learned from recent feedback and pain."""
    from supple.planner.adjust import Adjustments

    d = decide(data, library)
    return Adjustments(
        replace=d.replace,
        leave_out=d.leave_out,
        hold_step=d.hold_step,
        notes=d.notes,
        load_steps=d.load_steps,
        direction=d.direction,
    )


#: Marks a keyword left out (None is a real value of ``warning``).
_UNSET: Any = object()


def decide(
    data: TrackingInput,
    library: Mapping[str, Exercise] | None = None,
    *,
    step: int | None = None,
    warning: Phrase | None = _UNSET,
) -> Decisions:
    """Replacements, exclusions, hold steps and notes (the library loads only when needed).

    ``step`` and ``warning`` are the hold steps earned and the rising-pain warning when the
    caller already has them (the store keeps both up to date as records arrive, so ``data``
    then needs to hold only the recent window: :data:`RECENT_DAYS`)."""
    replace: dict[str, str] = {}
    leave_out: dict[str, str] = {}
    notes: list[Phrase] = []
    reported = any(r.feedback in ("painful", "too_easy") for r in data.feedback)
    if library is None and (reported or data.spreads or data.direction_tests or flared(data)):
        from supple.library import load_library

        library = load_library()
    library = library or {}
    since = data.today - timedelta(days=FEEDBACK_WINDOW_DAYS)
    load = load_decisions(data, library, since=since)
    replace.update(load.replace)
    leave_out.update(load.leave_out)
    notes.extend(load.notes)
    held = {ex for ex, found in library.items() if found.kind == "strength"}
    painful = {ex for ex, n in _reported(data, "painful").items() if n >= REPORTS} - held
    easy = {ex for ex, n in _reported(data, "too_easy").items() if n >= REPORTS} - held

    def name_of(ex_id: str) -> str:
        found = library.get(ex_id)
        return found.name if found else ex_id.replace("_", " ").capitalize()

    for ex_id in sorted(painful):
        exercise = library.get(ex_id)
        name = name_of(ex_id)
        gentler = [r for r in (exercise.regressions if exercise else []) if r not in painful]
        if gentler:
            replace[ex_id] = gentler[0]
            notes.append(phrase("painful_replaced", exercise=name, variant=name_of(gentler[0])))
        else:
            leave_out[ex_id] = f"{name} was painful twice and has no gentler variant"
            notes.append(phrase("painful_left_out", exercise=name))
    for ex_id in sorted(easy - painful):
        exercise = library.get(ex_id)
        if exercise is None:
            continue
        harder = [p for p in exercise.progressions if p not in painful]
        if harder:
            replace[ex_id] = harder[0]
            notes.append(
                phrase("easy_replaced", exercise=exercise.name, variant=name_of(harder[0]))
            )
        else:
            notes.append(phrase("easy_hardest", exercise=exercise.name))
    found = findings(data, library)
    if found is not None:
        leave_out.update(found.leave_out)
    step = hold_steps(data) if step is None else step
    if step:
        notes.append(phrase("hold_steps", steps=step))
    warning = pain_warning(data) if warning is _UNSET else warning
    if warning:
        notes.append(warning)
        step = max(0, step - 1)
    return Decisions(
        replace=replace,
        leave_out=leave_out,
        hold_step=step,
        notes=notes,
        warning=warning,
        load_steps=load.steps,
        direction=None if found is None else found.findings,
    )
