"""Voice: the words sent to the speech command, the missing-command note, the bell, mute."""

from __future__ import annotations

import stat
from pathlib import Path

from supple.cli.voice import MISSING_NOTE, Voice
from tests.coach.coachkit import run_start, wait_until


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
