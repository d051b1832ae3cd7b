// Every page: install the service worker so the app and a loaded plan work offline,
// and send any events still waiting from an earlier offline session.
import { flush } from "./sync.js";
import "./signout.js";

if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}
flush();

// People who ask their system for less motion get still illustrations.
if (matchMedia("(prefers-reduced-motion: reduce)").matches) {
  document.querySelectorAll("svg").forEach((svg) => svg.pauseAnimations?.());
}
