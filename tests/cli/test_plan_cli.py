"""`supple check`, `supple plan` and `supple program` through the real entry point."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, Protocol

import pytest

from supple.app.screening import suggested_answers
from supple.cli.app import main
from supple.safety import Profile
from supple.safety.questions import QUESTIONS
from tests.records import person_records

Run = tuple[int, str, str]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'supple.db'}"
    monkeypatch.setenv("SUPPLE_DATABASE_URL", url)
    monkeypatch.setenv("COLUMNS", "250")
    return url


class Supple(Protocol):
    """Runs ``supple ARGS`` in-process with ``stdin`` and returns (code, stdout, stderr)."""

    def __call__(self, *args: str, stdin: str = "") -> Run: ...


@pytest.fixture
def supple(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Supple:
    def run(*args: str, stdin: str = "") -> Run:
        monkeypatch.setattr(sys, "argv", ["supple", *args])
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


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
    def test_json_follows_the_schema(self, supple: Supple) -> None:
        code, out, _ = supple(
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

    def test_seed_and_date_make_it_reproducible(self, supple: Supple) -> None:
        args = ("plan", "--json", "--seed", "9", "--date", "2026-05-05")
        first = supple(*args)[1]
        assert supple(*args)[1] == first

    def test_emergency_gives_no_exercises(self, supple: Supple) -> None:
        code, out, _ = supple("plan", "--json", "--red-flag", "saddle_numbness")
        data = json.loads(out)
        assert code == 0 and data["status"] == "refer" and data["items"] == []
        assert data["referral"]["urgency"] == "emergency"

    def test_readable_layout(self, supple: Supple) -> None:
        code, out, _ = supple(
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

    def test_explain_lists_rules(self, supple: Supple) -> None:
        code, out, _ = supple("plan", "--no-floor", "--explain", "--seed", "1")
        assert code == 0 and "rule no_floor" in out

    def test_profile_file_and_flags(self, tmp_path: Path, supple: Supple) -> None:
        path = tmp_path / "me.yaml"
        path.write_text("pain_areas: [neck]\nminutes: 8\nconditions: [wrist_problem]\n")
        code, out, _ = supple("plan", "--profile", str(path), "--json", "--minutes", "6")
        data = json.loads(out)
        assert code == 0 and abs(data["total_seconds"] - 360) <= 36
        ids = {i["exercise"] for i in data["items"]}
        assert "cat_cow" not in ids  # weight on the wrists
        rules = {e["exercise"]: e["rule"] for e in data["excluded"]}
        assert "wrist_problem_no_weight_on_hands" in rules["cat_cow"]

    def test_json_profile_file(self, tmp_path: Path, supple: Supple) -> None:
        path = tmp_path / "me.json"
        path.write_text(json.dumps({"pain_now": 8, "minutes": 5}))
        data = json.loads(supple("plan", "--profile", str(path), "--json")[1])
        assert data["gentle"] is True


@pytest.mark.usefixtures("db")
class TestPlanErrors:
    def test_unknown_field(self, tmp_path: Path, supple: Supple) -> None:
        path = tmp_path / "p.yaml"
        path.write_text("pain_now: 3\nmood: grumpy\n")
        one_line_error(supple("plan", "--profile", str(path)), "mood")

    def test_out_of_range(self, supple: Supple) -> None:
        """Item 21: the answer is named in plain words, with the flag that set it."""
        pain = supple("plan", "--pain-now", "12")
        one_line_error(pain, "How bad it is now: give a number from 0 to 10 (--pain-now).")
        one_line_error(supple("plan", "--minutes", "90"), "Minutes per day: give a number from")
        assert "profile field" not in pain[2] and "Input should" not in pain[2]

    def test_a_flag_that_is_no_number_is_a_sentence(self, supple: Supple) -> None:
        one_line_error(supple("plan", "--minutes", "abc"), "--minutes needs a whole number")
        one_line_error(supple("start", "--minutes", "99"), "--minutes must be a number from 3")

    def test_pregnancy_weeks_without_pregnancy(self, supple: Supple) -> None:
        one_line_error(
            supple("plan", "--pregnancy-weeks", "10"), "“I am pregnant” is not among your answers"
        )

    def test_unknown_condition(self, supple: Supple) -> None:
        one_line_error(supple("plan", "--condition", "gout"), "“gout” is not one of the choices")

    def test_bad_file_and_date(self, tmp_path: Path, supple: Supple) -> None:
        one_line_error(
            supple("plan", "--profile", str(tmp_path / "missing.yaml")),
            "cannot read",
        )
        bad = tmp_path / "bad.yaml"
        bad.write_text("pain_now: [1\n")
        one_line_error(supple("plan", "--profile", str(bad)), "bad.yaml")
        one_line_error(supple("plan", "--date", "tomorrow"), "--date")


@pytest.mark.usefixtures("db")
class TestProgram:
    def test_holds_grow_within_safe_ranges(self, supple: Supple) -> None:
        code, out, _ = supple(
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

    def test_readable_and_errors(self, supple: Supple) -> None:
        code, out, _ = supple("program", "--weeks", "2", "--seed", "1")
        assert code == 0 and "Week 1" in out and "Week 2" in out
        one_line_error(supple("program", "--weeks", "0"), "--weeks")

    def test_referral_stops_the_programme(self, supple: Supple) -> None:
        code, out, _ = supple("program", "--condition", "recent_spinal_surgery")
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
    def test_questionnaire_saves_yaml_and_store(
        self, db: str, tmp_path: Path, supple: Supple
    ) -> None:
        out_file = tmp_path / "answers.yaml"
        code, out, err = supple("check", "--output", str(out_file), stdin=_answers())
        assert code == 0, err
        assert "Nothing in your answers needs checking first" in out
        import yaml

        saved = Profile.model_validate(yaml.safe_load(out_file.read_text()))
        assert saved.pain_areas == ["lower_back", "hip"]
        assert saved.eases_with == ["walking"] and saved.worse_with == ["sitting"]
        assert saved.can_lie_on_front is False and saved.minutes == 12
        assert saved.equipment == ["mat", "towel_or_strap", "chair"]
        with person_records(db) as store:
            assert store.latest_profile() == saved
        # `supple plan` now uses the saved answers.
        data = json.loads(supple("plan", "--json", "--seed", "1")[1])
        assert abs(data["total_seconds"] - 720) <= 72
        assert not any(i["position"] == "prone" for i in data["items"])

    def test_red_flag_answer_refers(self, db: str, supple: Supple) -> None:
        code, out, _ = supple("check", "--no-store", stdin=_answers(flag4="y"))
        assert code == 0 and "Get checked now" in out

    def test_bad_answers_are_asked_again(self, db: str, supple: Supple) -> None:
        stdin = _answers(pain_now="eleven\n11\n6", pain_areas="9\n1")
        code, out, _ = supple("check", "--no-store", stdin=stdin)
        assert code == 0
        assert "Please type a number" in out and "from 0 to 10" in out
        assert "Please pick numbers from 1 to 5" in out

    def test_an_answers_file_is_saved_without_asking(
        self, db: str, tmp_path: Path, supple: Supple
    ) -> None:
        """Item 20: a profile file (YAML or JSON) instead of the questions, nothing read from
        the keyboard, the same checks and one-line errors."""
        calm = tmp_path / "calm.yaml"
        calm.write_text("pain_areas: [neck]\npain_now: 4\npain_weeks: 3\nminutes: 10\n")
        code, out, err = supple("check", "--answers", str(calm))  # stdin is empty
        assert code == 0, err
        assert "Answers saved" in out and "Nothing in your answers needs checking first" in out
        with person_records(db) as store:
            saved = store.latest_profile()
        assert saved is not None and (saved.pain_areas, saved.minutes) == (["neck"], 10)
        urgent = tmp_path / "urgent.json"
        urgent.write_text(json.dumps({"pain_now": 4, "red_flags": ["bladder_or_bowel_change"]}))
        assert "Get checked now" in supple("check", "--answers", str(urgent))[1]
        bad = tmp_path / "bad.yaml"
        bad.write_text("pain_now: 14\n")
        one_line_error(supple("check", "--answers", str(bad)), "bad.yaml", "from 0 to 10")
        one_line_error(supple("check", "--answers", str(tmp_path / "gone.yaml")), "cannot read")
        with person_records(db) as store:
            assert store.latest_profile() == Profile.model_validate(json.loads(urgent.read_text()))


def test_help_lists_the_commands_in_journey_order(db: str, supple: Supple) -> None:
    """Item 21: check, plan, start, log, progress first, each with a whole sentence (a wide
    terminal, from ``db``, so that none wraps)."""
    code, out, _ = supple("--help")
    assert code == 0
    rows = [line.split(None, 1) for line in out.split("Commands:")[1].splitlines() if line.strip()]
    assert [name for name, _ in rows][:5] == ["check", "plan", "start", "log", "progress"]
    for name, text in rows:
        assert text.strip().endswith(".") and "(s)" not in text, name


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


def test_a_library_with_nothing_allowed(
    db: str, tmp_path: Path, supple: Supple, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supple.library import load_library

    (tmp_path / "step_only_move.yaml").write_text(STEP_ONLY)
    monkeypatch.setenv("SUPPLE_LIBRARY_DIR", str(tmp_path))
    load_library.cache_clear()
    try:
        code, out, _ = supple("plan", "--explain", "--seed", "1")
        data = json.loads(supple("plan", "--json", "--seed", "1")[1])
    finally:
        load_library.cache_clear()
    assert code == 0 and "No exercise in the library fits these answers" in out
    assert "rule missing_equipment" in out
    assert data["items"] == [] and data["total_seconds"] == 0
    assert any("could be filled" in a for a in data["advice"])


def _check_script(*, equipment: str = "") -> tuple[str, int]:
    """What to type to `supple check` to give the profile's defaults: Enter where a suggestion
    stands, a refused Enter then the answer where one is needed (where it hurts, how much, how
    long, each safety question); and how many Enters were refused."""
    needed = {"pain_areas": "1", "pain_now": "3", "pain_weeks": "2"}
    answers: dict[str, Any] = {"red_flags": [], "cleared": []}
    suggested = suggested_answers()
    lines, refused = [], 0
    for q in QUESTIONS:
        if not q.asked_if(answers):
            continue
        if q.field in needed or q.kind == "red_flag":
            lines += ["", needed.get(q.field, "n")]
            refused += 1
        elif q.field == "equipment" and equipment:
            lines.append(equipment)
        else:
            lines.append("")
        if q.kind not in ("red_flag", "clearance"):
            default = q.default if q.default is not None else suggested[q.field]
            answers[q.field] = default if q.field not in needed else Profile().model_dump()[q.field]
    return "\n".join(lines) + "\n", refused


def test_check_asks_until_each_needed_answer_is_given(db: str, supple: Supple) -> None:
    """Items 2 and 19: Enter answers no safety question, nor where it hurts, how much or how
    long; it accepts the suggestions the web form starts with too (household equipment)."""
    script, refused = _check_script()
    code, out, err = supple("check", stdin=script)
    assert code == 0, err
    assert "(1,2,3,4,5)" in out  # the household equipment, suggested by number
    assert out.count("Please answer y (yes) or n (no).") == refused - 3
    assert "Please say where it hurts" in out and out.count("Please type a number.") == 2
    with person_records(db) as store:
        assert store.latest_profile() == Profile()
    code, _, err = supple("check", stdin=_check_script(equipment="none")[0])
    with person_records(db) as store:
        latest = store.latest_profile()
    assert code == 0 and latest is not None and latest.equipment == []
