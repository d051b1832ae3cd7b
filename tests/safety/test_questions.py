"""The questionnaire covers every answer field and vocabulary; profile input gives one line."""

from __future__ import annotations

from datetime import date

import pytest

from supple.library.vocab import EQUIPMENT
from supple.safety import Profile, load_rules
from supple.safety.profile import (
    ACTIVITIES,
    CONDITIONS,
    HIP_APPROACHES,
    PAIN_AREAS,
    RED_FLAGS,
)
from supple.safety.profile_input import (
    ProfileError,
    parse_document,
    profile_from,
    profile_to_yaml,
)
from supple.safety.questions import (
    CLEARANCE_QUESTION,
    QUESTIONS,
    AnswerError,
    Question,
    parse_answer,
    parse_check,
    parse_clearance,
)


def test_every_field_is_asked() -> None:
    assert {q.field for q in QUESTIONS} == set(Profile.model_fields)


def test_every_red_flag_is_asked_on_its_own() -> None:
    asked = [q.flag for q in QUESTIONS if q.kind == "red_flag"]
    assert sorted(asked) == sorted(RED_FLAGS)


@pytest.mark.parametrize(
    ("field", "vocab"),
    [
        ("pain_areas", PAIN_AREAS),
        ("eases_with", ACTIVITIES),
        ("worse_with", ACTIVITIES),
        ("conditions", CONDITIONS),
        ("equipment", EQUIPMENT),
        ("hip_replacement_approach", HIP_APPROACHES),
    ],
)
def test_choices_cover_the_vocabulary(field: str, vocab: tuple[str, ...]) -> None:
    question = next(q for q in QUESTIONS if q.field == field)
    assert [value for value, _ in question.choices] == list(vocab)


def _flag(flag: str):  # type: ignore[no-untyped-def]
    return next(q for q in QUESTIONS if q.flag == flag)


@pytest.mark.parametrize(
    ("flag", "asked", "skipped"),
    [
        ("stroke_like_signs", {"pain_areas": ["neck"]}, {"pain_areas": ["lower_back"]}),
        ("thoracic_pain_non_mechanical", {"pain_areas": ["upper_back"]}, {"pain_areas": ["hip"]}),
        ("pregnancy_warning_signs", {"conditions": ["pregnancy"]}, {"conditions": []}),
        ("pulsing_abdominal_pain", {"age": 51}, {"age": 50}),
        ("morning_stiffness_over_30_min", {"pain_weeks": 13}, {"pain_weeks": 12}),
        ("bladder_or_bowel_change", {}, None),
    ],
)
def test_some_red_flags_are_asked_only_of_some_people(
    flag: str, asked: dict[str, object], skipped: dict[str, object] | None
) -> None:
    question = _flag(flag)
    assert question.asked_if(asked)
    if skipped is not None:
        assert not question.asked_if(skipped)
        assert question.hint.startswith("only if")


def test_the_clearance_follow_up_is_offered_for_clearable_flags_only() -> None:
    clearable = load_rules().clearable_flags()
    for q in QUESTIONS:
        if q.kind == "red_flag":
            assert q.clearable == (q.flag in clearable), q.flag
    assert not _flag("saddle_numbness").clearable
    assert _flag("cancer_history").clearable
    assert CLEARANCE_QUESTION == "Has a doctor or physio already checked this?"


def test_the_bout_clearance_is_asked_when_a_clearable_rule_matches() -> None:
    bout = next(q for q in QUESTIONS if q.field == "cleared")
    assert bout.asked_if({"pain_weeks": 30, "pain_now": 6})
    assert bout.asked_if({"age": 70, "pain_weeks": 1})
    assert not bout.asked_if({"age": 40, "pain_weeks": 1, "pain_now": 3})


def test_parse_check_and_clearance() -> None:
    today = date(2026, 5, 4)
    assert parse_check(by="", on="", today=today) == ("a doctor or physio", today)
    assert parse_check(by=" Dr Lee ", on="2026-01-02", today=today) == ("Dr Lee", date(2026, 1, 2))
    cleared = parse_clearance("cancer_history", by="GP", on="2026-05-01", today=today)
    assert cleared.flag == "cancer_history" and cleared.on == date(2026, 5, 1)
    for on, message in [
        ("May 1st", "like 2026-03-01"),
        ("2026-05-05", "future"),
        ("2025-05-03", "12 months"),
    ]:
        with pytest.raises(AnswerError, match=message):
            parse_check(by="GP", on=on, today=today)


