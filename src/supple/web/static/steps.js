// One question at a time: without JavaScript every step shows and the form still works.
const form = document.getElementById("screening");
const steps = [...form.querySelectorAll(".step")];
const status = document.getElementById("step-status");
let current = 0;

function show(i, focus = true) {
  current = Math.max(0, Math.min(steps.length - 1, i));
  steps.forEach((s, n) => (s.hidden = n !== current));
  status.textContent = `Step ${current + 1} of ${steps.length}`;
  if (focus) steps[current].querySelector("h2").focus();
}

steps.forEach((s) => s.querySelector("h2").setAttribute("tabindex", "-1"));
form.classList.add("one-at-a-time");
form.addEventListener("click", (e) => {
  const go = e.target.closest("[data-go]");
  if (!go) return;
  if (go.dataset.go === "next") {
    const bad = [...steps[current].querySelectorAll("input")].find((el) => !el.checkValidity());
    if (bad) {
      bad.reportValidity();
      return;
    }
    show(current + 1);
  } else {
    show(current - 1);
  }
});
show(0, false);
