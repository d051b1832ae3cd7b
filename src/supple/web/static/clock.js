// Session time on absolute deadlines: the offset is computed from performance.now() each time,
// never by adding up ticks, so late timers never make the session drift. `speed` (a test
// clock, ?speed=50) makes the same timeline run faster.
export class SessionClock {
  constructor(speed = 1) {
    this.speed = speed;
    this.base = 0; // timeline seconds at the anchor
    this.anchor = performance.now();
    this.paused = true;
  }

  offset() {
    if (this.paused) return this.base;
    return this.base + ((performance.now() - this.anchor) * this.speed) / 1000;
  }

  start() {
    if (!this.paused) return;
    this.anchor = performance.now();
    this.paused = false;
  }

  pause() {
    if (this.paused) return;
    this.base = this.offset();
    this.paused = true;
  }

  seek(offset) {
    this.base = Math.max(0, offset);
    this.anchor = performance.now();
  }

  /** Milliseconds of real time until the timeline reaches `offset`. */
  msUntil(offset) {
    return Math.max(0, ((offset - this.offset()) * 1000) / this.speed);
  }
}
