"""The speech schedule against the timeline: nothing overlaps, nothing is late, instructions go
first (a count never cuts one off), and what is said is the cues' own words, or shorter."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from supple.app import sessions
from supple.library import load_library
from supple.planner.plan import make_plan
from supple.presentation import render_plan
from supple.safety.profile import Profile
from supple.session.speech import PAUSE_S, RANKS, schedule, shorter_forms, spoken_seconds
from supple.session.timeline import Timeline

LIB = load_library()
#: Plans of every shape: short and long, flowing and held, sided, on the floor and upright.
PROFILES = [
    Profile(minutes=5),
    Profile(minutes=15, pain_areas=["neck", "lower_back"]),
    Profile(minutes=30, pain_areas=["buttock_or_leg"], age=72),
    Profile(minutes=20, pain_now=8),  # gentle mode: short holds
    Profile(minutes=12, can_get_to_floor=False),
]
#: No utterance may start later than its cue by more than this (seconds).
MAX_LATE_S = 0.5


def _timeline(profile: Profile, countdown: int, day: int) -> Timeline:
    plan = render_plan(make_plan(profile, LIB, day=date(2026, 3, day)))
    return sessions.timeline(plan, LIB, countdown_s=countdown)


@pytest.fixture(
    scope="module",
    params=[(p, c, d) for p in PROFILES for c, d in ((0, 2), (5, 3), (10, 4))],
    ids=lambda x: f"{x[0].minutes}min-countdown{x[1]}",
)
def timeline(request: pytest.FixtureRequest) -> Timeline:
    profile, countdown, day = request.param
    return _timeline(profile, countdown, day)


def test_the_cue_log_never_overlaps_and_is_never_late(timeline: Timeline) -> None:
    said = timeline.speech
    assert said, "a session with nothing said"
    spoken_at = {c.at for c in timeline.all_cues() if c.kind != "bell"}
    for before, after in pairwise(said):
        assert before.at + before.seconds + PAUSE_S <= after.at + 1e-9, (before, after)
    for u in said:
        due = max(at for at in spoken_at if at <= u.at + 1e-9)
        assert u.at - due <= MAX_LATE_S, u
        assert u.seconds == spoken_seconds(u.text)


def test_each_utterance_is_its_cues_words_or_shorter(timeline: Timeline) -> None:
    texts: dict[float, list[str]] = {}
    for cue in timeline.all_cues():
        texts.setdefault(cue.at, []).extend(shorter_forms(cue.text))
    for u in timeline.speech:
        rest = u.text
        for part in sorted(texts[u.at], key=len, reverse=True):
            rest = rest.replace(part, "")
        assert not rest.strip(), (u.text, texts[u.at])


def test_a_count_never_cuts_an_instruction_off(timeline: Timeline) -> None:
    """An instruction left unsaid was crowded out by another instruction, never by a count,
    a breath or a reminder (they are placed after every instruction)."""
    instructions = {k for k, r in RANKS.items() if r == 0}
    said = {round(u.at, 3) for u in timeline.speech}
    for cue in timeline.all_cues():
        if cue.kind not in instructions or cue.say.code == "hold_again":
            continue
        if round(cue.at, 3) in said:
            continue
        shortest = min(spoken_seconds(t) for t in shorter_forms(cue.text))
        blocking = [
            u
            for u in timeline.speech
            if u.at < cue.at + shortest + PAUSE_S and u.at + u.seconds + PAUSE_S > cue.at
        ]
        assert blocking, cue  # something must have been in the way
        assert all(set(u.kinds) & instructions for u in blocking), (cue, blocking)


def test_the_safety_line_is_said_for_every_move() -> None:
    """ "Ease off if it hurts" is an instruction: every move's first hold or flow says it."""
    tl = _timeline(Profile(minutes=15), 5, 2)
    safe = {u.at for u in tl.speech if "safety" in u.kinds}
    due = {c.at for c in tl.all_cues() if c.kind == "safety"}
    assert len(due) == len(tl.items) and due <= safe


def test_shorter_forms() -> None:
    text = "Lie on your back, knees bent. Let both knees drop slowly to one side."
    assert shorter_forms(text) == [text, "Lie on your back, knees bent.", "Lie on your back."]
    hold = "Hold on the left side. Lift one knee and hug it, just below the knee."
    assert shorter_forms(hold)[1] == "Hold on the left side. Lift one knee and hug it."
    assert shorter_forms("Hold.") == ["Hold."]
    assert spoken_seconds("3") < 1 < spoken_seconds("Halfway. Keep breathing slowly.")
    assert schedule(Timeline(countdown_s=0, total_seconds=1, items=[], segments=[])) == []
