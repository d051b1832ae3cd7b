"""Speak cues through espeak-ng and ring the terminal bell, without ever blocking the timer."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Sequence

#: The speech command; the text to say is added as its last argument.
ESPEAK = ("espeak-ng", "-s", "150")
MISSING_NOTE = (
    "Voice is off: espeak-ng is not installed (on Debian or Ubuntu: sudo apt-get install "
    "espeak-ng). Cues are shown on screen, and the bell still rings."
)


class Voice:
    """Say cue texts one utterance at a time and ring a bell; ``mute`` silences everything.

    A cue that arrives while the previous one is still being spoken waits, and waiting cues are
    said together as soon as the speaker is free; nothing here ever waits for speech to end.
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

    def say(self, text: str) -> None:
        """Queue ``text`` to be spoken (nothing happens when voice is off)."""
        if self.speaking and text.strip():
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
        text = " ".join(self._waiting)
        self._waiting.clear()
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
