// The guided player: plays the engine's timeline, sends each event as it happens.
import { SessionClock } from "./clock.js";
import { beep, hush, say, unlockAudio } from "./sound.js";
import { loadSettings, saveSettings } from "./settings-store.js";
import { enqueue, flush, onChange, pending } from "./sync.js";
import { newKey } from "./uuid.js";

const WORK = new Set(["hold", "flow", "cool_down"]);
const BEEP_KINDS = new Set(["count", "bell", "end"]);
const root = document.getElementById("player");
const planId = Number(root.dataset.planId);
const params = new URLSearchParams(location.search);
const speed = Math.min(200, Math.max(1, Number(params.get("speed")) || 1));
const settings = loadSettings();
const sessionKey = newKey();
const $ = (id) => document.getElementById(id);

let tl = null;
let cues = [];
let nextCue = 0;
let clock = new SessionClock(speed);
let timer = null;
let last = 0; // offset at the previous tick, to add up seconds actually held
let itemIndex = -1;
let segIndex = -1;
const held = [];
const reported = new Set();
let finished = false;
let wakeLock = null;
let stage = "before";

const now = () => new Date().toISOString();
const event = (body) => enqueue(`/api/v1/plans/${planId}/sessions/${sessionKey}/events`, { key: newKey(), at: now(), ...body });

function show(pane) {
  for (const id of ["before", "run", "after", "done"]) $(`pane-${id}`).hidden = id !== pane;
  stage = pane;
}

async function load() {
  const url = `/api/v1/plans/${planId}/timeline?countdown_s=${settings.countdown}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error((await res.json()).detail || res.statusText);
  tl = await res.json();
  cues = tl.segments.flatMap((s) => s.cues).sort((a, b) => a.at - b.at);
  tl.items.forEach((_, i) => (held[i] = 0));
}

function segmentAt(offset) {
  const segs = tl.segments;
  let i = segs.length - 1;
  while (i > 0 && segs[i].start > offset) i--;
  return i;
}

function fire(cue) {
  if (BEEP_KINDS.has(cue.kind) && settings.beeps) beep(cue.kind);
  if (cue.kind !== "bell") {
    if (settings.voice) say(cue.text);
    $("live").textContent = cue.text;
  }
  if (cue.kind !== "count" && cue.kind !== "bell") $("cue").textContent = cue.text;
}

function render(offset) {
  const seg = tl.segments[segIndex];
  const item = tl.items[seg.item];
  if (seg.item !== itemIndex) {
    itemIndex = seg.item;
    $("ex-name").textContent = item.name;
    const fig = $("figure");
    fig.replaceChildren();
    const img = new Image();
    img.alt = "";
    img.onerror = () => img.remove();
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    img.src = `/api/v1/exercises/${item.exercise}/figure.svg${still ? "?animated=false" : ""}`;
    fig.append(img);
  }
  $("phase").textContent = seg.title;
  const left = Math.max(0, Math.ceil(seg.start + seg.duration - offset - 1e-6));
  $("count").textContent = String(left);
  const frac = Math.min(1, (offset - seg.start) / seg.duration);
  $("bar-fill").style.width = `${(frac * 100).toFixed(1)}%`;
  const total = Math.max(0, Math.ceil(tl.total_seconds - offset));
  $("session-left").textContent = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")} left in the session`;
}

function reportItem(i, status) {
  if (i < 0 || reported.has(i)) return;
  reported.add(i);
  const item = tl.items[i];
  const heldS = Math.min(item.planned_seconds, Math.round(held[i]));
  event({ type: "item", index: i, exercise: item.exercise, planned_seconds: item.planned_seconds, held_seconds: heldS, status });
  if (status === "done") askFeedback(i);
}

function askFeedback(i) {
  const box = $("feedback");
  box.dataset.index = String(i);
  $("fb-name").textContent = tl.items[i].name;
  box.hidden = false;
}

