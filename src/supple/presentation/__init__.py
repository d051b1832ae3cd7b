"""Words for people: one place where the domain's codes become sentences.

The domain hands back codes and their parts (:class:`supple.planner.phrase.Phrase`); the
command line (Rich), the web pages (Jinja filters, ``supple.web.filters``) and the coming PDF
handout all say them through here, so a dose, a duration or a verdict reads the same
everywhere, and a translation has one table to replace (``phrases``).

- ``words``: terms, positions, areas, lists, clock times, lengths of time, doses (in a line,
  or as a sentence for print);
- ``phrases``: every phrase's words, by code (``say``);
- ``render``: plans, programmes and timelines with their words filled in;
- ``verdicts``: pain and PSFS change.

The names load on first use, so a command that needs a few words does not load them all.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supple.presentation.phrases import say, say_all
    from supple.presentation.render import (
        cue_text,
        render_plan,
        render_programme,
        render_timeline,
        segment_title,
        why,
    )
    from supple.presentation.screens import (
        advice_elsewhere,
        answer_problem,
        answer_problems,
        both_ways_words,
        emergency_number,
        equipment_words,
        level_words,
        other_names,
        rescreen_words,
        resume_words,
        status_word,
        when_words,
        without_rule_id,
    )
    from supple.presentation.verdicts import pain_verdict, psfs_verdict
    from supple.presentation.words import (
        area,
        clock,
        countdown,
        dose_sentence,
        entry_dose,
        item_dose,
        item_time,
        join_words,
        minutes_of,
        plural,
        position,
        seconds_words,
        term,
        terms,
        times_words,
        timestamp,
    )

_HOMES = {
    **dict.fromkeys(("say", "say_all"), "phrases"),
    **dict.fromkeys(
        ("cue_text", "render_plan", "render_programme", "render_timeline", "segment_title", "why"),
        "render",
    ),
    **dict.fromkeys(("pain_verdict", "psfs_verdict"), "verdicts"),
    **dict.fromkeys(
        (
            "advice_elsewhere",
            "answer_problem",
            "answer_problems",
            "both_ways_words",
            "emergency_number",
            "equipment_words",
            "level_words",
            "other_names",
            "rescreen_words",
            "resume_words",
            "status_word",
            "when_words",
            "without_rule_id",
        ),
        "screens",
    ),
    **dict.fromkeys(
        (
            "area",
            "clock",
            "countdown",
            "dose_sentence",
            "entry_dose",
            "item_dose",
            "item_time",
            "join_words",
            "minutes_of",
            "plural",
            "position",
            "seconds_words",
            "term",
            "terms",
            "times_words",
            "timestamp",
        ),
        "words",
    ),
}

__all__ = [
    "advice_elsewhere",
    "answer_problem",
    "answer_problems",
    "area",
    "both_ways_words",
    "clock",
    "countdown",
    "cue_text",
    "dose_sentence",
    "emergency_number",
    "entry_dose",
    "equipment_words",
    "item_dose",
    "item_time",
    "join_words",
    "level_words",
    "minutes_of",
    "other_names",
    "pain_verdict",
    "plural",
    "position",
    "psfs_verdict",
    "render_plan",
    "render_programme",
    "render_timeline",
    "rescreen_words",
    "resume_words",
    "say",
    "say_all",
    "seconds_words",
    "segment_title",
    "status_word",
    "term",
    "terms",
    "times_words",
    "timestamp",
    "when_words",
    "why",
    "without_rule_id",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"supple.presentation.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'supple.presentation' has no attribute '{name}'")
