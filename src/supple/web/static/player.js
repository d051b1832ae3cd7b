// The guided player's view: plays the timeline the server gives (playback.js keeps the state),
// draws the page, says the timeline's speech schedule and beeps, and sends each event as it
// happens. A reload or a closed tab can continue where it left off (the state is kept on the
// device); stopping asks first, then asks how the pain is.
import { SessionClock } from "./clock.js";
import { Playback } from "./playback.js";
import { beep, hush, say, unlockAudio } from "./sound.js";
import { loadSettings, saveSettings } from "./settings-store.js";
import { enqueue, flush, onChange, pending } from "./sync.js";
import { newKey } from "./uuid.js";

const root = document.getElementById("player");
const pagePlan = Number(root.dataset.planId);
const RESUME = `supple.resume.${pagePlan}`;
const DAY_MS = 24 * 3600 * 1000;
let planId = pagePlan;
const params = new URLSearchParams(location.search);
const speed = Math.min(200, Math.max(1, Number(params.get("speed")) || 1));
const settings = loadSettings();
let sessionKey = newKey();
const $ = (id) => document.getElementById(id);

let pb = null;
const clock = new SessionClock(speed);
let timer = null;
let itemShown = -1;
let finished = false;
let endStatus = "finished";
let wakeLock = null;
let stage = "before";
let offering = -1; // the item that hurt, while the easier variant or a skip is offered
let confirming = false; // "stop the session?" is being asked
let painBefore = null;
let painAfter = null;
const feedbackGiven = new Set();

const now = () => new Date().toISOString();
const base = () => `/api/v1/plans/${planId}/sessions/${sessionKey}`;
const event = (body) => enqueue(`${base()}/events`, { key: newKey(), at: now(), ...body });

function show(pane) {
  for (const id of ["resume", "before", "run", "after", "done"]) $(`pane-${id}`).hidden = id !== pane;
  stage = pane;
}

async function load(id) {
  const res = await fetch(`/api/v1/plans/${id}/timeline?countdown_s=${settings.countdown}`);
  if (!res.ok) throw new Error((await res.json()).detail || res.statusText);
  return res.json();
}

// -- keeping the place, for a reload ------------------------------------------------------

function remember() {
  if (!pb || finished || stage !== "run") return;
  const state = { key: sessionKey, planId, savedAt: Date.now(), painBefore, ...pb.snapshot() };
  try {
    localStorage.setItem(RESUME, JSON.stringify(state));
  } catch {
    // storage full or blocked: the session still runs, it just cannot continue after a reload
  }
}

function forget() {
  try {
    localStorage.removeItem(RESUME);
  } catch {
    // nothing kept
  }
}

function saved() {
  try {
    const state = JSON.parse(localStorage.getItem(RESUME) || "null");
    if (state && Date.now() - state.savedAt < DAY_MS && state.key) return state;
  } catch {
    // unreadable: start afresh
  }
  forget();
  return null;
}

