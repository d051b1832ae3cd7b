// Voice through the Web Speech API, beeps through Web Audio; either can be turned off.
let audio = null;

export function unlockAudio() {
  // Browsers only allow sound after a tap or key press, so this runs on the first one.
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") audio.resume();
  } catch {
    audio = null;
  }
}

export function beep(kind = "count") {
  if (!audio) return;
  const t = audio.currentTime;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  const bell = kind === "bell" || kind === "end";
  osc.frequency.value = bell ? 880 : 660;
  gain.gain.setValueAtTime(0.25, t);
  gain.gain.exponentialRampToValueAtTime(0.001, t + (bell ? 0.9 : 0.15));
  osc.connect(gain).connect(audio.destination);
  osc.start(t);
  osc.stop(t + (bell ? 1 : 0.2));
}

// What is said and when comes from the timeline's speech schedule, fitted so that nothing
// overlaps: words are never cut off here, only by a pause, a skip or going back.
export function say(text) {
  if (!("speechSynthesis" in window) || !text) return;
  const u = new SpeechSynthesisUtterance(text);
  u.rate = 0.95;
  speechSynthesis.speak(u);
}

export function hush() {
  if ("speechSynthesis" in window) speechSynthesis.cancel();
}
