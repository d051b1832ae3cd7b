// The guided player's view: plays the timeline the server gives (playback.js keeps the state),
// draws the page, speaks and beeps, and sends each event as it happens.
import { SessionClock } from "./clock.js";
import { Playback } from "./playback.js";
import { beep, hush, say, unlockAudio } from "./sound.js";
import { loadSettings, saveSettings } from "./settings-store.js";
import { enqueue, flush, onChange, pending } from "./sync.js";
import { newKey } from "./uuid.js";

const root = document.getElementById("player");
let planId = Number(root.dataset.planId);
const params = new URLSearchParams(location.search);
const speed = Math.min(200, Math.max(1, Number(params.get("speed")) || 1));
const settings = loadSettings();
const sessionKey = newKey();
const $ = (id) => document.getElementById(id);

let pb = null;
const clock = new SessionClock(speed);
let timer = null;
let itemShown = -1;
let finished = false;
let wakeLock = null;
let stage = "before";
let offering = -1; // the item that hurt, while the easier variant or a skip is offered

const now = () => new Date().toISOString();
const base = () => `/api/v1/plans/${planId}/sessions/${sessionKey}`;
const event = (body) => enqueue(`${base()}/events`, { key: newKey(), at: now(), ...body });

function show(pane) {
  for (const id of ["before", "run", "after", "done"]) $(`pane-${id}`).hidden = id !== pane;
  stage = pane;
}

async function load() {
  const res = await fetch(`/api/v1/plans/${planId}/timeline?countdown_s=${settings.countdown}`);
  if (!res.ok) throw new Error((await res.json()).detail || res.statusText);
  pb = new Playback(await res.json());
}

function fire(cue) {
  const how = pb.playing(cue);
  if (how.tone && settings.beeps) beep(cue.kind);
  if (how.spoken) {
    if (settings.voice) say(cue.text);
    $("live").textContent = cue.text;
  }
  if (how.caption) $("cue").textContent = cue.text;
}

function render(offset) {
  const seg = pb.segment;
  const item = pb.item;
  if (seg.item !== itemShown) {
    itemShown = seg.item;
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
  if (status === "done") askFeedback(i);
}

function askFeedback(i) {
  const box = $("feedback");
  box.dataset.index = String(i);
  $("fb-name").textContent = pb.tl.items[i].name;
  box.hidden = false;
}

function tick() {
  clearTimeout(timer);
  if (finished || clock.paused) return;
  const offset = clock.offset();
  const step = pb.advance(offset);
  step.due.forEach(fire);
  if (step.ended) return end();
  if (step.finished >= 0) reportItem(step.finished, "done");
  render(offset);
  timer = setTimeout(tick, Math.min(250, clock.msUntil(pb.nextDeadline(offset)) + 1));
}

function seek(offset) {
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
}

function resume() {
  clock.start();
  pb.last = clock.offset();
  $("pause").textContent = "Pause";
  $("live").textContent = "Resumed";
  tick();
}

function togglePause() {
  if (offering >= 0) return; // the offer is answered with its own buttons
  if (clock.paused) resume();
  else pause();
}

function hurts() {
  // Never push through pain: everything stops and the person chooses, as in the terminal.
  const i = pb.segment.item;
  pause();
  event({ type: "feedback", index: i, exercise: pb.tl.items[i].exercise, feedback: "painful" });
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
  pb.start();
  clock.start();
  tick();
  $("pause").focus();
}

function end(status = "finished") {
  finished = true;
  clearTimeout(timer);
  const i = pb.segment ? pb.segment.item : -1;
  reportItem(i, status === "finished" ? "done" : "skipped");
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
  const offer = e.target.closest("[data-offer]")?.dataset.offer;
  if (pain || action === "skip-pain") {
    const when = stage === "before" ? "before" : "after";
    if (when === "before") enqueue("/api/v1/sessions", { plan_id: planId, key: sessionKey, at: now() });
    if (pain) event({ type: "pain", when, score: Number(pain.dataset.pain) });
    if (when === "before") begin();
    else done("finished");
  } else if (offer === "easier") takeEasier();
  else if (offer === "skip") skipHurting();
  else if (offer === "carry-on") carryOn();
  else if (fb) {
    const i = Number($("feedback").dataset.index);
    event({ type: "feedback", index: i, exercise: pb.tl.items[i].exercise, feedback: fb.dataset.feedback });
    $("feedback").hidden = true;
    if (fb.dataset.feedback === "painful") $("cue").textContent = "Thanks. Next time it will be eased or left out. Never push into pain.";
    $("pause").focus();
  } else if (action === "hurts") hurts();
  else if (action === "pause") togglePause();
  else if (action === "skip" && offering < 0) skip();
  else if (action === "back" && offering < 0) back();
  else if (action === "stop") {
    closeOffer();
    end("stopped");
  }
});

document.addEventListener("keydown", (e) => {
  if (stage !== "run" || offering >= 0 || e.altKey || e.ctrlKey || e.metaKey) return;
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