async function offerResume(state) {
  const tl = state.planId === planId ? pb.tl : await load(state.planId);
  const probe = new Playback(tl);
  probe.restore(state);
  const next = probe.nextItem();
  const t = probe.tally();
  const at = new Date(state.savedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const nextName = next < tl.items.length ? ` Next: ${tl.items[next].name}.` : "";
  $("resume-text").textContent =
    `This session was left at ${at}: ${t.done + t.skipped} of ${t.moves} moves done.${nextName}`;
  show("resume");
  $("resume-h").focus();
  return { state, tl };
}

let resumable = null;

async function continueSession() {
  const { state, tl } = resumable;
  sessionKey = state.key;
  planId = state.planId;
  painBefore = state.painBefore ?? null;
  pb = new Playback(tl);
  pb.restore(state);
  resumable = null;
  const next = pb.nextItem();
  begin(next < tl.items.length ? tl.items[next].start : tl.total_seconds);
}

function restart() {
  // The session left behind ends as stopped; a new one starts from the pain question.
  const { state } = resumable;
  enqueue(`/api/v1/plans/${state.planId}/sessions/${state.key}/events`, {
    key: newKey(),
    at: now(),
    type: "end",
    status: "stopped",
  });
  resumable = null;
  forget();
  show("before");
  $("before-h").focus();
}

// -- playing ------------------------------------------------------------------------------

function fire(cue) {
  const how = pb.playing(cue);
  if (how.tone && settings.beeps) beep(cue.kind);
  if (how.spoken) $("live").textContent = cue.text;
  if (how.caption) $("cue").textContent = cue.text;
}

function showItem(item) {
  $("ex-name").textContent = item.name;
  const fig = $("figure");
  fig.replaceChildren();
  const img = new Image();
  img.alt = "";
  img.onerror = () => img.remove();
  const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
  img.src = `/api/v1/exercises/${item.exercise}/figure.svg${still ? "?animated=false" : ""}`;
  fig.append(img);
  $("how-steps").replaceChildren(
    ...item.steps.map((text) => Object.assign(document.createElement("li"), { textContent: text })),
  );
}

function render(offset) {
  const seg = pb.segment;
  if (seg.item !== itemShown) {
    itemShown = seg.item;
    showItem(pb.item);
  }
  const shown = pb.shown(offset);
  $("phase").textContent = seg.title;
  $("count").textContent = String(shown.left);
  $("bar-fill").style.width = `${(shown.fraction * 100).toFixed(1)}%`;
  const m = Math.floor(shown.sessionLeft / 60);
  const s = String(shown.sessionLeft % 60).padStart(2, "0");
  $("session-left").textContent = `${m}:${s} left in the session`;
}

function reportItem(i, status) {
  const body = pb.report(i, status);
  if (!body) return;
  event(body);
  remember();
  if (status === "done") askFeedback(i);
}

function askFeedback(i) {
  const box = $("feedback");
  box.dataset.index = String(i);
  $("fb-name").textContent = pb.tl.items[i].name;
  box.hidden = false;
}

// The question about a move shows in the pause after it, and goes when the next move's
// countdown (its last 3 seconds of getting ready) or its work begins.
function closeFeedbackInTime(offset) {
  const box = $("feedback");
  if (box.hidden) return;
  const seg = pb.segment;
  if (seg.item === Number(box.dataset.index)) return;
  const counting = seg.kind === "get_ready" && offset >= seg.start + seg.duration - 3;
  if (counting || pb.work.has(seg.kind)) box.hidden = true;
}

function tick() {
  clearTimeout(timer);
  if (finished || clock.paused) return;
  const offset = clock.offset();
  const step = pb.advance(offset);
  step.due.forEach(fire);
  if (settings.voice) step.speak.forEach((u) => say(u.text));
  if (step.ended) return end("finished");
  if (step.finished >= 0) reportItem(step.finished, "done");
  closeFeedbackInTime(offset);
  render(offset);
  timer = setTimeout(tick, Math.min(250, clock.msUntil(pb.nextDeadline(offset)) + 1));
}

function seek(offset) {
  hush();
  clock.seek(offset);
  pb.seek(offset);
  tick();
  if (clock.paused) render(offset);
}

function skip() {
  const { index, to } = pb.skipTarget();
  reportItem(index, "skipped");
  seek(to);
}

function back() {
  seek(pb.backTarget(clock.offset()));
}

function pause() {
  clock.pause();
  hush();
  $("pause").textContent = "Resume";
  $("live").textContent = "Paused";
  if (pb.segment) $("phase").textContent = `Paused · ${pb.segment.title}`;
  remember();
}

function resume() {
  clock.start();
  pb.last = clock.offset();
  $("pause").textContent = "Pause";
  $("live").textContent = "Resumed";
  tick();
}

function busy() {
  return offering >= 0 || confirming;
}

function togglePause() {
  if (busy()) return; // the question open is answered with its own buttons
  if (clock.paused) resume();
  else pause();
}

function hurts() {
  // Never push through pain: everything stops and the person chooses, as in the terminal.
  if (confirming) return;
  const i = pb.segment.item;
  pause();
  event({ type: "feedback", index: i, exercise: pb.tl.items[i].exercise, feedback: "painful" });
  feedbackGiven.add(i);
  $("feedback").hidden = true;
  offering = i;
  const easier = pb.tl.items[i].easier;
  $("offer-name").textContent = pb.tl.items[i].name;
  $("offer-easier").hidden = !easier;
  $("offer-easier").textContent = easier ? `Try the easier ${easier.name}` : "";
  $("offer").hidden = false;
  (easier ? $("offer-easier") : $("offer-skip")).focus();
}

function closeOffer() {
  offering = -1;
  $("offer").hidden = true;
  $("pause").focus();
}

async function takeEasier() {
  const i = offering;
  // The session moves to a new plan: what was queued for this one goes first.
  const sent = (await flush()) && (await pending()) === 0;
  let answer = null;
  if (sent) {
    try {
      const res = await fetch(`${base()}/easier?countdown_s=${settings.countdown}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ index: i }),
      });
      if (res.ok) answer = await res.json();
    } catch {
      answer = null; // offline: the easier variant needs the server
    }
  }
  if (!answer) return skipHurting("The easier variant needs the network, so this one is skipped. ");
  planId = answer.plan_id;
  reportItem(i, "skipped");
  pb.replace(answer.timeline, answer.index);
  itemShown = -1;
  closeOffer();
  clock.seek(pb.tl.items[answer.index].start);
  render(clock.offset());
  resume();
}

function skipHurting(why = "") {
  closeOffer();
  skip();
  resume();
  // After the next move's first cues, so the words stay until it says something new.
  $("cue").textContent = `${why}Stopped. If the pain stays or spreads down a leg, get it checked.`;
}

function carryOn() {
  closeOffer();
  resume();
}

function askStop() {
  if (offering >= 0) closeOffer();
  pause();
  confirming = true;
  $("confirm-stop").hidden = false;
  $("stop-now").focus();
}

function keepGoing() {
  confirming = false;
  $("confirm-stop").hidden = true;
  resume();
  $("pause").focus();
}

function stopNow() {
  confirming = false;
  $("confirm-stop").hidden = true;
  end("stopped");
}

async function lockScreen() {
  try {
    wakeLock = await navigator.wakeLock?.request("screen");
  } catch {
    wakeLock = null; // not granted (battery saver, no secure context): the session still runs
  }
}

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && stage === "run") lockScreen();
  if (document.visibilityState === "hidden") remember();
});

// Leaving the page in the middle of a session asks first (the place is kept either way).
addEventListener("beforeunload", (e) => {
  if (stage !== "run" && stage !== "after") return;
  remember();
  e.preventDefault();
  e.returnValue = "";
});

function begin(offset = 0) {
  show("run");
  lockScreen();
  pb.seek(offset);
  clock.seek(offset);
  clock.start();
  tick();
  $("pause").focus();
}

function end(status) {
  finished = true;
  endStatus = status;
  clearTimeout(timer);
  if (status === "stopped") hush(); // played to the end, the closing words are let finish
  const i = pb.segment ? pb.segment.item : -1;
  if (i >= 0 && !pb.reported.has(i)) reportItem(i, status === "finished" ? "done" : "skipped");
  wakeLock?.release?.().catch(() => {});
  $("feedback").hidden = true;
  const counts = pb.tally().counts;
  $("after-h").textContent =
    status === "stopped"
      ? "Stopped. How much does it hurt now?"
      : counts
        ? "Well done. How much does it hurt now?"
        : "That is the end of the routine. How much does it hurt now?";
  const last = [...pb.reported.entries()].filter(([n, s]) => s === "done" && !feedbackGiven.has(n));
  const box = $("last-feedback");
  if (last.length) {
    const n = last[last.length - 1][0];
    box.dataset.index = String(n);
    $("last-fb-name").textContent = pb.tl.items[n].name;
  }
  box.hidden = !last.length;
  show("after");
  $("after-h").focus();
}

function summary() {
  const t = pb.tally();
  const score = (n) => (n === null ? "–" : String(n));
  const rows = [
    ["Moves done", `${t.done} of ${t.moves}`],
    ["Skipped", String(t.skipped)],
    ["Not reached", String(t.moves - t.done - t.skipped)],
    ["Pain, 0 to 10", `${score(painBefore)} before → ${score(painAfter)} after`],
  ];
  $("summary").replaceChildren(
    ...rows.flatMap(([name, value]) => [
      Object.assign(document.createElement("dt"), { textContent: name }),
      Object.assign(document.createElement("dd"), { textContent: value }),
    ]),
  );
  $("done-h").textContent = t.counts ? "Well done: session saved" : "Stopped early: session saved";
}

async function done() {
  await event({ type: "end", status: endStatus });
  forget();
  summary();
  show("done");
  $("done-h").focus();
  syncState(await pending());
}

function syncState(n) {
  const text = n
    ? `${n} event${n > 1 ? "s" : ""} waiting to be sent; they go as soon as the network is back.`
    : "Everything is saved.";
  $("sync-state").textContent = text;
  $("net-state").textContent = n && stage !== "done" ? text : "";
}
onChange(syncState);

function giveFeedback(box, value) {
  const i = Number(box.dataset.index);
  event({ type: "feedback", index: i, exercise: pb.tl.items[i].exercise, feedback: value });
  feedbackGiven.add(i);
  box.hidden = true;
  if (value === "painful") $("cue").textContent = "Thanks. Next time it will be eased or left out. Never push into pain.";
}

root.addEventListener("click", (e) => {
  unlockAudio();
  const pain = e.target.closest("[data-pain]");
  const action = e.target.closest("[data-action]")?.dataset.action;
  const fb = e.target.closest("[data-feedback]");
  const offer = e.target.closest("[data-offer]")?.dataset.offer;
  if (pain || action === "skip-pain") {
    const when = stage === "before" ? "before" : "after";
    const score = pain ? Number(pain.dataset.pain) : null;
    if (when === "before") enqueue("/api/v1/sessions", { plan_id: planId, key: sessionKey, at: now() });
    if (pain) event({ type: "pain", when, score });
    if (when === "before") {
      painBefore = score;
      begin();
    } else {
      painAfter = score;
      done();
    }
  } else if (action === "continue") continueSession();
  else if (action === "restart") restart();
  else if (offer === "easier") takeEasier();
  else if (offer === "skip") skipHurting();
  else if (offer === "carry-on") carryOn();
  else if (fb) giveFeedback(fb.closest(".feedback"), fb.dataset.feedback);
  else if (action === "hurts") hurts();
  else if (action === "pause") togglePause();
  else if (action === "skip" && !busy()) skip();
  else if (action === "back" && !busy()) back();
  else if (action === "stop") askStop();
  else if (action === "keep-going") keepGoing();
  else if (action === "stop-now") stopNow();
});

document.addEventListener("keydown", (e) => {
  if (stage !== "run" || busy() || e.altKey || e.ctrlKey || e.metaKey) return;
  const tag = e.target.tagName;
  if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
  if (e.key === " " && tag !== "BUTTON" && tag !== "SUMMARY") {
    e.preventDefault();
    togglePause();
  } else if (e.key === "ArrowRight") {
    e.preventDefault();
    skip();
  } else if (e.key === "ArrowLeft") {
    e.preventDefault();
    back();
  }
});

for (const [id, key] of [["voice-on", "voice"], ["beep-on", "beeps"]]) {
  const box = $(id);
  box.checked = settings[key];
  box.addEventListener("change", () => {
    settings[key] = box.checked;
    saveSettings({ [key]: box.checked });
    if (key === "voice" && !box.checked) hush();
  });
}

const how = $("how");
how.open = settings.howOpen;
how.addEventListener("toggle", () => saveSettings({ howOpen: how.open }));

load(planId).then(
  async (timeline) => {
    pb = new Playback(timeline);
    const state = saved();
    if (state) resumable = await offerResume(state);
    root.dataset.ready = "true";
    pending().then(syncState);
    flush();
  },
  (err) => {
    $("before-h").textContent = `This session cannot start: ${err.message}`;
  },
);
