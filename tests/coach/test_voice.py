"""Voice: the words sent to the speech command, the missing-command note, the bell, mute."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from supple.cli.voice import MISSING_NOTE, Voice
from supple.session.speech import spoken_seconds
from supple.session.timeline import Utterance
from tests.coach.coachkit import PLAN, run_start, wait_until


def _speaker(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in speech command that writes each utterance (its last argument) to a file."""
    heard = tmp_path / "heard.txt"
    script = tmp_path / "speak"
    script.write_text(
        f'#!/bin/sh\nfor last in "$@"; do :; done\nprintf "%s\\n" "$last" >> {heard}\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, heard


def test_cues_go_to_the_speech_command_in_order(tmp_path: Path) -> None:
    script, heard = _speaker(tmp_path)
    notes: list[str] = []
    voice = Voice(speak=True, command=[str(script), "-s", "150"], note=notes.append)
    for text in ("Cat-cow.", "Halfway.", "3", "2", "1"):
        voice.say(text)
    voice.close(wait=5)
    assert notes == []
    words = " ".join(heard.read_text(encoding="utf-8").split())
    assert words == "Cat-cow. Halfway. 3 2 1"


def test_a_missing_command_gives_one_clear_note(tmp_path: Path) -> None:
    notes: list[str] = []
    rings: list[int] = []
    voice = Voice(
        speak=True,
        command=[str(tmp_path / "no-such-speaker")],
        bell=lambda: rings.append(1),
        note=notes.append,
    )
    voice.say("Hold.")
    voice.say("Halfway.")
    voice.ring()
    voice.close()
    assert notes == [MISSING_NOTE]
    assert "apt-get install espeak-ng" in MISSING_NOTE
    assert rings == [1]  # the bell still rings without a voice


def test_mute_silences_voice_and_bell(tmp_path: Path) -> None:
    script, heard = _speaker(tmp_path)
    notes: list[str] = []
    rings: list[int] = []
    voice = Voice(
        speak=True,
        mute=True,
        command=[str(script)],
        bell=lambda: rings.append(1),
        note=notes.append,
    )
    voice.say("Hold.")
    voice.ring()
    voice.close(wait=1)
    assert not heard.exists() and rings == [] and notes == []


def test_start_with_voice_speaks_the_session(plan_file: Path, sqlite_url: str) -> None:
    script, heard = _speaker(plan_file.parent)
    done = run_start(
        "--plan",
        str(plan_file),
        "--database-url",
        sqlite_url,
        "--voice",
        answers="\n\n",
        SUPPLE_SPEECH_COMMAND=str(script),
    )
    assert done.returncode == 0, done.stderr
    wait_until(lambda: "Well done" in heard.read_text(encoding="utf-8"), what="the last words")
    said = " ".join(heard.read_text(encoding="utf-8").split())
    for words in (
        "Single knee-to-chest.",
        "Switch sides: now the right side.",
        "Ease off if it hurts — never stretch into pain.",
        "Breathe in, let the belly sink a little.",
        "That is the end of today's routine. Well done.",
    ):
        assert words in said
    assert said.index("Single knee-to-chest.") < said.index("Cat-cow.")


def test_start_without_espeak_says_so_once(plan_file: Path, sqlite_url: str) -> None:
    done = run_start(
        "--plan",
        str(plan_file),
        "--database-url",
        sqlite_url,
        "--voice",
        answers="\n\n",
        SUPPLE_SPEECH_COMMAND="/nonexistent/espeak-ng",
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("Voice is off: espeak-ng is not installed") == 1
    muted = run_start(
        "--plan", str(plan_file), "--database-url", sqlite_url, "--voice", "--mute", answers="\n\n"
    )
    assert "Voice is off" not in muted.stderr


def _speech(plan: dict[str, object], countdown: int) -> list[Utterance]:
    from supple.app import sessions
    from supple.library import load_library
    from supple.planner.model import Plan

    found = sessions.timeline(Plan.model_validate(plan), load_library(), countdown_s=countdown)
    return found.speech


def test_the_estimates_are_not_shorter_than_espeak(tmp_path: Path) -> None:
    """The schedule's lengths of speech hold for the real engine: espeak-ng's recordings of
    the words it says are no longer than estimated (bounded: 40 texts)."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is missing: run `bash scripts/system-deps.sh`", pytrace=False)
    texts = sorted({u.text for u in _speech(PLAN, 5)})[:40]
    assert len(texts) > 10
    for n, text in enumerate(texts):
        wav = tmp_path / f"{n}.wav"
        subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), text], check=True, timeout=20)
        with wave.open(str(wav)) as recording:
            seconds = recording.getnframes() / recording.getframerate()
        assert seconds <= spoken_seconds(text) + 0.25, (text, seconds)


#: A speaker that logs when each utterance starts and ends, and talks for the time in its table
#: (a little under the estimate, as the real engine does: see the test above).
TIMED_SPEAKER = """#!{python}
import json, sys, time
start = time.monotonic()
text = sys.argv[-1]
time.sleep(json.load(open({table!r}, encoding="utf-8")).get(text, 0.1))
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(f"{{start}}\\t{{time.monotonic()}}\\t{{text}}\\n")
"""
#: One standing move that flows: a name, counts, its instruction and safety line, breaths.
FLOWING: dict[str, object] = {
    "status": "plan",
    "items": [
        {
            "exercise": "shoulder_rolls",
            "name": "Shoulder rolls",
            "position": "standing",
            "sided": False,
            "duration_s": 24,
            "seconds": 29,
            "why": "a test",
        }
    ],
    "total_seconds": 29,
}


@pytest.mark.slow
def test_the_terminal_says_the_schedule_on_time(tmp_path: Path, sqlite_url: str) -> None:
    """Item 6: the cue log of a real `supple start --voice` against the timeline: every
    utterance is said, each within 0.5 s of its moment, each done before the next starts."""
    scale = 2.0
    planned = _speech(FLOWING, 5)
    assert {"count", "do", "safety", "inhale", "end"} <= {k for u in planned for k in u.kinds}
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(FLOWING), encoding="utf-8")
    table = tmp_path / "seconds.json"
    table.write_text(json.dumps({u.text: 0.8 * u.seconds / scale for u in planned}))
    log = tmp_path / "said.log"
    speaker = tmp_path / "speak"
    script = TIMED_SPEAKER.format(python=sys.executable, table=str(table), log=str(log))
    speaker.write_text(script, encoding="utf-8")
    speaker.chmod(speaker.stat().st_mode | stat.S_IEXEC)
    done = run_start(
        "--plan",
        str(plan_file),
        "--database-url",
        sqlite_url,
        "--voice",
        answers="\n\n",
        SUPPLE_SPEECH_COMMAND=str(speaker),
        SUPPLE_TIME_SCALE=str(scale),
    )
    assert done.returncode == 0, done.stderr
    wait_until(lambda: "Well done" in log.read_text(encoding="utf-8"), what="the last words")
    rows = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()]
    heard = [(float(a), float(b), text) for a, b, text in rows]
    # A count is dropped when the speaker is still busy (voice.py): on a loaded machine the
    # speaker can run late, so counts may be missing; every other utterance is said, in order.
    said = iter(text for _, _, text in heard)
    kept, text = [], next(said, None)
    for u in planned:
        if u.text == text:
            kept.append(u)
            text = next(said, None)
        else:
            assert u.kinds == ["count"], f"not said: {u}"
    assert text is None and len(kept) >= len(planned) - 2, "said out of order"
    planned = kept
    origin = heard[0][0] - planned[0].at / scale  # the first words anchor the session clock
    for n, ((start, end, _), u) in enumerate(zip(heard, planned, strict=True)):
        assert (start - origin) * scale - u.at <= 0.5, u  # never late by more than 0.5 s
        if n + 1 < len(heard):
            assert end <= heard[n + 1][0] + 0.01, u  # never over the next words
