"""The player on a fake clock over a 30-minute plan: exact cues, pause, skip, back, quit."""

from __future__ import annotations

from itertools import groupby

import pytest

from supple.library.loader import Library
from supple.planner.model import Plan
from supple.presentation import cue_text
from supple.session.player import Player
from supple.session.timeline import Timeline, build_timeline

T0 = 1000.0  # the fake clock does not start at zero, like a real monotonic clock


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture()
def timeline(plan30: Plan, library: Library) -> Timeline:
    return build_timeline(plan30, library)


def test_every_cue_falls_due_at_its_exact_time(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock)
    player.start()
    cues = timeline.all_cues()
    assert [c.at for c in cues] == sorted(c.at for c in cues)
    heard = []
    for at, group in groupby(cues, key=lambda c: c.at):
        if at > 0:
            clock.now = T0 + at - 0.001
            assert player.poll() == []  # not a millisecond early
            assert player.seconds_to_next_cue() == pytest.approx(0.001)
        clock.now = T0 + at
        due = player.poll()
        assert due == list(group)
        heard.extend(due)
    assert heard == cues
    assert player.finished and not player.quit_early
    outcomes = player.outcomes()
    assert [o.index for o in outcomes] == list(range(len(timeline.items)))
    for outcome, item in zip(outcomes, timeline.items, strict=True):
        assert outcome.status == "done"
        assert outcome.held_seconds == outcome.planned_seconds == item.planned_seconds


def test_late_wake_ups_never_add_up(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock)
    player.start()
    cues = timeline.all_cues()
    # Every poll comes 0.4 s late; the next cue is still due on its own absolute deadline.
    for cue in cues[:200]:
        clock.now = max(clock.now, T0 + cue.at + 0.4)
        player.poll()
        wait = player.seconds_to_next_cue()
        assert wait is not None
        nxt = next(c for c in cues if c.at > clock.now - T0)
        assert clock.now + wait == pytest.approx(T0 + nxt.at)


def test_pause_excludes_the_paused_time(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock)
    player.start()
    clock.advance(12)
    player.poll()
    player.pause()
    assert player.paused
    clock.advance(300)
    assert player.poll() == []
    assert player.offset == 12
    assert player.seconds_to_next_cue() is None
    player.resume()
    nxt = next(c for c in timeline.all_cues() if c.at > 12)
    clock.advance(nxt.at - 12 - 0.001)
    assert player.poll() == []
    clock.advance(0.001)
    assert player.poll()[0] == nxt
    player.toggle_pause()
    assert player.paused
    player.toggle_pause()
    assert not player.paused


def test_skip_records_the_exercise_and_starts_the_next(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock)
    player.start()
    first = timeline.items[0]
    clock.advance(first.work_start + 7)
    player.poll()
    player.skip()
    [skipped] = player.outcomes()
    assert (skipped.index, skipped.status, skipped.held_seconds) == (0, "skipped", 7)
    second = timeline.items[1]
    assert player.offset == second.start
    due = player.poll()
    assert due and due[0].at == second.start and second.name in cue_text(due[0])
    assert player.item == second


def test_skipping_the_last_exercise_ends_the_session(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock, start_item=len(timeline.items) - 1)
    player.start()
    clock.advance(2)
    player.poll()
    player.skip()
    assert player.finished and not player.quit_early
    assert [c.kind for c in player.poll()] == ["end"]


def test_back_restarts_or_goes_to_the_previous_exercise(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock)
    player.start()
    second = timeline.items[1]
    clock.now = T0 + second.start + 10
    player.poll()
    player.back()  # 10 s in: this exercise again
    assert player.offset == second.start
    assert player.held_seconds(1) == 0
    assert player.poll()[0].at == second.start
    clock.advance(2)
    player.back()  # 2 s in: the one before
    assert player.offset == timeline.items[0].start
    assert player.item == timeline.items[0]
    player.back()  # the first exercise has nothing before it: restart
    assert player.offset == 0


def test_repeat_does_the_exercise_again(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock)
    player.start()
    item = timeline.items[2]
    clock.now = T0 + item.end - 1
    player.poll()
    player.repeat()
    assert player.offset == item.start
    clock.now += item.end - item.start
    player.poll()
    done = [o for o in player.outcomes() if o.index == 2]
    assert done[-1].status == "done" and done[-1].held_seconds == item.planned_seconds


def test_quit_keeps_what_was_done(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock)
    player.start()
    clock.now = T0 + timeline.items[1].work_start + 5.4
    player.poll()
    player.quit()
    assert player.finished and player.quit_early
    assert [(o.index, o.status, o.held_seconds) for o in player.outcomes()] == [
        (0, "done", timeline.items[0].planned_seconds),
        (1, "skipped", 5),
    ]
    clock.advance(60)
    assert player.poll() == []


def test_resuming_starts_at_the_given_exercise(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock, start_item=3)
    assert player.offset == timeline.items[3].start
    player.start()
    due = player.poll()
    assert due[0].at == timeline.items[3].start
    clock.now = T0 + timeline.total_seconds - timeline.items[3].start
    player.poll()
    assert [o.index for o in player.outcomes()] == list(range(3, len(timeline.items)))
    with pytest.raises(ValueError):
        Player(timeline, clock, start_item=99)


def test_sides_are_held_equally_long(timeline: Timeline) -> None:
    clock = FakeClock()
    player = Player(timeline, clock)
    player.start()
    held: dict[tuple[int, str], float] = {}
    while not player.finished:
        clock.advance(0.25)
        player.poll()
        seg = player.segment
        if seg is not None and seg.side and seg.kind == "hold":
            key = (seg.item, seg.side)
            held[key] = held.get(key, 0.0) + 0.25
    sided = {i for i, _ in held}
    assert sided
    for i in sided:
        assert held[(i, "left")] == held[(i, "right")]
