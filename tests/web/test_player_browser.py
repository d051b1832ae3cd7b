"""The browser player in a real Chromium: "it hurts" behaves as the terminal's, and the playback
state module follows the timeline it is given."""

from __future__ import annotations

import re
from typing import Any

import pytest

from supple.library import load_library
from supple.planner import timing
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.plan import plan_item
from supple.safety.profile import Profile
from tests.web.browser import LiveServer, shoot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SPEED = 20


def _keep(server: LiveServer, *ids: str) -> int:
    """Keep a routine of these moves, for a person who answered the questions (the player
    plays nothing before the answers: they may refer)."""
    if server.store.latest_profile() is None:
        server.store.save_profile(Profile(pain_areas=["lower_back"], pain_now=4, pain_weeks=3))
    lib = load_library()
    items = [plan_item(lib[e], base_dose(lib[e]), []) for e in ids]
    plan = Plan(status="plan", items=items, total_seconds=timing.total_seconds(items))
    return server.store.save_plan(plan)


def _start(page: Any, plan_id: int) -> None:
    page.goto(f"/play/{plan_id}?speed={SPEED}")
    page.wait_for_selector("#player[data-ready=true]")
    page.click('#pane-before [data-pain="4"]')
    page.wait_for_function("() => document.getElementById('phase').textContent.startsWith('Hold')")


def test_it_hurts_offers_the_easier_variant_and_plays_it(page: Any, server: LiveServer) -> None:
    plan_id = _keep(server, "standing_hamstring_stretch", "march_on_the_spot")
    _start(page, plan_id)
    page.click("[data-action=hurts]")
    assert page.is_visible("#offer")
    assert page.inner_text("#pause") == "Resume"  # everything stops first
    offered = " ".join(page.inner_text("#offer-easier").split())
    assert offered == "Try the easier Chair hamstring stretch"
    assert page.evaluate("document.activeElement.id") == "offer-easier"
    shoot(page, "play-hurts")
    count = page.inner_text("#count")
    page.wait_for_timeout(600)
    assert page.inner_text("#count") == count  # still paused while the offer is open
    page.click("#offer-easier")
    page.wait_for_function(
        "() => document.getElementById('ex-name').textContent === 'Chair hamstring stretch'"
    )
    assert page.is_hidden("#offer") and page.inner_text("#pause") == "Pause"
    page.wait_for_selector("#pane-after:visible", timeout=60_000)
    page.click('#pane-after [data-pain="2"]')
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    [session] = server.store.history().sessions
    assert (session.status, session.done, session.skipped) == ("finished", 2, 1)
    data = server.store.export_all()
    rows = sorted((i.idx, i.exercise, i.status, i.feedback) for i in data.items)
    assert rows == [
        (0, "standing_hamstring_stretch", "skipped", "painful"),
        (1, "chair_hamstring_stretch", "done", None),
        (2, "march_on_the_spot", "done", None),
    ]
    [followed] = [s.plan_id for s in data.sessions]
    assert followed is not None and followed != plan_id
    variant = server.store.get_plan(followed).items[1]
    assert variant.hold_s == base_dose(load_library()["chair_hamstring_stretch"]).hold_s


@pytest.mark.parametrize("choice", ["skip", "carry-on"])
def test_it_hurts_then_skip_or_carry_on(page: Any, server: LiveServer, choice: str) -> None:
    plan_id = _keep(server, "standing_hamstring_stretch", "march_on_the_spot")
    _start(page, plan_id)
    # Every line the cue shows, kept: at this speed the next cue may follow within 50 ms.
    page.evaluate(
        """() => { window.__cues = []; const cue = document.getElementById("cue");
        new MutationObserver(() => window.__cues.push(cue.textContent))
          .observe(cue, { childList: true, characterData: true, subtree: true }); }"""
    )
    page.click("[data-action=hurts]")
    page.click(f"[data-offer={choice}]")
    assert page.is_hidden("#offer")
    if choice == "skip":
        page.wait_for_function(
            "() => document.getElementById('ex-name').textContent === 'March on the spot'"
        )
        assert any("get it checked" in c for c in page.evaluate("window.__cues"))
    page.wait_for_selector("#pane-after:visible", timeout=60_000)
    page.click('#pane-after [data-action="skip-pain"]')
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    [item] = [i for i in server.store.export_all().items if i.idx == 0]
    want = "skipped" if choice == "skip" else "done"
    assert (item.exercise, item.status, item.feedback) == (
        "standing_hamstring_stretch",
        want,
        "painful",
    )


def test_a_move_without_an_easier_variant_offers_a_skip(page: Any, server: LiveServer) -> None:
    plan_id = _keep(server, "march_on_the_spot", "standing_hamstring_stretch")
    page.goto(f"/play/{plan_id}?speed=1")
    page.wait_for_selector("#player[data-ready=true]")
    page.click('#pane-before [data-action="skip-pain"]')
    page.wait_for_function("() => document.getElementById('ex-name').textContent !== ''")
    page.click("[data-action=hurts]")
    assert page.is_hidden("#offer-easier") and page.is_visible("[data-offer=skip]")
    assert page.evaluate("document.activeElement.id") == "offer-skip"


