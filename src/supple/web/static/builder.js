// The programme builder without round trips where none is needed: Up and Down move a row in
// place (focus stays on the button pressed), rows can be dragged, and the library list is
// filtered as one types. The form sends the moves in the order of the page, so the server
// reads the same draft either way; without this script every button is a plain form post.
const form = document.querySelector("[data-builder]");
const list = form && form.querySelector("[data-moves]");

function renumber() {
  const rows = [...list.querySelectorAll("[data-move]")];
  rows.forEach((row, k) => {
    const place = row.querySelector(".rx-place");
    if (place) place.textContent = `${k + 1}.`;
    const up = row.querySelector("[data-up]");
    const down = row.querySelector("[data-down]");
    if (up) up.disabled = k === 0;
    if (down) down.disabled = k === rows.length - 1;
  });
}

function announce(words) {
  let live = document.getElementById("rx-live");
  if (!live) {
    live = document.createElement("p");
    live.id = "rx-live";
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    form.prepend(live);
  }
  live.textContent = words;
}

if (list) {
  list.addEventListener("click", (event) => {
    const button = event.target.closest("[data-up], [data-down]");
    if (!button) return;
    event.preventDefault();
    const row = button.closest("[data-move]");
    const up = button.hasAttribute("data-up");
    const other = up ? row.previousElementSibling : row.nextElementSibling;
    if (!other) return;
    if (up) list.insertBefore(row, other);
    else list.insertBefore(other, row);
    renumber();
    const name = row.querySelector("h3").textContent.trim();
    announce(`${name}: now in place ${[...list.children].indexOf(row) + 1}. Save to keep it.`);
    if (button.disabled) row.querySelector(up ? "[data-down]" : "[data-up]")?.focus();
    else button.focus();
  });

  let dragged = null;
  list.addEventListener("dragstart", (event) => {
    dragged = event.target.closest("[data-move]");
    if (!dragged) return;
    dragged.classList.add("rx-dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.dataset.move);
  });
  list.addEventListener("dragover", (event) => {
    if (!dragged) return;
    event.preventDefault();
    const over = event.target.closest("[data-move]");
    if (!over || over === dragged) return;
    const box = over.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? over.nextElementSibling : over);
  });
  list.addEventListener("dragend", () => {
    if (!dragged) return;
    dragged.classList.remove("rx-dragging");
    dragged = null;
    renumber();
  });
}

const search = form && form.querySelector("[data-search]");
const found = form && form.querySelector("[data-found]");
if (search && found) {
  search.addEventListener("input", () => {
    const words = search.value.trim().toLowerCase();
    for (const row of found.querySelectorAll("li[data-name]")) {
      row.hidden = words !== "" && !row.dataset.name.includes(words);
    }
  });
}
