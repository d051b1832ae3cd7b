// Questions shown only when they apply (the weeks of a pregnancy, once "I am pregnant" is
// ticked), by the conditions the server writes in data-shown-if (supple.web.screening.SHOWN_IF).
// A hidden question's boxes are disabled, so nothing hidden is sent, and keep what was typed
// in case the question comes back. Without JavaScript every question shows.
const SPEC = /^(\w+)(?::([\w,]+)|(>=|>)(\d+)(\?)?)$/;

export function applies(form, spec) {
  const [, name, values, op, number, emptyToo] = spec.match(SPEC) || [];
  if (!name) return true;
  if (values) {
    const wanted = values.split(",");
    return [...form.querySelectorAll(`[name="${name}"]:checked`)].some((el) => wanted.includes(el.value));
  }
  const field = form.querySelector(`[name="${name}"]`);
  const raw = field ? field.value.trim() : "";
  if (raw === "") return Boolean(emptyToo);
  const value = Number(raw);
  return op === ">=" ? value >= Number(number) : value > Number(number);
}

export function refresh(form) {
  for (const block of form.querySelectorAll("[data-shown-if]")) {
    const on = block.hasAttribute("data-keep-shown") || applies(form, block.dataset.shownIf);
    block.hidden = !on;
    block.querySelectorAll("input").forEach((el) => (el.disabled = !on));
  }
}

export function watch(form) {
  refresh(form);
  form.addEventListener("change", () => refresh(form));
  form.addEventListener("input", () => refresh(form));
}

const settingsForm = document.getElementById("answers-form");
if (settingsForm) watch(settingsForm);