def test_follow_up_questions_depend_on_earlier_answers() -> None:
    weeks = next(q for q in QUESTIONS if q.field == "pregnancy_weeks")
    kneel = next(q for q in QUESTIONS if q.field == "can_kneel")
    assert not weeks.asked_if({"conditions": []})
    assert weeks.asked_if({"conditions": ["pregnancy"]})
    assert not kneel.asked_if({"can_get_to_floor": False})
    below = next(q for q in QUESTIONS if q.field == "leg_pain_below_knee")
    assert below.asked_if({"pain_areas": ["buttock_or_leg"]})
    assert not below.asked_if({"pain_areas": ["neck"]})
    kept = next(q for q in QUESTIONS if q.field == "hip_precautions_kept")
    assert kept.asked_if({"conditions": ["hip_replacement"], "hip_replacement_weeks": 12})
    assert not kept.asked_if({"conditions": ["hip_replacement"], "hip_replacement_weeks": 6})


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"mood": "low"}, "unknown field 'mood' in the profile"),
        ({"pain_now": 11}, "profile field 'pain_now':"),
        ({"minutes": 2}, "profile field 'minutes':"),
        ({"conditions": ["gout"]}, "profile field 'conditions[0]':"),
        ({"pregnancy_weeks": 8}, "pregnancy_weeks is given but conditions"),
        ({"eases_with": ["sitting"], "worse_with": ["sitting"]}, "sitting is in both"),
        ({"conditions": ["pregnancy"], "age": 61}, "pregnancy at age 61 does not fit"),
        ({"age": 11}, "profile field 'age':"),
        ({"age": 111}, "profile field 'age':"),
        ({"hip_replacement_weeks": 4}, "conditions does not include hip_replacement"),
        ({"hip_replacement_approach": "sideways"}, "profile field 'hip_replacement_approach':"),
        ({"cleared": [{"flag": "gout", "on": "2026-01-01", "by": "GP"}]}, "cleared[0]"),
        ({"cleared": [{"flag": "cancer_history", "on": "2026-01-01", "by": ""}]}, "cleared[0]"),
    ],
)
def test_profile_errors_are_one_line(answers: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from(answers)
    text = str(caught.value)
    assert message in text and "\n" not in text


def test_documents_round_trip() -> None:
    profile = Profile(
        pain_areas=["neck"],
        conditions=["pregnancy", "hip_replacement"],
        pregnancy_weeks=20,
        hip_replacement_approach="anterior",
        hip_replacement_weeks=7.5,
        red_flags=["cancer_history"],
        cleared=[{"flag": "cancer_history", "on": "2026-02-01", "by": "Dr Lee"}],
    )
    again = profile_from(parse_document(profile_to_yaml(profile), "p.yaml"))
    assert again == profile
    assert parse_document("", "empty.yaml") == {}
    with pytest.raises(ProfileError, match=r"p\.json"):
        parse_document("{nope", "p.json")
    with pytest.raises(ProfileError, match="expected a mapping"):
        parse_document("- 1\n- 2\n", "list.yaml")


def _question(field: str) -> Question:
    return next(q for q in QUESTIONS if q.field == field)


@pytest.mark.parametrize(
    ("field", "raw", "value"),
    [
        ("pain_now", " 7 ", 7),
        ("pain_weeks", "0.5", 0.5),
        ("age", "", None),
        ("pain_areas", "1, 3 1", ["lower_back", "neck"]),
        ("conditions", "", []),
        ("hip_replacement_approach", "2", "anterior"),
    ],
)
def test_parse_answer(field: str, raw: str, value: object) -> None:
    assert parse_answer(_question(field), raw) == value


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        ("pain_now", "seven", "type a number"),
        ("pain_now", "11", "from 0 to 10"),
        ("pain_now", "4.5", "whole number"),
        ("minutes", "", "type a number"),
        ("equipment", "0", "from 1 to 8"),
        ("equipment", "a,b", "numbers of your choices"),
        ("hip_replacement_approach", "1,2", "pick one number"),
        ("hip_replacement_approach", "", "pick one number"),
    ],
)
def test_parse_answer_explains_what_to_type(field: str, raw: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_answer(_question(field), raw)
