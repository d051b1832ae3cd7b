import { loadSettings, saveSettings } from "./settings-store.js";
import { beep, say, unlockAudio } from "./sound.js";

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

// Hear the voice and the beep before a session, at the player's own rate and pitch.
document.getElementById("test-voice").addEventListener("click", () => {
  unlockAudio();
  const heard = "speechSynthesis" in window;
  if (heard) say("This is how the cues sound. Ease off if it hurts, never stretch into pain.");
  beep("bell");
  document.getElementById("device-saved").textContent = heard
    ? "Speaking now. If you hear nothing, check the volume, or that this browser has a voice."
    : "This browser cannot speak; the beeps and the words on screen still work.";
});
