"""Domain results in words: plans, programmes and timelines.

A result keeps its codes; rendering fills in the words next to them (a plan kept before the
codes existed has words only, and keeps them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from supple.presentation.phrases import say, say_all

if TYPE_CHECKING:
    from supple.planner.model import Plan, PlanItem
    from supple.planner.program import Programme
    from supple.session.cues import Cue
    from supple.session.timeline import Segment, Timeline


def why(item: PlanItem) -> str:
    """Why an item is in the routine, in words."""
    return say_all(item.why_codes) if item.why_codes else item.why


def render_plan(plan: Plan) -> Plan:
    """``plan`` with its reasons, bias and advice in words as well as codes."""
    items = [i.model_copy(update={"why": why(i)}) for i in plan.items]
    update: dict[str, object] = {"items": items}
    if plan.bias_codes:
        update["bias_reason"] = say_all(plan.bias_codes)
    if plan.advice_codes:
        update["advice"] = [say(a) for a in plan.advice_codes]
    return plan.model_copy(update=update)


def render_programme(programme: Programme) -> Programme:
    """Every week's plan and changes in words."""
    weeks = [
        w.model_copy(
            update={
                "plan": render_plan(w.plan),
                "changes": [say(c) for c in w.change_codes] if w.change_codes else w.changes,
            }
        )
        for w in programme.weeks
    ]
    return programme.model_copy(update={"weeks": weeks})


def cue_text(cue: Cue) -> str:
    """What a cue says (or shows)."""
    return cue.text or say(cue.say)


def segment_title(segment: Segment, timeline: Timeline) -> str:
    """What is happening in a segment: 'Hold — left side, 1 of 2', 'Get ready: Cat-cow'."""
    if segment.title:
        return segment.title
    name = timeline.items[segment.item].name
    where = f" — {segment.side} side" if segment.side else ""
    count = f", {segment.rep} of {segment.reps}" if segment.reps > 1 else ""
    titles = {
        "transition": f"Next: {name}",
        "get_ready": f"Get ready: {name}",
        "switch_sides": f"Switch to the {segment.side} side",
        "rest": "Rest",
        "flow": f"Move with your breath{where}{count}",
        "hold": f"Hold{where}{count}",
        "rep": f"Repetition {segment.rep} of {segment.reps}{where}",
        "cool_down": f"Cool down{where}{count}",
    }
    return titles[segment.kind]


def render_timeline(timeline: Timeline) -> Timeline:
    """``timeline`` with every title and cue in words (what the browser player shows and says)."""
    segments = [
        s.model_copy(
            update={
                "title": segment_title(s, timeline),
                "cues": [c.model_copy(update={"text": cue_text(c)}) for c in s.cues],
            }
        )
        for s in timeline.segments
    ]
    return timeline.model_copy(update={"segments": segments})
