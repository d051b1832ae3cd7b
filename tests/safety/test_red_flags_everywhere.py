"""Every red flag is asked in the web screening and in `supple check`, and documented."""

from __future__ import annotations

import asyncio
import io
import sys
from datetime import date
from pathlib import Path

import httpx
import pytest
import yaml

from supple.cli.app import main
from supple.safety.profile import RED_FLAGS
from supple.safety.questions import QUESTIONS

ROOT = Path(__file__).resolve().parents[2]


def test_every_red_flag_is_in_the_safety_doc() -> None:
    text = (ROOT / "docs" / "safety.md").read_text("utf-8")
    for flag in RED_FLAGS:
        assert f"`{flag}`" in text, flag


def test_every_red_flag_is_asked_on_the_web(sqlite_url: str) -> None:
    from supple.store import Store
    from supple.web import create_app

    async def get_check() -> str:
        transport = httpx.ASGITransport(app=create_app(store=store))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            response = await c.get("/check")
            assert response.status_code == 200
            return response.text

    store = Store.open(sqlite_url)
    try:
        page = asyncio.run(get_check())
    finally:
        store.close()
    for flag in RED_FLAGS:
        assert f'name="flag_{flag}"' in page, flag
    clearable = [q.flag for q in QUESTIONS if q.clearable]
    assert clearable
    for flag in clearable:  # the follow-up after a yes
        assert f'name="cleared_{flag}"' in page, flag
    assert "Has a doctor or physio already checked this?" in page


def _check(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, out: Path
) -> str:
    monkeypatch.setattr(sys, "argv", ["supple", "check", "--no-store", "--output", str(out)])
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setenv("COLUMNS", "250")
    with pytest.raises(SystemExit) as ended:
        main()
    assert ended.value.code in (0, None)
    return capsys.readouterr().out


def _answers(flag_answers: dict[str, list[str]]) -> str:
    """Typed answers, in question order, for a pregnant 55-year-old with neck, back and leg
    pain of 20 weeks (so every red flag is asked); ``flag_answers`` answers the flags."""
    lines = ["1,2,3,4", "n", "4", "20", "", "", "1", "20", "55"]
    for q in QUESTIONS:
        if q.kind == "red_flag":
            lines += flag_answers.get(q.flag, ["n"])
    lines += ["y", "y", "y", "", "10"]
    return "\n".join(lines) + "\n"


def test_every_red_flag_is_asked_by_supple_check(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clearable = {q.flag for q in QUESTIONS if q.clearable}
    yes = {f: ["y", "n"] if f in clearable else ["y"] for f in RED_FLAGS}
    out = _check(monkeypatch, capsys, _answers(yes), tmp_path / "answers.yaml")
    for q in QUESTIONS:
        if q.kind == "red_flag":
            assert q.text in out, q.flag
    saved = yaml.safe_load((tmp_path / "answers.yaml").read_text("utf-8"))
    assert sorted(saved["red_flags"]) == sorted(RED_FLAGS)
    assert "Get checked now" in out


def test_supple_check_records_a_clinicians_check(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    on = date.today().replace(day=1).isoformat()
    answers = _answers({"cancer_history": ["y", "y", "Dr Lee", on]})
    out = _check(monkeypatch, capsys, answers, tmp_path / "answers.yaml")
    assert "Has a doctor or physio already checked this?" in out
    saved = yaml.safe_load((tmp_path / "answers.yaml").read_text("utf-8"))
    assert saved["cleared"] == [{"flag": "cancer_history", "on": on, "by": "Dr Lee"}]
