// The state of a guided session, pure: where play is in the timeline, the seconds held, what
// has been reported. It follows the timeline it is given (which segments count as held, how
// near an exercise's start "back" goes to the one before, which cues sound, are a sound only or
// are not shown, what is said aloud and when, what share of the work makes the session count
// as done: all of it comes with the timeline) and touches no page, clock or network. The view
// (player.js) feeds it offsets and acts on its answers.
export class Playback {
  constructor(timeline) {
    this.load(timeline);
    this.held = timeline.items.map(() => 0);
    this.reported = new Map(); // item index -> "done" or "skipped"
  }

  load(timeline) {
    this.tl = timeline;
    this.cues = timeline.segments.flatMap((s) => s.cues).sort((a, b) => a.at - b.at);
    this.speech = [...(timeline.speech || [])].sort((a, b) => a.at - b.at);
    this.nextSpeech = 0;
    this.work = new Set(timeline.work_kinds);
    this.tones = new Set(timeline.tone_kinds);
    this.soundOnly = new Set(timeline.sound_only_kinds);
    this.uncaptioned = new Set(timeline.uncaptioned_kinds);
    this.nextCue = 0;
    this.segIndex = -1;
    this.last = 0;
  }

  get segment() {
    return this.tl.segments[this.segIndex];
  }

  /** The item being played (undefined before the start). */
  get item() {
    const seg = this.segment;
    return seg ? this.tl.items[seg.item] : undefined;
  }

  segmentAt(offset) {
    const segs = this.tl.segments;
    let i = segs.length - 1;
    while (i > 0 && segs[i].start > offset) i--;
    return i;
  }

  start() {
    this.seek(0);
  }

  /** Move play to `offset`: the cues from there on are due again. */
  seek(offset) {
    this.last = offset;
    this.nextCue = this.cues.findIndex((c) => c.at >= offset);
    if (this.nextCue < 0) this.nextCue = this.cues.length;
    this.nextSpeech = this.speech.findIndex((u) => u.at >= offset);
    if (this.nextSpeech < 0) this.nextSpeech = this.speech.length;
    this.segIndex = this.segmentAt(offset);
  }

  /**
   * Advance to `offset`: count the seconds held, and answer the cues that fell due, whether the
   * session is over, and the item just completed by moving on to the next one (or -1).
   */
  advance(offset) {
    const seg = this.segment;
    if (seg && this.work.has(seg.kind)) {
      this.held[seg.item] += Math.max(0, Math.min(offset, seg.start + seg.duration) - this.last);
    }
    this.last = offset;
    const due = [];
    while (this.nextCue < this.cues.length && this.cues[this.nextCue].at <= offset) {
      due.push(this.cues[this.nextCue++]);
    }
    const speak = [];
    while (this.nextSpeech < this.speech.length && this.speech[this.nextSpeech].at <= offset) {
      speak.push(this.speech[this.nextSpeech++]);
    }
    if (offset >= this.tl.total_seconds) return { due, speak, ended: true, finished: -1 };
    const idx = this.segmentAt(offset);
    let finished = -1;
    if (idx !== this.segIndex) {
      const before = this.segIndex >= 0 ? this.tl.segments[this.segIndex].item : -1;
      this.segIndex = idx;
      if (before >= 0 && this.tl.segments[idx].item !== before) finished = before;
    }
    return { due, speak, ended: false, finished };
  }

  /** The offset to wake at: the next cue, the end of the segment, or the next whole second. */
  nextDeadline(offset) {
    const s = this.segment;
    const segEnd = s.start + s.duration;
    const nextSecond = segEnd - Math.floor(segEnd - offset - 1e-6);
    const cue = this.nextCue < this.cues.length ? this.cues[this.nextCue].at : Infinity;
    const words = this.nextSpeech < this.speech.length ? this.speech[this.nextSpeech].at : Infinity;
    return Math.min(segEnd, cue, words, nextSecond > offset ? nextSecond : segEnd);
  }

  /** What the screen shows at `offset`: seconds left in the segment and in the session, and how
   * far the segment is. */
  shown(offset) {
    const s = this.segment;
    return {
      left: Math.max(0, Math.ceil(s.start + s.duration - offset - 1e-6)),
      sessionLeft: Math.max(0, Math.ceil(this.tl.total_seconds - offset)),
      fraction: Math.min(1, (offset - s.start) / s.duration),
    };
  }

  /** Where "skip" goes: the item left (to report as skipped) and the offset to play from. */
  skipTarget() {
    const i = this.segment.item;
    const next = this.tl.items[i + 1];
    return { index: i, to: next ? next.start : this.tl.total_seconds };
  }

  /** Where "back" goes from `offset`: this item's start, or the one before near the start. */
  backTarget(offset) {
    const i = this.segment.item;
    const items = this.tl.items;
    const into = offset - items[i].start;
    return into > this.tl.back_grace_s || i === 0 ? items[i].start : items[i - 1].start;
  }

  /** The item event of `index` with `status`, once (null when it was reported already). */
  report(index, status) {
    if (index < 0 || this.reported.has(index)) return null;
    this.reported.set(index, status);
    const item = this.tl.items[index];
    const held = Math.min(item.planned_seconds, Math.round(this.held[index]));
    return {
      type: "item",
      index,
      exercise: item.exercise,
      planned_seconds: item.planned_seconds,
      held_seconds: held,
      status,
    };
  }

  /** How a cue is played: a tone, words said aloud, words shown as the cue line. */
  playing(cue) {
    return {
      tone: this.tones.has(cue.kind),
      spoken: !this.soundOnly.has(cue.kind),
      caption: !this.uncaptioned.has(cue.kind),
    };
  }

  /** Play `timeline` (the plan grew by an easier variant) from its item `index`; what was held
   * and reported of the items before it stays. */
  replace(timeline, index) {
    const held = this.held;
    this.load(timeline);
    this.held = timeline.items.map((_, i) => (i < index ? held[i] || 0 : 0));
    this.seek(timeline.items[index].start);
  }

  /** The first item neither done nor skipped (the items' count when every one is). */
  nextItem() {
    let i = 0;
    while (this.reported.has(i)) i++;
    return i;
  }

  /** What was done so far: moves done and skipped, and whether the work done makes the
   * session count as done (the timeline's share of its work time). */
  tally() {
    const statuses = [...this.reported.values()];
    const planned = this.tl.items.reduce((sum, item) => sum + item.planned_seconds, 0);
    const held = this.tl.items.reduce(
      (sum, item, i) => sum + Math.min(item.planned_seconds, this.held[i] || 0),
      0,
    );
    return {
      done: statuses.filter((s) => s === "done").length,
      skipped: statuses.filter((s) => s === "skipped").length,
      moves: this.tl.items.length,
      counts: planned > 0 && held >= (this.tl.done_share ?? 0.5) * planned,
    };
  }

  /** What a reload needs to continue: the seconds held and what was reported. */
  snapshot() {
    return { held: [...this.held], reported: [...this.reported.entries()] };
  }

  /** Continue from a snapshot: its items stay reported, play starts at the next item. */
  restore(snap) {
    this.held = this.tl.items.map((_, i) => snap.held?.[i] || 0);
    this.reported = new Map(snap.reported || []);
    const next = this.nextItem();
    this.seek(next < this.tl.items.length ? this.tl.items[next].start : this.tl.total_seconds);
  }
}
