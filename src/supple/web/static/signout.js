// Signing out leaves nothing of the person in this browser: before the sign-out request goes,
// the outbox is sent if it can be (what cannot be sent is lost, so the person is asked first),
// then the service worker's caches, the outbox and the device settings are emptied. The
// server's answer also carries Clear-Site-Data, which does the same where the browser knows it.
import { flush, pending, forget } from "./sync.js";

async function clearAll() {
  if ("caches" in window) {
    const names = await caches.keys();
    await Promise.all(names.map((n) => caches.delete(n)));
  }
  await forget();
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // storage may be off: nothing kept there then
  }
}

async function signOut(go) {
  try {
    await flush();
    const left = await pending();
    if (left > 0 && !confirm(`${left} answer${left > 1 ? "s" : ""} could not be sent yet (offline?). Sign out anyway and lose ${left > 1 ? "them" : "it"}?`)) return;
    await clearAll();
  } catch (err) {
    console.warn("supple: could not clear this browser's data before signing out", err);
  }
  go();
}

// After signing out or deleting the account, whatever the browser kept is cleared here too.
if (/[?&](signed_out|deleted)=/.test(location.search)) clearAll();

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[data-sign-out]");
  if (!link) return;
  event.preventDefault();
  signOut(() => location.assign(link.href));
});

document.addEventListener("submit", (event) => {
  const form = event.target.closest?.("form[data-sign-out]");
  if (!form || form.dataset.cleared) return;
  event.preventDefault();
  signOut(() => {
    form.dataset.cleared = "1";
    form.submit();
  });
});
