// The settings page's "Allow reminders on this device": ask for permission to notify, subscribe
// to push with the server's public key, and hand the subscription to the server. A fresh
// subscription each time, so a device shared by two people never carries the other's.
const box = document.getElementById("push-device");
const supported =
  box && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

function keyBytes(base64url) {
  const padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

async function subscribe(status) {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    status.textContent = "Notifications are not allowed for Supple in this browser, so no reminder can reach it here.";
    return;
  }
  status.textContent = "Setting up…";
  const key = await fetch("/api/v1/reminders/key", { headers: { Accept: "application/json" } });
  if (!key.ok) throw new Error(`key ${key.status}`);
  const { application_server_key: serverKey } = await key.json();
  const registration = await navigator.serviceWorker.ready;
  const old = await registration.pushManager.getSubscription();
  if (old) {
    await fetch(`/api/v1/reminders/subscriptions?endpoint=${encodeURIComponent(old.endpoint)}`, { method: "DELETE" });
    await old.unsubscribe();
  }
  const fresh = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(serverKey),
  });
  const saved = await fetch("/api/v1/reminders/subscriptions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(fresh.toJSON()),
  });
  if (!saved.ok) throw new Error(`subscription ${saved.status}`);
  status.textContent = "This device will get your reminders.";
}

if (supported) {
  box.hidden = false;
  const status = document.getElementById("push-status");
  if (Notification.permission === "denied") {
    status.textContent = "Notifications are blocked for Supple in this browser's settings.";
  }
  document.getElementById("push-on").addEventListener("click", () => {
    subscribe(status).catch(() => {
      status.textContent = "This device could not be set up for reminders; try again later.";
    });
  });
}
