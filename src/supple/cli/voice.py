"""Speak cues through espeak-ng and ring the terminal bell, without ever blocking the timer."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supple.session.cues import Cue
    from supple.session.timeline import Utterance

#: The speech command; the text to say is added as its last argument.
ESPEAK = ("espeak-ng", "-s", "150")
MISSING_NOTE = (
    "Voice is off: espeak-ng is not installed (on Debian or Ubuntu: sudo apt-get install "
    "espeak-ng). Cues are shown on screen, and the bell still rings."
)


class Voice:
    """Say utterances one at a time and ring a bell; ``mute`` silences everything.

    The speech schedule (``supple.session.speech``) times the words so that each is done before
    the next is due. Should the speaker still be busy, a count is dropped (the bell and the
    screen keep time) and anything else waits its turn; nothing here ever waits for speech.
    """

    def __init__(
        self,
        *,
        speak: bool,
        mute: bool = False,
        command: Sequence[str] = ESPEAK,
        bell: Callable[[], None] | None = None,
        note: Callable[[str], None] = print,
    ) -> None:
        self.mute = mute
        self._bell = bell
        self._command = list(command)
        self._process: subprocess.Popen[bytes] | None = None
        self._waiting: list[str] = []
        self.speaking = speak and not mute
        if self.speaking and shutil.which(self._command[0]) is None:
            self.speaking = False
            note(MISSING_NOTE)

    def say(self, text: str, *, droppable: bool = False) -> None:
        """Speak ``text`` now, or when the speaker is free; a ``droppable`` text (a count) is
        dropped instead of waiting (nothing happens when voice is off)."""
        if not (self.speaking and text.strip()):
            return
        if droppable and self._busy():
            return
        self._waiting.append(text.strip())
        self.pump()

    def ring(self) -> None:
        """Ring the bell, unless muted."""
        if not self.mute and self._bell is not None:
            self._bell()

    def pump(self) -> None:
        """Start the next utterance if the speaker is free (call it often)."""
        if not self._waiting:
            return
        if self._process is not None and self._process.poll() is None:
            return
        text = self._waiting.pop(0)
        try:
            self._process = subprocess.Popen(
                [*self._command, text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.speaking = False

    def close(self, *, wait: float = 0.0) -> None:
        """Let the last words finish for up to ``wait`` seconds, then stop the speaker."""
        deadline = time.monotonic() + wait
        while self._busy() and time.monotonic() < deadline:
            self.pump()
            time.sleep(0.05)
        self._waiting.clear()
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(timeout=2)

    def _busy(self) -> bool:
        running = self._process is not None and self._process.poll() is None
        return running or bool(self._waiting)


class Spoken:
    """Say a timeline's speech schedule as its cues fall due (``say`` each due cue)."""

    def __init__(self, voice: Voice, schedule: Sequence[Utterance]) -> None:
        self.voice = voice
        self.load(schedule)

    def load(self, schedule: Sequence[Utterance]) -> None:
        """Follow a new schedule (the plan grew by an easier variant)."""
        self._by_at = {round(u.at, 3): u for u in schedule}
        self._last: float | None = None

    def say(self, cue: Cue) -> None:
        """Say the words scheduled at ``cue``'s moment, once for the cues due together."""
        at = round(cue.at, 3)
        words = self._by_at.get(at)
        if words is None or at == self._last:
            return
        self._last = at
        self.voice.say(words.text, droppable=words.kinds == ["count"])
