"""The speech schedule: which words are said when, so that no cue talks over another.

Every spoken cue has a slot: from its offset until the next words are due. Words take time to
say (about 2.5 words a second at the speaking rates the players use), so a slot that is too
short for its cue gets a shorter form of it (its first sentence, then its first clause), or the
cue is left unsaid (it is still shown on screen). Instructions are placed first and counts
last, so a count never cuts an instruction off; cues due at the same moment are said as one
utterance. The result never overlaps and is never late: each utterance starts at its offset.

The schedule works on a timeline whose cues carry their words (``supple.presentation`` fills
them in); both players (the terminal's voice and the browser's Web Speech) say it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from supple.session.timeline import Timeline, Utterance

if TYPE_CHECKING:
    from supple.session.cues import Cue

#: Words said per second at the players' speaking rates (espeak-ng -s 150; Web Speech at 0.95),
#: and letters per second for long words; with the start and end of an utterance and the
#: breath at each comma or full stop, this is not shorter than espeak-ng's own recordings of
#: the cues (tests/coach/test_voice.py measures them).
WORDS_PER_SECOND = 2.5
LETTERS_PER_SECOND = 13
#: The silence espeak-ng leaves around an utterance, and the breath at each break inside one.
EDGES_S = 0.5
BREAK_S = 0.2
#: The gap kept between two utterances (the edges are silence already).
PAUSE_S = 0.1
#: Cues closer together than this are said as one utterance.
SAME_MOMENT_S = 0.05

#: How much each kind of cue matters, most first: instructions and the safety line, then what
#: to feel, then reminders (breathing, "halfway", "rest", "hold again": the screen shows them
#: too), then counts (the beep still sounds when a count goes unsaid).
RANKS: dict[str, int] = {
    "end": 0,
    "do": 0,
    "switch": 0,
    "name": 0,
    "safety": 0,
    "feel": 1,
    "rest": 2,
    "inhale": 2,
    "exhale": 2,
    "breathe": 2,
    "halfway": 2,
    "count": 3,
}
#: Phrases that rank as reminders whatever their kind: a repetition's "hold again".
REMINDERS = frozenset({"hold_again"})
#: Within an utterance, the cue given up first when it does not fit (most expendable first).
GIVE_UP_ORDER = ("name", "feel", "rest", "switch", "safety", "do", "end")
#: Cues whose words may be cut down to their first sentence or clause.
SHORTENED = frozenset({"do", "feel", "rest"})


Estimate = Callable[[str], float]


def spoken_seconds(text: str) -> float:
    """How long ``text`` takes to say: its words at 2.5 a second (its letters at 13 a second,
    when the words are long), a breath at each break, and the silence around it."""
    words = len(text.split())
    letters = len(re.sub(r"[^a-z]", "", text.lower()))
    breaks = len(re.findall(r"[.!?:;,—](?:\s|$)", text))
    talk = max(words / WORDS_PER_SECOND, letters / LETTERS_PER_SECOND)
    return round(EDGES_S + talk + BREAK_S * max(0, breaks - 1), 2)


def _clause(sentence: str) -> str:
    return re.split(r"[,;:—]\s*", sentence, maxsplit=1)[0].rstrip(" .") + "."


def shorter_forms(text: str) -> list[str]:
    """``text``, then shorter forms of it, longest first (each only when shorter): a short
    opening ("Hold on the left side.") with the first clause of what follows, the first
    sentence, the first clause."""
    sentences = re.split(r"(?<=[.!?])\s", text)
    candidates = []
    if len(sentences) > 1 and len(sentences[0].split()) <= 5:
        candidates.append(f"{sentences[0]} {_clause(sentences[1])}")
    candidates += [sentences[0], _clause(sentences[0])]
    forms = [text]
    for form in candidates:
        if len(form.split()) >= 2 and len(form) < len(forms[-1]):
            forms.append(form)
    return forms


@dataclass(frozen=True, slots=True)
class _Said:
    kind: str
    text: str


def _fits(start: float, seconds: float, limit: float, busy: Sequence[tuple[float, float]]) -> bool:
    end = start + seconds + PAUSE_S
    if end > limit:
        return False
    return all(end <= b_start or start >= b_end + PAUSE_S for b_start, b_end in busy)


def _forms(members: list[_Said]) -> Iterable[list[_Said]]:
    """``members`` as they are, then with their long cues cut to a sentence, then a clause."""
    yield members
    for depth in (1, 2, 3):
        cut = []
        for m in members:
            forms = shorter_forms(m.text) if m.kind in SHORTENED else [m.text]
            cut.append(_Said(m.kind, forms[min(depth, len(forms) - 1)]))
        if cut != members:
            yield cut


def _expendable(said: _Said) -> int:
    return GIVE_UP_ORDER.index(said.kind) if said.kind in GIVE_UP_ORDER else -1


def _candidates(said: list[_Said]) -> Iterable[list[_Said]]:
    """What to try saying for cues due together, best first: all of it (then shorter), with the
    most expendable cues given up one by one, then each cue on its own, the weightiest first."""
    members = list(said)
    while len(members) > 1:
        yield from _forms(members)
        drop = min(members, key=_expendable)
        members = [m for m in members if m is not drop]
    for one in sorted(said, key=_expendable, reverse=True):
        yield from _forms([one])


def _moments(cues: Iterable[Cue], silent: frozenset[str]) -> list[tuple[float, list[Cue]]]:
    """The spoken cues grouped by the moment they are due, in time order."""
    groups: list[tuple[float, list[Cue]]] = []
    for cue in sorted((c for c in cues if c.kind not in silent and c.text), key=lambda c: c.at):
        if groups and cue.at - groups[-1][0] < SAME_MOMENT_S:
            groups[-1][1].append(cue)
        else:
            groups.append((cue.at, [cue]))
    return groups


def _rank(cue: Cue) -> int:
    if cue.say.code in REMINDERS:
        return RANKS["breathe"]
    return RANKS.get(cue.kind, max(RANKS.values()))


def schedule(timeline: Timeline, *, estimate: Estimate = spoken_seconds) -> list[Utterance]:
    """The utterances of ``timeline`` in time order: none overlaps another, each at its cue's
    offset. The most important cues are placed first (see :data:`RANKS`); each gets the time
    until the next cue of its rank or above, so an early long cue cannot crowd out a later
    one that matters as much."""
    silent = frozenset(timeline.sound_only_kinds)
    moments = _moments(timeline.all_cues(), silent)
    placed: dict[float, Utterance] = {}
    busy: list[tuple[float, float]] = []
    for rank in sorted(set(RANKS.values())):
        due = [(at, [c for c in group if _rank(c) <= rank]) for at, group in moments]
        due = [(at, group) for at, group in due if group]
        for n, (at, group) in enumerate(due):
            mine = [_Said(c.kind, c.text) for c in group if _rank(c) == rank]
            if not mine or at in placed:
                continue
            limit = due[n + 1][0] if n + 1 < len(due) else float("inf")
            for option in _candidates(mine):
                text = " ".join(m.text for m in option)
                seconds = estimate(text)
                if _fits(at, seconds, limit, busy):
                    busy.append((at, at + seconds))
                    kinds = [m.kind for m in option]
                    placed[at] = Utterance(at=at, text=text, seconds=seconds, kinds=kinds)
                    break
    return [placed[at] for at in sorted(placed)]


__all__ = ["Utterance", "schedule", "shorter_forms", "spoken_seconds"]
