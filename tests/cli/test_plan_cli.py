"""`supple check`, `supple plan` and `supple program` through the real entry point."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from supple.cli.app import main
from supple.safety import Profile
from supple.store import Store

Run = tuple[int, str, str]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'supple.db'}"
    monkeypatch.setenv("SUPPLE_DATABASE_URL", url)
    monkeypatch.setenv("COLUMNS", "250")
    return url


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> Run:
    monkeypatch.setattr(sys, "argv", ["supple", *args])
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(result: Run, *words: str) -> None:
    code, _, err = result
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("supple: error:"), err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


@pytest.mark.usefixtures("db")
class TestPlan:
    def test_json_follows_the_schema(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(
            capsys,
            monkeypatch,
            "plan",
            "--json",
            "--minutes",
            "12",
            "--seed",
            "4",
            "--date",
            "2026-03-01",
            "--pain-areas",
            "lower_back,neck",
        )
        assert code == 0
        data = json.loads(out)
        assert {"status", "referral", "items", "total_seconds", "bias", "excluded"} <= set(data)
        assert data["status"] == "plan" and data["referral"] is None
        for item in data["items"]:
            assert {
                "exercise",
                "name",
                "position",
                "sided",
                "hold_s",
                "reps",
                "sets",
                "seconds",
                "why",
            } <= set(item)
        assert abs(data["total_seconds"] - 720) <= 72
        assert all({"exercise", "rule"} <= set(e) for e in data["excluded"])

    def test_seed_and_date_make_it_reproducible(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        args = ("plan", "--json", "--seed", "9", "--date", "2026-05-05")
        first = run(capsys, monkeypatch, *args)[1]
        assert run(capsys, monkeypatch, *args)[1] == first

    def test_emergency_gives_no_exercises(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(capsys, monkeypatch, "plan", "--json", "--red-flag", "saddle_numbness")
        data = json.loads(out)
        assert code == 0 and data["status"] == "refer" and data["items"] == []
        assert data["referral"]["urgency"] == "emergency"

    def test_readable_layout(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(
            capsys,
            monkeypatch,
            "plan",
            "--age",
            "55",
            "--pain-weeks",
            "1",
            "--minutes",
            "10",
            "--seed",
            "1",
        )
        assert code == 0
        assert "Get checked soon" in out and "Your routine" in out and "Total" in out
        assert "--explain" in out

    def test_explain_lists_rules(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(capsys, monkeypatch, "plan", "--no-floor", "--explain", "--seed", "1")
        assert code == 0 and "rule no_floor" in out

    def test_profile_file_and_flags(self, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "me.yaml"
        path.write_text("pain_areas: [neck]\nminutes: 8\nconditions: [wrist_problem]\n")
        code, out, _ = run(
            capsys, monkeypatch, "plan", "--profile", str(path), "--json", "--minutes", "6"
        )
        data = json.loads(out)
        assert code == 0 and abs(data["total_seconds"] - 360) <= 36
        ids = {i["exercise"] for i in data["items"]}
        assert "cat_cow" not in ids  # weight on the wrists
        rules = {e["exercise"]: e["rule"] for e in data["excluded"]}
        assert "wrist_problem_no_weight_on_hands" in rules["cat_cow"]

    def test_json_profile_file(self, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "me.json"
        path.write_text(json.dumps({"pain_now": 8, "minutes": 5}))
        data = json.loads(run(capsys, monkeypatch, "plan", "--profile", str(path), "--json")[1])
        assert data["gentle"] is True


@pytest.mark.usefixtures("db")
class TestPlanErrors:
    def test_unknown_field(self, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "p.yaml"
        path.write_text("pain_now: 3\nmood: grumpy\n")
        one_line_error(run(capsys, monkeypatch, "plan", "--profile", str(path)), "mood")

    def test_out_of_range(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        one_line_error(run(capsys, monkeypatch, "plan", "--pain-now", "12"), "pain_now")
        one_line_error(run(capsys, monkeypatch, "plan", "--minutes", "90"), "minutes")

    def test_pregnancy_weeks_without_pregnancy(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        one_line_error(
            run(capsys, monkeypatch, "plan", "--pregnancy-weeks", "10"), "pregnancy_weeks"
        )

    def test_unknown_condition(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        one_line_error(run(capsys, monkeypatch, "plan", "--condition", "gout"), "conditions")

    def test_bad_file_and_date(self, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        one_line_error(
            run(capsys, monkeypatch, "plan", "--profile", str(tmp_path / "missing.yaml")),
            "cannot read",
        )
        bad = tmp_path / "bad.yaml"
        bad.write_text("pain_now: [1\n")
        one_line_error(run(capsys, monkeypatch, "plan", "--profile", str(bad)), "bad.yaml")
        one_line_error(run(capsys, monkeypatch, "plan", "--date", "tomorrow"), "--date")


@pytest.mark.usefixtures("db")
class TestProgram:
    def test_holds_grow_within_safe_ranges(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(
            capsys,
            monkeypatch,
            "program",
            "--weeks",
            "5",
            "--json",
            "--seed",
            "2",
            "--start",
            "2026-01-05",
        )
        assert code == 0
        data = json.loads(out)
        assert [w["week"] for w in data["weeks"]] == [1, 2, 3, 4, 5]
        assert [w["hold_step"] for w in data["weeks"]] == [0, 1, 2, 3, 4]

    def test_readable_and_errors(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(capsys, monkeypatch, "program", "--weeks", "2", "--seed", "1")
        assert code == 0 and "Week 1" in out and "Week 2" in out
        one_line_error(run(capsys, monkeypatch, "program", "--weeks", "0"), "--weeks")

    def test_referral_stops_the_programme(self, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(capsys, monkeypatch, "program", "--condition", "recent_spinal_surgery")
        assert code == 0 and "No programme" in out


def _answers(**overrides: str) -> str:
    """Typed answers for `supple check`, in question order."""
    lines = {
        "pain_areas": "1,5",
        "pain_now": "4",
        "pain_weeks": "2",
        "eases_with": "5",
        "worse_with": "3",
        "conditions": "",
        "age": "40",
        # the red flags asked of a 40-year-old with lower back and hip pain of 2 weeks
        **{f"flag{n}": "n" for n in range(16)},
        "floor": "y",
        "kneel": "y",
        "front": "n",
        "equipment": "1,2,3",
        "minutes": "12",
    }
    lines.update(overrides)
    return "\n".join(lines.values()) + "\n"


class TestCheck:
    def test_questionnaire_saves_yaml_and_store(self, db, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        out_file = tmp_path / "answers.yaml"
        code, out, err = run(
            capsys, monkeypatch, "check", "--output", str(out_file), stdin=_answers()
        )
        assert code == 0, err
        assert "Nothing in your answers needs checking first" in out
        import yaml

        saved = Profile.model_validate(yaml.safe_load(out_file.read_text()))
        assert saved.pain_areas == ["lower_back", "hip"]
        assert saved.eases_with == ["walking"] and saved.worse_with == ["sitting"]
        assert saved.can_lie_on_front is False and saved.minutes == 12
        assert saved.equipment == ["mat", "towel_or_strap", "chair"]
        with Store.open(db) as store:
            assert store.latest_profile() == saved
        # `supple plan` now uses the saved answers.
        data = json.loads(run(capsys, monkeypatch, "plan", "--json", "--seed", "1")[1])
        assert abs(data["total_seconds"] - 720) <= 72
        assert not any(i["position"] == "prone" for i in data["items"])

    def test_red_flag_answer_refers(self, db, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        code, out, _ = run(capsys, monkeypatch, "check", "--no-store", stdin=_answers(flag4="y"))
        assert code == 0 and "Get checked now" in out

    def test_bad_answers_are_asked_again(self, db, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        stdin = _answers(pain_now="eleven\n11\n6", pain_areas="9\n1")
        code, out, _ = run(capsys, monkeypatch, "check", "--no-store", stdin=stdin)
        assert code == 0
        assert "Please type a number" in out and "from 0 to 10" in out
        assert "Please pick numbers from 1 to 5" in out


STEP_ONLY = """\
id: step_only_move
name: Step-only move
kind: stretch
level: 1
regions: [lower_back]
position: standing
equipment: [step]
sided: false
dose: {hold_s: 20, hold_min_s: 10, hold_max_s: 30}
purpose: A test move that needs a step and nothing else.
steps: [Stand on the step., Breathe.]
breathing: Slow and even.
feel: A mild stretch.
mistakes: [Rushing.]
stop_if: [It hurts.]
"""


def test_a_library_with_nothing_allowed(db, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from supple.library import load_library

    (tmp_path / "step_only_move.yaml").write_text(STEP_ONLY)
    monkeypatch.setenv("SUPPLE_LIBRARY_DIR", str(tmp_path))
    load_library.cache_clear()
    try:
        code, out, _ = run(capsys, monkeypatch, "plan", "--explain", "--seed", "1")
        data = json.loads(run(capsys, monkeypatch, "plan", "--json", "--seed", "1")[1])
    finally:
        load_library.cache_clear()
    assert code == 0 and "No exercise in the library fits these answers" in out
    assert "rule missing_equipment" in out
    assert data["items"] == [] and data["total_seconds"] == 0
    assert any("could be filled" in a for a in data["advice"])
