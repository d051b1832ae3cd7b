// The outbox: every event is stored in IndexedDB first, then sent in order. It leaves the outbox
// only when the server stored it (2xx) or refused the event itself (a JSON 4xx that says it is
// invalid). Anything else (no network, a 503 while the database is busy, a 5xx, a proxy's page,
// a 401/403 until the person signs in again) keeps it queued, and the next try waits longer,
// up to a minute. The server ignores a repeat of the same key, so nothing is lost and nothing
// is counted twice.
const DB_NAME = "supple";
const STORE = "outbox";
let dbPromise = null;
let running = null;
let again = false;
let chain = Promise.resolve();
let timer = null;
let failures = 0;
const listeners = new Set();
// Statuses that say the event itself can never be stored (bad body, unknown plan, a key bound
// elsewhere, too large): sending it again would fail the same way.
const REFUSED = new Set([400, 404, 409, 410, 413, 415, 422]);
const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 60000;

function db() {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
    req.onsuccess = () => {
      // Let a sign-out delete the database at once instead of waiting for this page to close.
      req.result.onversionchange = () => {
        req.result.close();
        dbPromise = null;
      };
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
  });
  return dbPromise;
}

function tx(mode, work) {
  return db().then(
    (d) =>
      new Promise((resolve, reject) => {
        const t = d.transaction(STORE, mode);
        const result = work(t.objectStore(STORE));
        t.oncomplete = () => resolve(result.result ?? result);
        t.onerror = () => reject(t.error);
      }),
  );
}

/** Delete the outbox and everything in it (signing out). */
export async function forget() {
  if (dbPromise) (await dbPromise).close();
  dbPromise = null;
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

export function onChange(fn) {
  listeners.add(fn);
}

async function notify() {
  const n = await pending();
  listeners.forEach((fn) => fn(n));
}

export async function pending() {
  return tx("readonly", (s) => s.count());
}

/** Queue a POST of `body` to `url`, then try to send everything queued. */
export function enqueue(url, body) {
  // Chained so records keep the order of the calls, whatever IndexedDB does.
  chain = chain
    .then(() => tx("readwrite", (s) => s.add({ url, body, queuedAt: Date.now() })))
    .then(() => {
      notify();
      flush();
    });
  return chain;
}

/** Whether the answer says the server refused the event itself (our API's JSON error). */
async function refused(res) {
  if (!REFUSED.has(res.status)) return false;
  if (!(res.headers.get("Content-Type") || "").includes("application/json")) return false;
  try {
    const body = await res.json();
    console.warn("supple: the server refused an event", res.status, body.detail);
    return typeof body.detail === "string";
  } catch {
    return false; // not our answer (a proxy's page?): keep the event
  }
}

/** Seconds the server asked us to wait (Retry-After), or null. */
function retryAfter(res) {
  const seconds = Number(res.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/** Send until the outbox is empty (true) or a try fails (the wait before the next, in ms). */
async function sendAll() {
  for (;;) {
    const rec = await firstRecord();
    if (!rec) return true;
    let res;
    try {
      res = await fetch(rec.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(rec.body),
      });
    } catch {
      return backoff(null); // offline: keep it for later
    }
    if (!res.ok && !(await refused(res))) return backoff(retryAfter(res));
    failures = 0;
    await tx("readwrite", (s) => s.delete(rec.seq));
    notify();
  }
}

/** The wait before the next try: doubling from a second up to a minute, with some jitter so
 * many phones do not come back at the same instant; at least what the server asked. */
function backoff(asked) {
  const grown = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** failures);
  failures += 1;
  return Math.max(asked ?? 0, grown * (0.75 + Math.random() / 2));
}

function later(ms) {
  clearTimeout(timer);
  timer = setTimeout(() => flush(), ms);
}

function firstRecord() {
  return db().then(
    (d) =>
      new Promise((resolve, reject) => {
        const req = d.transaction(STORE, "readonly").objectStore(STORE).openCursor();
        req.onsuccess = () => resolve(req.result ? req.result.value : null);
        req.onerror = () => reject(req.error);
      }),
  );
}

/** Send what is queued, one request at a time and in order; true when the queue is empty. */
export function flush() {
  if (running) {
    again = true; // something new may have been queued after the loop looked
    return running;
  }
  clearTimeout(timer);
  running = (async () => {
    try {
      let result;
      do {
        again = false;
        result = await sendAll();
      } while (again && result === true);
      if (result !== true) later(result);
      return result === true;
    } finally {
      running = null;
    }
  })();
  return running;
}

addEventListener("online", () => {
  failures = 0; // the network is back: try now, and soon again if that fails
  flush();
});
