"""The terminal coach's screen, drawn from a timeline: the "Do" line and the keys it explains."""

from __future__ import annotations

from supple.cli.coach_view import KEYS_HELP, _doing
from supple.library import load_library
from supple.planner import timing
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.plan import plan_item
from supple.presentation import cue_text
from supple.session.timeline import build_timeline

LIB = load_library()


def test_the_do_line_keeps_the_steps_through_every_hold() -> None:
    """Item 21: a repetition's "hold again" does not take the steps off the screen."""
    items = [plan_item(LIB[e], base_dose(LIB[e]), []) for e in ("standing_back_extension",)]
    plan = Plan(status="plan", items=items, total_seconds=timing.total_seconds(items))
    tl = build_timeline(plan, LIB)
    holds = [s for s in tl.segments if s.kind == "hold"]
    assert len(holds) >= 3
    first = _doing(tl, holds[0], holds[0].start + 0.5)
    assert first.strip()
    for seg in holds[1:]:
        shown = _doing(tl, seg, seg.start + seg.duration - 0.1)
        assert shown == first, seg.title
    said = [cue_text(c) for s in holds[1:] for c in s.cues if c.kind == "do"]
    assert said and all(text != first for text in said)  # later holds say "Hold again."


def test_the_keys_say_what_1_to_4_mean() -> None:
    assert "1 fine · 2 too easy · 3 too hard · 4 painful" in KEYS_HELP
    assert "q stop (asks first" in KEYS_HELP
