"""The timeline: contiguous segments, cues at exact offsets, equal sides."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from supple.library.loader import Library
from supple.planner import timing
from supple.planner.model import Plan, PlanItem
from supple.presentation.render import render_timeline
from supple.session.cues import BREATH_EVERY_S
from supple.session.timeline import WORK_KINDS, Timeline, build_timeline

SAFETY_LINE = "Ease off if it hurts — never stretch into pain."


def test_segments_are_contiguous_and_add_up(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    t = 0.0
    for i, seg in enumerate(tl.segments):
        assert seg.index == i
        assert seg.start == t
        t = seg.end
    assert tl.total_seconds == t
    assert 25 * 60 <= tl.total_seconds <= 35 * 60
    for item in tl.items:
        segs = [s for s in tl.segments if s.item == item.index]
        assert (segs[0].start, segs[-1].end) == (item.start, item.end)
        work = [s for s in segs if s.kind in WORK_KINDS]
        assert item.planned_seconds == sum(s.duration for s in work)
        assert item.work_start == work[0].start


def test_timeline_lasts_as_long_as_the_plan_says(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    assert tl.total_seconds == timing.total_seconds(plan30.items)
    for item, planned in zip(tl.items, plan30.items, strict=True):
        transition = sum(
            s.duration for s in tl.segments if s.item == item.index and s.kind == "transition"
        )
        assert item.end - item.start - transition == timing.item_seconds(planned)


def test_doses_are_laid_out(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    chair = [s for s in tl.segments if s.item == 1]
    assert [s.kind for s in chair].count("hold") == 6  # 3 reps x 2 sets
    assert [s.kind for s in chair].count("rest") == 5  # between repetitions, not after
    assert {s.duration for s in chair if s.kind == "hold"} == {20}
    wave = [s for s in tl.segments if s.item == 2 and s.kind == "flow"]
    assert [s.duration for s in wave] == [60, 60, 60]
    assert tl.items[-1].planned_seconds == 120
    assert {s.kind for s in tl.segments if s.item == 7 and s.kind in WORK_KINDS} == {"cool_down"}


def test_sides_get_equal_time(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    for item in tl.items:
        segs = [s for s in tl.segments if s.item == item.index and s.kind != "switch_sides"]
        left = [(s.kind, s.duration) for s in segs if s.side == "left"]
        right = [(s.kind, s.duration) for s in segs if s.side == "right"]
        assert left == right
        assert bool(left) == item.sided
        switches = [s for s in tl.segments if s.item == item.index and s.kind == "switch_sides"]
        assert len(switches) == (1 if item.sided else 0)


def _cues(tl: Timeline, seg_kind: str, cue_kind: str) -> list[tuple[float, float, float]]:
    return [
        (c.at, s.start, s.end)
        for s in tl.segments
        if s.kind == seg_kind
        for c in s.cues
        if c.kind == cue_kind
    ]


def test_every_hold_counts_down_marks_halfway_and_rings(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    for seg in tl.segments:
        if seg.kind not in ("hold", "cool_down"):
            continue
        said = {(c.at, c.kind, c.text) for c in seg.cues}
        assert (seg.end - 3, "count", "3") in said
        assert (seg.end - 2, "count", "2") in said
        assert (seg.end - 1, "count", "1") in said
        assert (seg.end, "bell", "Bell.") in said
        assert (seg.start + seg.duration / 2, "halfway", "Halfway.") in said
        for cue in seg.cues:
            assert seg.start <= cue.at <= seg.end


def test_long_holds_remind_to_breathe_without_crowding(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    for seg in tl.segments:
        if seg.kind != "hold":
            continue
        breaths = [c.at for c in seg.cues if c.kind == "breathe"]
        if seg.duration >= 30:
            assert breaths, seg.title
        others = [c.at for c in seg.cues if c.kind != "breathe"]
        for at in breaths:
            assert all(abs(at - o) >= 3 for o in others)
        if seg.duration >= 20:
            marks = sorted({seg.start, *(c.at for c in seg.cues)})
            assert max(b - a for a, b in pairwise(marks)) <= BREATH_EVERY_S  # never a long silence


def test_flows_pace_each_breath(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    seg = next(s for s in tl.segments if s.kind == "flow")
    breaths = [c for c in seg.cues if c.kind in ("inhale", "exhale")]
    assert breaths[0].kind == "inhale"
    assert breaths[0].text == "Breathe in, let the back dip."
    assert breaths[1].text == "Breathe out, round the back up high."
    steps = [b.at - a.at for a, b in pairwise(breaths)]
    assert set(steps) == {3.0}
    assert [c.kind for c in breaths[::2]] == ["inhale"] * len(breaths[::2])
    assert breaths[-1].at < seg.end - 3


def test_each_exercise_is_named_and_safety_said_once(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    for item in tl.items:
        said = [c for s in tl.segments if s.item == item.index for c in s.cues]
        assert [c.text for c in said if c.kind == "safety"] == [SAFETY_LINE]
        assert said[0].at == item.start and item.name in said[0].text
        assert sum(c.kind == "feel" for c in said) == 1
    assert tl.all_cues()[-1].kind == "end"


def test_position_changes_get_a_transition(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    moves = [s for s in tl.segments if s.kind == "transition"]
    assert [m.item for m in moves] == [1, 2, 3, 5, 6]  # not between two lying moves
    down = next(m for m in moves if m.item == 2)
    assert any("hands and knees" in c.text for c in down.cues)


def test_getting_up_from_the_floor_says_how(
    library: Library, make_item: Callable[..., PlanItem]
) -> None:
    plan = Plan(
        status="plan",
        items=[make_item("easy_lying", hold_s=20), make_item("standing_reach", hold_s=20)],
    )
    tl = render_timeline(build_timeline(plan, library))
    down, up = [s for s in tl.segments if s.kind == "transition"]
    assert down.item == 0 and down.duration == timing.DESCENT_S  # the session starts standing
    assert any("Roll onto your side" in c.text for c in up.cues)
    assert up.duration == timing.RISE_S


def test_countdown_is_configurable(plan30: Plan, library: Library) -> None:
    ten = build_timeline(plan30, library, countdown_s=10)
    ready = [s for s in ten.segments if s.kind == "get_ready"]
    assert len(ready) == len(plan30.items) and {s.duration for s in ready} == {10}
    none = build_timeline(plan30, library, countdown_s=0)
    assert not [s for s in none.segments if s.kind == "get_ready"]
    assert ten.total_seconds - none.total_seconds == 10 * len(plan30.items)


def test_timeline_round_trips_through_json(plan30: Plan, library: Library) -> None:
    tl = render_timeline(build_timeline(plan30, library))
    assert Timeline.model_validate_json(tl.model_dump_json()) == tl
