"""The full-screen coach: what one glance at the terminal shows, and the keys it reads."""

from __future__ import annotations

import os
import select
import sys
import termios
import tty
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar

from rich.align import Align
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from supple.presentation import countdown, cue_text, segment_title
from supple.session.speech import REMINDERS

if TYPE_CHECKING:
    from supple.session.coach import Coach
    from supple.session.timeline import Segment, Timeline

#: How often the screen redraws when no cue is near (real seconds).
REFRESH_S = 0.2

_FONT = {
    "0": ["█████", "█   █", "█   █", "█   █", "█████"],
    "1": ["  ██ ", "   █ ", "   █ ", "   █ ", "  ███"],
    "2": ["█████", "    █", "█████", "█    ", "█████"],
    "3": ["█████", "    █", " ████", "    █", "█████"],
    "4": ["█   █", "█   █", "█████", "    █", "    █"],
    "5": ["█████", "█    ", "█████", "    █", "█████"],
    "6": ["█████", "█    ", "█████", "█   █", "█████"],
    "7": ["█████", "    █", "   █ ", "  █  ", "  █  "],
    "8": ["█████", "█   █", "█████", "█   █", "█████"],
    "9": ["█████", "█   █", "█████", "    █", "█████"],
    ":": ["     ", "  █  ", "     ", "  █  ", "     "],
}
KEYS_HELP = (
    "space pause · → or n next · ← or b back · r repeat · q stop (asks first; saves)\n"
    "how was it: 1 fine · 2 too easy · 3 too hard · 4 painful (stops it and offers an easier one)"
)
_KINDS = {
    "get_ready": "Get ready",
    "hold": "Hold",
    "rep": "Repetition",
    "flow": "Flow",
    "rest": "Rest",
    "switch_sides": "Switch",
    "transition": "Move",
    "cool_down": "Cool down",
}


def big(text: str) -> str:
    """``text`` (digits and ':') drawn five lines high with block characters."""
    rows = ["  ".join(_FONT[ch][row] for ch in text if ch in _FONT) for row in range(5)]
    return "\n".join(rows)


def clock_text(seconds: float) -> str:
    """Seconds left as the big countdown shows them: '45', or '2:05' from a minute up."""
    text = countdown(seconds)
    return text if seconds > 59 else text.split(":")[1].lstrip("0") or "0"


def offer_text(coach: Coach) -> str:
    """The question shown while an offer is open ('' when none is)."""
    if coach.offer is None:
        return ""
    name = coach.player.timeline.items[coach.offer].name
    easier = f"e: try the easier {coach.variant.name} · " if coach.variant else ""
    return f"{name} hurt: ease off. {easier}s: skip it · space: carry on gently"


def run_full_screen(coach: Coach, scale: float) -> None:
    """Play the session full screen until it ends or the person quits (q, Ctrl-C)."""
    from rich.console import Console
    from rich.live import Live

    console = Console()
    player = coach.player
    with KeyReader() as keys, Live(console=console, screen=True, auto_refresh=False) as live:
        player.start()
        try:
            while not player.finished:
                coach.tick()
                live.update(render(coach, compact=console.size.height < 28), refresh=True)
                nxt = player.seconds_to_next_cue()
                wait = REFRESH_S if nxt is None else max(0.0, min(REFRESH_S, nxt / scale))
                key = keys.read(wait)
                if key is not None:
                    coach.on_key(key)
            coach.tick()
        except KeyboardInterrupt:
            coach.interrupted = True  # Ctrl-C or a signal: stop without asking anything more
            player.quit()


QUIT_QUESTION = "Stop the session here? y: stop (what you did is saved) · any other key: go on"


def _prompt(coach: Coach) -> str:
    if coach.confirming_quit:
        return QUIT_QUESTION
    if coach.offer is not None:
        return offer_text(coach)
    if coach.asking is not None:
        name = coach.player.timeline.items[coach.asking].name
        return f"How was {name}? 1 fine · 2 too easy · 3 too hard · 4 painful (optional)"
    return ""


