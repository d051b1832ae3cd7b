// Player preferences live on the device: they are about this screen and speaker.
const KEY = "supple.settings";
const DEFAULTS = { voice: true, beeps: true, countdown: 5, howOpen: true };

export function loadSettings() {
  try {
    return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(KEY) || "{}") };
  } catch {
    return { ...DEFAULTS };
  }
}

export function saveSettings(values) {
  const merged = { ...loadSettings(), ...values };
  merged.countdown = Math.max(0, Math.min(30, Math.round(Number(merged.countdown) || 0)));
  localStorage.setItem(KEY, JSON.stringify(merged));
  return merged;
}
