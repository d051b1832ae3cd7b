"""The session plays the programme's doses: each repetition of a strength move with its tempo,
the rest between sets, and the body scan's script stretched to the time the planner gave."""

from __future__ import annotations

from dataclasses import replace

from supple.library import load_library
from supple.planner import timing
from supple.planner.dose import base_dose
from supple.planner.model import Plan, PlanItem
from supple.planner.plan import plan_item
from supple.presentation.render import render_timeline
from supple.session.timeline import Timeline, build_timeline

LIBRARY = load_library()


def _timeline(items: list[PlanItem]) -> Timeline:
    plan = Plan(status="plan", items=items, total_seconds=timing.total_seconds(items))
    timeline = render_timeline(build_timeline(plan, LIBRARY))
    assert timeline.total_seconds == plan.total_seconds
    return timeline


def test_each_repetition_has_its_tempo_and_sets_rest_between() -> None:
    squat = LIBRARY["sit_to_stand"]
    dose = replace(base_dose(squat), sets=2)
    assert dose.tempo is not None and dose.hold_s is not None and dose.set_rest_s == 30
    timeline = _timeline([plan_item(squat, dose, [])])
    reps = [s for s in timeline.segments if s.kind == "rep"]
    assert len(reps) == dose.reps * dose.sets
    assert {s.duration for s in reps} == {dose.tempo.move_s + dose.hold_s + dose.tempo.back_s}
    rests = [s.duration for s in timeline.segments if s.kind == "rest"]
    # Between repetitions the usual short rest; once, between the two sets, the set rest.
    assert rests.count(dose.set_rest_s) == 1 and len(rests) == dose.reps * dose.sets - 1
    said = " ".join(c.text for s in reps for c in s.cues)
    assert "5 to 6 out of 10" in said and "Last one." in said
    assert sum(c.kind == "bell" for s in reps for c in s.cues) == dose.sets


def test_the_body_scan_says_its_script_over_the_time_given() -> None:
    scan = LIBRARY["body_scan"]
    written = scan.dose.duration_s
    assert written is not None and scan.script
    for seconds in (180, written, 300):
        timeline = _timeline([plan_item(scan, replace(base_dose(scan), duration_s=seconds), [])])
        (work,) = [s for s in timeline.segments if s.kind in ("cool_down", "flow")]
        assert work.duration == seconds
        lines = [c for c in work.cues if c.kind == "script"]
        assert [c.text for c in lines] == [line.text for line in scan.script]
        assert all(work.start <= c.at < work.end for c in lines)
        # Stretched, not cut: the last line keeps its place in the track.
        last = scan.script[-1].at_s / written
        assert abs((lines[-1].at - work.start) / seconds - last) < 1e-6
        assert sum(c.kind == "safety" for c in work.cues) == 1
        assert any(c.kind == "bell" and c.at == work.end for c in work.cues)