function tick() {
  clearTimeout(timer);
  if (finished || clock.paused) return;
  const offset = clock.offset();
  const seg = tl.segments[segIndex];
  if (seg && WORK.has(seg.kind)) held[seg.item] += Math.max(0, Math.min(offset, seg.start + seg.duration) - last);
  last = offset;
  while (nextCue < cues.length && cues[nextCue].at <= offset) fire(cues[nextCue++]);
  if (offset >= tl.total_seconds) return end();
  const idx = segmentAt(offset);
  if (idx !== segIndex) {
    const before = segIndex >= 0 ? tl.segments[segIndex].item : -1;
    segIndex = idx;
    if (before >= 0 && tl.segments[idx].item !== before) reportItem(before, "done");
  }
  render(offset);
  // Wake at the next deadline: a cue, the end of the segment, or the next whole second shown.
  const s = tl.segments[segIndex];
  const segEnd = s.start + s.duration;
  const nextSecond = segEnd - Math.floor(segEnd - offset - 1e-6);
  const deadline = Math.min(segEnd, nextCue < cues.length ? cues[nextCue].at : Infinity, nextSecond > offset ? nextSecond : segEnd);
  timer = setTimeout(tick, Math.min(250, clock.msUntil(deadline) + 1));
}

function seek(offset) {
  clock.seek(offset);
  last = offset;
  nextCue = cues.findIndex((c) => c.at >= offset);
  if (nextCue < 0) nextCue = cues.length;
  segIndex = segmentAt(offset);
  tick();
  if (clock.paused) render(offset);
}

function skip() {
  const i = tl.segments[segIndex].item;
  reportItem(i, "skipped");
  if (i + 1 >= tl.items.length) return seek(tl.total_seconds);
  seek(tl.items[i + 1].start);
}

function hurts() {
  // Never push through pain: the move ends now, is marked painful, and the next one starts.
  const i = tl.segments[segIndex].item;
  event({ type: "feedback", index: i, exercise: tl.items[i].exercise, feedback: "painful" });
  $("feedback").hidden = true;
  skip();
  $("cue").textContent = "Stopped. If the pain stays or spreads down a leg, get it checked.";
}

function back() {
  const i = tl.segments[segIndex].item;
  const into = clock.offset() - tl.items[i].start;
  seek(into > 3 || i === 0 ? tl.items[i].start : tl.items[i - 1].start);
}

function togglePause() {
  if (clock.paused) {
    clock.start();
    last = clock.offset();
    $("pause").textContent = "Pause";
    $("live").textContent = "Resumed";
    tick();
  } else {
    clock.pause();
    hush();
    $("pause").textContent = "Resume";
    $("live").textContent = "Paused";
  }
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
});

function begin() {
  show("run");
  lockScreen();
  segIndex = 0;
  clock.start();
  last = 0;
  tick();
  $("pause").focus();
}

function end(status = "finished") {
  finished = true;
  clearTimeout(timer);
  const i = segIndex >= 0 ? tl.segments[segIndex].item : -1;
  if (status === "finished") reportItem(i, "done");
  else reportItem(i, "skipped");
  wakeLock?.release?.().catch(() => {});
  if (status === "finished") {
    show("after");
    $("after-h").focus();
  } else {
    done("stopped");
  }
}

async function done(status) {
  await event({ type: "end", status });
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

root.addEventListener("click", (e) => {
  unlockAudio();
  const pain = e.target.closest("[data-pain]");
  const action = e.target.closest("[data-action]")?.dataset.action;
  const fb = e.target.closest("[data-feedback]");
  if (pain || action === "skip-pain") {
    const when = stage === "before" ? "before" : "after";
    if (when === "before") enqueue("/api/v1/sessions", { plan_id: planId, key: sessionKey, at: now() });
    if (pain) event({ type: "pain", when, score: Number(pain.dataset.pain) });
    if (when === "before") begin();
    else done("finished");
  } else if (fb) {
    const i = Number($("feedback").dataset.index);
    event({ type: "feedback", index: i, exercise: tl.items[i].exercise, feedback: fb.dataset.feedback });
    $("feedback").hidden = true;
    if (fb.dataset.feedback === "painful") $("cue").textContent = "Thanks. Next time it will be eased or left out. Never push into pain.";
    $("pause").focus();
  } else if (action === "hurts") hurts();
  else if (action === "pause") togglePause();
  else if (action === "skip") skip();
  else if (action === "back") back();
  else if (action === "stop") end("stopped");
});

document.addEventListener("keydown", (e) => {
  if (stage !== "run" || e.altKey || e.ctrlKey || e.metaKey) return;
  const tag = e.target.tagName;
  if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
  if (e.key === " " && tag !== "BUTTON") {
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

load().then(
  () => {
    root.dataset.ready = "true";
    pending().then(syncState);
    flush();
  },
  (err) => {
    $("before-h").textContent = `This session cannot start: ${err.message}`;
  },
);
