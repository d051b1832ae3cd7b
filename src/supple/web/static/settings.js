import { loadSettings, saveSettings } from "./settings-store.js";

const form = document.getElementById("device-settings");
const s = loadSettings();
form.voice.checked = s.voice;
form.beeps.checked = s.beeps;
form.countdown.value = s.countdown;
form.addEventListener("submit", (e) => {
  e.preventDefault();
  const saved = saveSettings({
    voice: form.voice.checked,
    beeps: form.beeps.checked,
    countdown: form.countdown.value,
  });
  form.countdown.value = saved.countdown;
  document.getElementById("device-saved").textContent = "Saved on this device.";
});
