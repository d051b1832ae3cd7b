// The outbox: every event is stored in IndexedDB first, then sent in order. A network failure
// leaves it queued for the next try; the server ignores a repeat of the same key, so nothing is
// lost and nothing is counted twice.
const DB_NAME = "supple";
const STORE = "outbox";
let dbPromise = null;
let running = null;
let again = false;
let chain = Promise.resolve();
const listeners = new Set();

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
      return false; // offline: keep it for later
    }
    if (res.status >= 500 || res.status === 408 || res.status === 429) return false;
    if (!res.ok) console.warn("supple: the server refused an event", res.status, await res.text());
    await tx("readwrite", (s) => s.delete(rec.seq));
    notify();
  }
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
  running = (async () => {
    try {
      let empty;
      do {
        again = false;
        empty = await sendAll();
      } while (again && empty);
      return empty;
    } finally {
      running = null;
    }
  })();
  return running;
}

addEventListener("online", () => flush());
setInterval(() => flush(), 4000);
