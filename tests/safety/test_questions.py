"""The questionnaire covers every answer field and vocabulary; profile input gives one line."""

from __future__ import annotations

import pytest

from supple.library.vocab import EQUIPMENT
from supple.safety import Profile
from supple.safety.profile import ACTIVITIES, CONDITIONS, PAIN_AREAS, RED_FLAGS
from supple.safety.profile_input import (
    ProfileError,
    parse_document,
    profile_from,
    profile_to_yaml,
)
from supple.safety.questions import QUESTIONS, AnswerError, Question, parse_answer


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
    ],
)
def test_choices_cover_the_vocabulary(field: str, vocab: tuple[str, ...]) -> None:
    question = next(q for q in QUESTIONS if q.field == field)
    assert [value for value, _ in question.choices] == list(vocab)


def test_follow_up_questions_depend_on_earlier_answers() -> None:
    weeks = next(q for q in QUESTIONS if q.field == "pregnancy_weeks")
    kneel = next(q for q in QUESTIONS if q.field == "can_kneel")
    assert not weeks.asked_if({"conditions": []})
    assert weeks.asked_if({"conditions": ["pregnancy"]})
    assert not kneel.asked_if({"can_get_to_floor": False})


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"mood": "low"}, "unknown field 'mood' in the profile"),
        ({"pain_now": 11}, "profile field 'pain_now':"),
        ({"minutes": 2}, "profile field 'minutes':"),
        ({"conditions": ["gout"]}, "profile field 'conditions[0]':"),
        ({"pregnancy_weeks": 8}, "pregnancy_weeks is given but conditions"),
        ({"eases_with": ["sitting"], "worse_with": ["sitting"]}, "sitting is in both"),
    ],
)
def test_profile_errors_are_one_line(answers: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from(answers)
    text = str(caught.value)
    assert message in text and "\n" not in text


def test_documents_round_trip() -> None:
    profile = Profile(pain_areas=["neck"], conditions=["pregnancy"], pregnancy_weeks=20)
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
    ],
)
def test_parse_answer_explains_what_to_type(field: str, raw: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_answer(_question(field), raw)
