// The service worker: the app shell is cached at install; pages, plans and timelines are
// cached when fetched (network first), so a loaded session keeps working offline. Events are
// not handled here: the page queues them in IndexedDB (sync.js) and sends them itself.
// The server fills both in (supple.web.offline): the cache is named after the static files'
// content, and the shell is every one of them and the pages that need no answers.
const CACHE = "supple";
const SHELL = [];

self.addEventListener("install", (event) => {
  // One failing URL (e.g. /today before any screening) must not stop the install.
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(SHELL.map((url) => cache.add(url).catch(() => null)))),
  );
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // A redirect (e.g. /today before the questions) is not the page itself: do not keep it.
    if (response.ok && !response.redirected) cache.put(request, response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match(request);
    if (hit) return hit;
    if (request.mode === "navigate") {
      // Today's routine, or the referral once answers withhold it (referral.js drops the rest).
      const shell = (await cache.match("/today")) || (await cache.match("/referral"));
      if (shell) return shell;
    }
    throw err;
  }
}

async function cacheFirst(request) {
  const hit = await caches.match(request, { ignoreSearch: true });
  if (hit) {
    // Refresh in the background so a new version arrives on the next visit.
    fetch(request)
      .then((r) => r.ok && caches.open(CACHE).then((c) => c.put(request.url.split("?")[0], r)))
      .catch(() => {});
    return hit;
  }
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request.url.split("?")[0], response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  // Signing out goes to the network itself, so its Clear-Site-Data reaches the browser.
  if (url.pathname === "/logout" || url.pathname === "/login") return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith("/api/v1/plans/") || url.pathname.startsWith("/api/v1/exercises/") || request.mode === "navigate") {
    event.respondWith(networkFirst(request));
  }
});

// Reminders (Web Push): show what the server sent (title, body, tag; no health details), and
// open Today when it is tapped, in a window of the app if one is open.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const title = data.title || "Supple";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || "Time for your back routine",
      tag: data.tag || "supple-reminder",
      icon: "/static/icons/icon-192.png",
      data: { url: data.url || "/today" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || "/today", self.location.origin);
  if (target.origin !== self.location.origin) return; // only ever the app's own pages
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if (new URL(w.url).origin === target.origin && "focus" in w) {
          return w.focus().then((focused) => (focused && "navigate" in focused ? focused.navigate(target.href) : focused));
        }
      }
      return self.clients.openWindow(target.href);
    }),
  );
});
