"""The packaged lessons: valid, sourced, short enough to read in two minutes, never a promise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from supple.library import TOPICS, Lesson, Lessons, LibraryError, UnknownLesson, load_lessons
from supple.library.lessons import READING_WPM, parse_lesson
from supple.library.loader import DATA, load_dir

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "src" / DATA.replace(".", "/") / "lessons"
FILES = sorted(FOLDER.glob("*.yaml"))
DOCS = ROOT / "docs" / "lessons.md"
LESSONS = load_lessons()
LIBRARY = load_dir(ROOT / "src" / DATA.replace(".", "/") / "exercises")

#: Words that promise too much or diagnose: the app never does either (README, docs/safety.md).
BANNED = [
    r"\bcur(e|es|ed|ing)\b",
    r"\bfix(es|ed)? (your|the) back\b",
    r"\bguarantee",
    r"\bmiracle",
    r"\bpermanent(ly)? (relief|pain[- ]free)",
    r"\bpain[- ]free for(ever| good)\b",
    r"\bnever come back\b",
    r"\byou have (a |an )?(slipped|herniated|bulging|prolapsed) disc\b",
    r"\byour (disc|spine) is (damaged|worn out|degenerating)\b",
]


GOOD = """
id: short_one
title: A short lesson
order: 1
minutes: 1
summary: One sentence that says what the lesson is about.
topics: [worry]
body:
  - First paragraph.
  - Second paragraph.
  - Third paragraph.
sources:
  - "Someone A. A study. J Pain 2015."
"""


def text_of(lesson: Lesson) -> str:
    return " ".join([lesson.title, lesson.summary, *lesson.body])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_lesson_file_validates_and_is_named_by_its_id(path: Path) -> None:
    assert parse_lesson(path.read_text(encoding="utf-8"), path.name).id == path.stem


def test_there_are_at_least_twelve_lessons_with_unique_ids_and_places() -> None:
    assert len(LESSONS) >= 12
    assert len(LESSONS) == len(FILES)
    assert len({lesson.order for lesson in LESSONS.values()}) == len(LESSONS)
    assert [lesson.order for lesson in LESSONS.in_order()] == sorted(
        lesson.order for lesson in LESSONS.values()
    )


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=list(LESSONS))
def test_each_lesson_reads_in_about_two_minutes(lesson: Lesson) -> None:
    assert 250 <= lesson.words <= 400, lesson.words
    assert lesson.minutes == 2
    assert lesson.words / READING_WPM <= lesson.minutes


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=list(LESSONS))
def test_each_lesson_cites_real_looking_sources(lesson: Lesson) -> None:
    assert lesson.sources
    for source in lesson.sources:
        # An author or body, a title and a year: enough for a reader to find it.
        assert re.search(r"\b(19|20)\d\d\b", source), source
        assert len(source) >= 30, source


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=list(LESSONS))
def test_no_lesson_promises_a_cure_or_names_a_diagnosis(lesson: Lesson) -> None:
    text = text_of(lesson).lower()
    found = [pattern for pattern in BANNED if re.search(pattern, text)]
    assert not found, found


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_has_a_lesson(topic: str) -> None:
    # The topics are the subjects issue 11 asks for (worry, flare-ups, walking, work, sleep, ...).
    assert LESSONS.about(topic), f"no lesson about {topic}"


@pytest.mark.parametrize("lesson_id", ["flare_ups", "flare_up_plan"])
def test_flare_up_lessons_say_when_to_get_checked(lesson_id: str) -> None:
    lesson = LESSONS[lesson_id]
    assert "flare_up" in lesson.topics
    text = text_of(lesson).lower()
    assert "get checked" in text, lesson.id
    assert "emergency department" in text, lesson.id


def test_the_flare_up_plan_has_the_parts_a_bad_day_needs() -> None:
    text = text_of(LESSONS["flare_up_plan"]).lower()
    for part in ("shorter, gentler routine", "moves", "pace the day", "get checked"):
        assert part in text, part
    assert {"walking", "body_scan"} <= set(LESSONS["flare_up_plan"].exercises)


def test_the_worry_lessons_come_first() -> None:
    # High worry leads with how pain works and why hurt is not harm (issue 11).
    first_two = [lesson.id for lesson in LESSONS.in_order()[:2]]
    assert first_two == ["how_back_pain_works", "hurt_is_not_harm"]
    assert all("worry" in LESSONS[i].topics for i in first_two)


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=list(LESSONS))
def test_moves_a_lesson_points_to_are_in_the_library(lesson: Lesson) -> None:
    for exercise_id in lesson.exercises:
        assert exercise_id in LIBRARY, exercise_id
        assert LIBRARY[exercise_id].avoid is None


def test_docs_list_every_lesson_with_its_sources() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for lesson in LESSONS.values():
        assert f"`{lesson.id}`" in docs, lesson.id
        assert lesson.title in docs, lesson.title
        for source in lesson.sources:
            first_author = source.split(",")[0].split(" ")[0]
            assert first_author in docs, (lesson.id, first_author)


def test_a_good_lesson_parses() -> None:
    lesson = parse_lesson(GOOD, "short_one.yaml")
    assert lesson.words == 6 and lesson.minutes == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("minutes: 1", "minutes: 3"), "minutes 3 does not match the text"),
        (('  - "Someone A. A study. J Pain 2015."', "  []"), "field 'sources'"),
        (("topics: [worry]", "topics: [gossip]"), "field 'topics.0'"),
        (("id: short_one", "id: other_one"), "must match the file name"),
        (("  - Third paragraph.", "  - '  '"), "empty paragraph"),
        (("title: A short lesson", "title: A short lesson\nmood: calm"), "field 'mood'"),
    ],
)
def test_a_broken_lesson_is_refused_with_one_line(change: tuple[str, str], message: str) -> None:
    text = GOOD.replace(*change)
    with pytest.raises(LibraryError, match=re.escape(message)) as caught:
        parse_lesson(text, "short_one.yaml")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("short_one.yaml")


def test_two_lessons_may_not_share_an_id_or_a_place() -> None:
    one = parse_lesson(GOOD, "short_one.yaml")
    with pytest.raises(LibraryError, match="appears twice"):
        Lessons([one, one])
    other = one.model_copy(update={"id": "other_one"})
    with pytest.raises(LibraryError, match="already taken by 'short_one'"):
        Lessons([one, other])


def test_an_unknown_lesson_suggests_the_closest_ids() -> None:
    with pytest.raises(UnknownLesson) as caught:
        LESSONS["flare_up_plans"]
    assert "flare_up_plan" in caught.value.suggestions
    assert "did you mean" in str(caught.value)
    with pytest.raises(KeyError):
        LESSONS["zzz"]


def test_lessons_are_cached_and_frozen() -> None:
    assert load_lessons() is LESSONS
    with pytest.raises(ValueError):
        LESSONS["sleep"].title = "Changed"  # type: ignore[misc]