PLAYBACK_CHECKS = """async () => {
  const { Playback } = await import('/static/playback.js');
  const seg = (index, item, kind, start, duration, cues = []) =>
    ({ index, item, kind, start, duration, cues, title: kind, rep: 1, reps: 1 });
  const tl = {
    total_seconds: 40,
    items: [
      { index: 0, exercise: 'a', name: 'A', start: 0, planned_seconds: 10 },
      { index: 1, exercise: 'b', name: 'B', start: 20, planned_seconds: 10 },
    ],
    segments: [
      seg(0, 0, 'get_ready', 0, 10, [{ at: 9, kind: 'count', text: '1' }]),
      seg(1, 0, 'stretch_it', 10, 10, [{ at: 20, kind: 'chime', text: 'Ding' }]),
      seg(2, 1, 'get_ready', 20, 10),
      seg(3, 1, 'stretch_it', 30, 10),
    ],
    work_kinds: ['stretch_it'], back_grace_s: 7, tone_kinds: ['chime'],
    sound_only_kinds: ['chime'], uncaptioned_kinds: ['count', 'chime'],
  };
  const pb = new Playback(tl);
  pb.start();
  const first = pb.advance(15);
  const second = pb.advance(22);
  return {
    due: first.due.map((c) => c.kind), finished: second.finished,
    heldA: pb.held[0], chime: pb.playing({ kind: 'chime' }), count: pb.playing({ kind: 'count' }),
    backNear: pb.backTarget(26), backFar: pb.backTarget(28),
    report: pb.report(0, 'done'), again: pb.report(0, 'done'),
    skip: pb.skipTarget(), deadline: pb.nextDeadline(22.5), shown: pb.shown(22.5),
  };
}"""


def test_the_playback_module_follows_the_timeline(page: Any, server: LiveServer) -> None:
    """The kinds of work, the back grace and how cues play all come from the timeline."""
    page.goto("/")
    got = page.evaluate(PLAYBACK_CHECKS)
    assert got["due"] == ["count"] and got["finished"] == 0
    assert got["heldA"] == 5  # only the 'stretch_it' segment (the timeline's work) counts
    assert got["chime"] == {"tone": True, "spoken": False, "caption": False}
    assert got["count"] == {"tone": False, "spoken": True, "caption": False}
    assert got["backNear"] == 0 and got["backFar"] == 20  # the timeline's 7 s grace
    assert got["report"]["held_seconds"] == 5 and got["again"] is None
    assert got["skip"] == {"index": 1, "to": 40} and got["deadline"] == 23
    assert got["shown"] == {"left": 8, "sessionLeft": 18, "fraction": 0.25}
    assert re.fullmatch(r".*playback\.js", page.evaluate("'/static/playback.js'"))


def test_offline_the_easier_variant_falls_back_to_a_skip(page: Any, server: LiveServer) -> None:
    plan_id = _keep(server, "standing_hamstring_stretch", "march_on_the_spot")
    _start(page, plan_id)
    page.context.set_offline(True)
    page.click("[data-action=hurts]")
    page.click("#offer-easier")
    page.wait_for_function(
        "() => document.getElementById('ex-name').textContent === 'March on the spot'"
    )
    assert "needs the network" in page.inner_text("#cue")
    page.context.set_offline(False)
    page.wait_for_selector("#pane-after:visible", timeout=60_000)
    page.click('#pane-after [data-action="skip-pain"]')
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    rows = sorted((i.idx, i.status, i.feedback) for i in server.store.export_all().items)
    assert rows == [(0, "skipped", "painful"), (1, "done", None)]


#: Each change of the feedback box's ``hidden``, with the phase shown at that moment.
FEEDBACK_SPY = """() => {
  window.__fb = [];
  const box = document.getElementById("feedback");
  new MutationObserver(() => window.__fb.push(
    [box.hidden, document.getElementById("phase").textContent]
  )).observe(box, { attributes: true, attributeFilter: ["hidden"] });
}"""


def test_the_steps_stay_the_figure_is_large_and_feedback_waits_for_the_rest(
    page: Any, server: LiveServer
) -> None:
    """Item 12 on a desktop: the steps stay open through a hold, the figure takes at least a
    third of the width, the keys are hinted, and the question about a move comes in the pause
    after it and goes before the next move's countdown."""
    page.set_viewport_size({"width": 1366, "height": 900})
    plan_id = _keep(server, "shoulder_rolls", "standing_back_extension")
    page.goto(f"/play/{plan_id}?speed=5")
    page.wait_for_selector("#player[data-ready=true]")
    page.evaluate(FEEDBACK_SPY)
    page.click('#pane-before [data-pain="4"]')
    page.wait_for_function("() => document.getElementById('phase').textContent.startsWith('Hold')")
    assert page.get_attribute("#how", "open") is not None
    assert page.locator("#how-steps li:visible").count() >= 2
    figure = page.locator("#figure").bounding_box()
    assert figure is not None and figure["width"] >= 1366 / 3
    assert page.is_visible(".keys")
    shown, hidden = page.evaluate("window.__fb")[:2]
    assert shown == [False, "Get ready: Standing back extension"]
    assert hidden[0] is True and hidden[1].startswith("Get ready")  # gone before the work


def test_the_key_hints_are_hidden_on_a_touch_phone(browser: Any, server: LiveServer) -> None:
    """Item 12: a phone has no keyboard to press Space on."""
    context = browser.new_context(
        base_url=server.url, viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(f"/play/{_keep(server, 'shoulder_rolls')}")
        page.wait_for_selector("#player[data-ready=true]")
        page.tap('#pane-before [data-pain="4"]')
        page.wait_for_selector("#pane-run:visible")
        assert page.locator(".keys").count() == 1 and page.is_hidden(".keys")
        assert page.is_visible("#stop")
    finally:
        context.close()