def render(coach: Coach, *, compact: bool = False) -> RenderableType:
    """The whole screen for the coach's current moment (``compact``: no spacer lines)."""
    player = coach.player
    tl = player.timeline
    offset = player.offset
    seg = tl.segment_at(offset)
    if seg is None:
        return Panel(Text("Session complete. Well done.", style="bold green"), title="Supple")
    item = tl.items[seg.item]
    left = seg.end - offset
    remaining = countdown(tl.total_seconds - offset)
    header = Table.grid(expand=True)
    header.add_column(ratio=1)
    header.add_column(justify="right")
    header.add_row(
        Text(item.name, style="bold cyan"),
        Text(f"exercise {item.index + 1} of {len(tl.items)} · {remaining} left"),
    )
    title = Text(segment_title(seg, tl), style="bold")
    if coach.confirming_quit:
        title = Text("Paused — stop the session?", style="bold black on yellow")
    elif player.paused:
        title = Text("Paused — press space to go on", style="bold black on yellow")
    style = "yellow" if player.paused else "bold green"
    big_count = Align.center(Text(big(clock_text(left)), style=style))
    work = Table.grid(padding=(0, 1))
    work.add_column(style="dim", width=6)
    work.add_column(ratio=1)
    work.add_row("Do", _doing(tl, seg, offset))
    work.add_row("Feel", item.feel)
    work.add_row("Now", Text(cue_text(coach.said) if coach.said else "", style="italic"))
    bars = Table.grid(padding=(0, 1))
    bars.add_column(width=9)
    bars.add_column(ratio=1)
    bars.add_column(width=12, justify="right")
    bars.add_row(
        _KINDS.get(seg.kind, seg.kind),
        ProgressBar(total=seg.duration, completed=offset - seg.start),
        f"{int(offset - seg.start)} / {int(seg.duration)} s",
    )
    bars.add_row(
        "Session",
        ProgressBar(total=tl.total_seconds, completed=offset),
        f"{int(100 * offset / tl.total_seconds)} %",
    )
    gap: list[RenderableType] = [] if compact else [Text("")]
    parts: list[RenderableType] = [header, title, *gap, big_count, *gap, work, bars]
    parts.append(Text(f"Next: {_next(tl, seg)}", style="cyan"))
    prompt = _prompt(coach)
    if prompt:
        parts.append(Panel(Text(prompt, style="bold"), border_style="magenta"))
    parts.append(Text(KEYS_HELP, style="dim"))
    return Panel(Group(*parts), title="Supple · today's routine", border_style="blue")


def _doing(tl: Timeline, seg: Segment, offset: float) -> str:
    """The latest instruction said for the current exercise (its first step before that): a
    repetition's "hold again" keeps the steps of the hold before on screen."""
    said = [
        c
        for s in tl.segments[: seg.index + 1]
        if s.item == seg.item
        for c in s.cues
        if c.kind == "do" and c.at <= offset and c.say.code not in REMINDERS
    ]
    return cue_text(said[-1]) if said else tl.items[seg.item].steps[0]


def _next(tl: Timeline, seg: Segment) -> str:
    if seg.index + 1 < len(tl.segments):
        nxt = tl.segments[seg.index + 1]
        if nxt.item != seg.item:
            return tl.items[nxt.item].name
        return segment_title(nxt, tl)
    return "the end of the routine"


class KeyReader:
    """Read single keys without blocking (cbreak mode); the terminal is restored on exit."""

    ARROWS: ClassVar[dict[str, str]] = {
        "\x1b[C": "right",
        "\x1b[D": "left",
        "\x1bOC": "right",
        "\x1bOD": "left",
    }

    def __init__(self, fd: int | None = None) -> None:
        self.fd = sys.stdin.fileno() if fd is None else fd
        self._saved: list[Any] | None = None

    def __enter__(self) -> KeyReader:
        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.restore()

    def restore(self) -> None:
        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)
            self._saved = None

    def read(self, timeout: float) -> str | None:
        """The next key ('space', 'left', 'right', or the character), or None after ``timeout``."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        data = os.read(self.fd, 16).decode("utf-8", errors="ignore")
        if data in self.ARROWS:
            return self.ARROWS[data]
        if data.startswith("\x1b"):
            return "escape"
        if data[:1] == " ":
            return "space"
        return data[:1].lower() or None
