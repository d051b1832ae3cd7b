// Answers that withhold the routine withhold it offline too, and deleted records leave the
// device too: the copies of routines, players and timelines kept for offline use are dropped,
// and so is any session waiting to be continued.
const ROUTINE = /^\/(?:play\/|today$|api\/v1\/plans?\/)/;

async function forgetRoutines() {
  if (!("caches" in globalThis)) return;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (ROUTINE.test(new URL(request.url).pathname)) await cache.delete(request);
    }
  }
}

try {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith("supple.resume.")) localStorage.removeItem(key);
  }
} catch {
  // no storage on this device: nothing kept to forget
}
forgetRoutines()
  .catch(() => {})
  .finally(() => {
    document.documentElement.dataset.routinesForgotten = "true";
  });
