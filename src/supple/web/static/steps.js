// One question step at a time: without JavaScript every step shows and the form still works.
// Each step is an entry in the browser's history (Back goes to the step before, never out of
// the questions); what is typed is kept for this tab, so a reload loses nothing; a question
// that does not apply (the weeks of a pregnancy not ticked) hides until it does.
import { refresh as refreshShown } from "./shown-if.js";

const form = document.getElementById("screening");
const steps = [...form.querySelectorAll(".step")];
const status = document.getElementById("step-status");
const KEEP = `supple.answers.${form.getAttribute("action")}`;
let current = 0;

// -- keeping what was typed -----------------------------------------------------------------

function keep() {
  const data = {};
  for (const el of form.elements) {
    if (!el.name || el.type === "submit" || el.type === "button") continue;
    if (el.type === "checkbox" || el.type === "radio") {
      (data[el.name] ??= []);
      if (el.checked) data[el.name].push(el.value);
    } else {
      data[el.name] = [el.value];
    }
  }
  try {
    sessionStorage.setItem(KEEP, JSON.stringify({ data, step: current }));
  } catch {
    // no storage: answers live in the page only
  }
}

function restore() {
  let kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(KEEP) || "null");
  } catch {
    kept = null;
  }
  if (!kept) return null;
  for (const el of form.elements) {
    const values = kept.data[el.name];
    if (!values) continue;
    if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
    else el.value = values[0] ?? "";
  }
  return kept.step;
}

// -- steps ------------------------------------------------------------------------------------

function show(i, { focus = true, push = true } = {}) {
  current = Math.max(0, Math.min(steps.length - 1, i));
  steps.forEach((s, n) => (s.hidden = n !== current));
  status.textContent = steps.length > 1 ? `Step ${current + 1} of ${steps.length}` : "";
  if (push) history.pushState({ step: current }, "", `#${steps[current].dataset.id}`);
  if (focus) steps[current].querySelector("h2").focus();
  keep();
}

function say(id, words) {
  const box = document.getElementById(id);
  if (!box) return null;
  box.hidden = !words;
  box.textContent = words || "";
  return words ? box : null;
}

/** The first problem on the current step, shown next to its question (or null). */
function problem() {
  const step = steps[current];
  if (step.dataset.id === "where") {
    const ticked = step.querySelector('[name="pain_areas"]:checked');
    const box = say("p-area-js", ticked ? "" : document.getElementById("p-area-js").dataset.words);
    if (box) return box;
  }
  if (step.dataset.id === "moves") {
    const better = [...step.querySelectorAll('[name="eases_with"]:checked')].map((el) => el.value);
    const both = [...step.querySelectorAll('[name="worse_with"]:checked')].find((el) =>
      better.includes(el.value),
    );
    const box = document.getElementById("p-both-js");
    const label = both ? both.closest("label").textContent.trim().toLowerCase() : "";
    const words = box.dataset.words.replace("{activity}", label);
    if (say("p-both-js", both ? words[0].toUpperCase() + words.slice(1) : "")) return box;
  }
  const bad = [...step.querySelectorAll("input:not(:disabled)")].find((el) => !el.checkValidity());
  if (bad) {
    bad.reportValidity();
    return bad;
  }
  return null;
}

const area = document.getElementById("p-area-js");
if (area) area.dataset.words = area.textContent;

steps.forEach((s) => s.querySelector("h2").setAttribute("tabindex", "-1"));
form.classList.add("one-at-a-time");
form.addEventListener("click", (e) => {
  const go = e.target.closest("[data-go]");
  if (!go) return;
  if (go.dataset.go === "next") {
    const found = problem();
    if (found) {
      found.focus?.();
      return;
    }
    show(current + 1);
  } else {
    history.back(); // every step before this one is a history entry (see the end of this file)
  }
});
form.addEventListener("submit", (e) => {
  const found = problem();
  if (found) {
    e.preventDefault();
    found.focus?.();
    return;
  }
  try {
    sessionStorage.removeItem(KEEP); // the server has the answers now (or gives them back)
  } catch {
    // nothing kept
  }
});
form.addEventListener("input", () => {
  refreshShown(form);
  keep();
});
form.addEventListener("change", () => {
  refreshShown(form);
  keep();
});
addEventListener("popstate", (e) => {
  const wanted = steps.findIndex((s) => `#${s.dataset.id}` === location.hash);
  show(e.state?.step ?? Math.max(0, wanted), { push: false });
});

// The server sent the answers back with something to look at: show that step, its first note.
const opened = steps.findIndex((s) => s.dataset.id === form.dataset.open);
const keptStep = form.hasAttribute("data-restore") ? restore() : null;
refreshShown(form);
const fromHash = steps.findIndex((s) => `#${s.dataset.id}` === location.hash);
const first = opened >= 0 ? opened : (keptStep ?? Math.max(0, fromHash));
// One history entry per step up to the one shown, so Back walks the steps, even after a reload.
const url = (i) => (steps.length > 1 ? `#${steps[i].dataset.id}` : location.href);
history.replaceState({ step: 0 }, "", url(0));
for (let i = 1; i <= first; i++) history.pushState({ step: i }, "", url(i));
show(first, { focus: opened >= 0, push: false });
if (opened >= 0) form.querySelector(".problem:not([hidden])")?.scrollIntoView({ block: "center" });
