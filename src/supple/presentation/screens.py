"""Words of the screens around the routine: answers that do not fit, how a session ended, the
library's other names and levels, the emergency number, re-screening, resuming."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from supple.presentation.words import plural

#: What each answer is called on the screens (never its field name).
FIELD_WORDS = {
    "pain_areas": "Where it hurts",
    "leg_pain_below_knee": "Pain below the knee",
    "pain_now": "How bad it is now",
    "pain_weeks": "How long it has lasted",
    "eases_with": "What makes it better",
    "worse_with": "What makes it worse",
    "red_flags": "The safety questions",
    "cleared": "Who checked it, and when",
    "conditions": "Your health",
    "pregnancy_weeks": "Weeks of pregnancy",
    "hip_replacement_approach": "How the hip was replaced",
    "hip_replacement_weeks": "Weeks since the hip replacement",
    "hip_precautions_kept": "Hip precautions",
    "age": "Your age",
    "can_get_to_floor": "Getting down to the floor",
    "can_kneel": "Kneeling",
    "can_lie_on_front": "Lying on your front",
    "equipment": "What you have at home",
    "minutes": "Minutes per day",
}
#: Where a screening step's answers live, for putting a message next to the right question.
_CONTRADICTIONS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"pregnancy_weeks is given"),
        "pregnancy_weeks",
        "Weeks of pregnancy are given, but “I am pregnant” is not among your answers: add it, "
        "or leave the weeks out.",
    ),
    (
        re.compile(r"pregnancy at age (\d+)"),
        "age",
        "Pregnancy at age {0} does not fit: check your age, or the list of health conditions.",
    ),
    (
        re.compile(r"hip replacement details are given"),
        "hip_replacement_weeks",
        "Details of a hip replacement are given, but “a hip replacement” is not among your "
        "answers: add it, or leave the details out.",
    ),
    (
        re.compile(r"(\w+) is in both eases_with and worse_with"),
        "worse_with",
        "{0} is given as making the pain both better and worse. Keep it on one side only, the "
        "one that is true most of the time: if a short spell helps but a long one hurts, and "
        "your spells are usually long, keep it under worse.",
    ),
)
_ACTIVITY = {
    "bending_forward": "bending forward",
    "bending_backward": "leaning backward",
    "lying_down": "lying down",
}


def _limits(field: str) -> tuple[float | None, float | None]:
    from supple.safety.profile import Profile

    info = Profile.model_fields.get(field)
    low = high = None
    for rule in info.metadata if info else ():
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    return low, high


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def answer_problem(error: Mapping[str, Any]) -> tuple[str, str]:
    """One problem of a set of answers (a pydantic error of ``Profile``) as (the answer it is
    about, a plain sentence): never a field name, never a validator's own words."""
    loc = [str(p) for p in error.get("loc", ())]
    kind = str(error.get("type", ""))
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    field = loc[0] if loc else ""
    if kind == "value_error" and not loc:
        for pattern, where, words in _CONTRADICTIONS:
            found = pattern.search(message)
            if found:
                parts = [_ACTIVITY.get(g, g.replace("_", " ")) for g in found.groups()]
                text = words.format(*parts)
                return where, text[:1].upper() + text[1:]
    if kind == "extra_forbidden":
        return field, f"“{field}” is not one of Supple's questions; check how it is spelled."
    name = FIELD_WORDS.get(field, field.replace("_", " ").capitalize() or "An answer")
    got = error.get("input")
    if kind in ("int_parsing", "float_parsing", "int_from_float"):
        what = "a whole number" if kind != "float_parsing" else "a number"
        return field, f"{name}: “{got}” is not {what}."
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        low, high = _limits(field)
        return field, f"{name}: give a number from {_number(low)} to {_number(high)}."
    if kind == "literal_error":
        return field, f"{name}: “{got}” is not one of the choices."
    if kind == "missing":
        return field, f"{name}: please answer this question."
    return field, f"{name}: {message[:1].lower()}{message[1:]}."


def answer_problems(errors: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Every problem of a set of answers, by the answer it is about (the first one each)."""
    found: dict[str, str] = {}
    for error in errors:
        field, words = answer_problem(error)
        found.setdefault(field, words)
    return found


#: What a question left empty on a screen says.
ANSWER_THIS = "Please answer this question."
ANSWER_YES_NO = "Please answer yes or no."
#: Where it hurts is asked, never assumed.
ASK_AREA = "Please tick where it hurts. If the pain is low in the back, tick lower back."
ASK_AREA_TYPED = "Please say where it hurts: type its number (1 if the pain is low in the back)."


def unanswered_words(count: int) -> str:
    """'2 safety questions are not answered yet: each needs a yes or a no.'"""
    many = "question is" if count == 1 else "questions are"
    return f"{count} safety {many} not answered yet: each one needs a yes or a no."


def both_ways_words(activity: str) -> str:
    """The message for an activity given as making the pain both better and worse."""
    text = _CONTRADICTIONS[3][2].format(activity)
    return text[:1].upper() + text[1:]


_BELOW = re.compile(r"\bthe (gentle )?routine below\b")
_RULE_ID = re.compile(r"\s*\(rule [a-z0-9_]+\)")


def advice_elsewhere(advice: str, where: str) -> str:
    """Referral advice shown where no routine follows it: 'the routine below' becomes the
    routine ``where`` (e.g. 'on the Today page')."""
    return _BELOW.sub(lambda m: f"the {m.group(1) or ''}routine {where}", advice)


def without_rule_id(text: str) -> str:
    """A left-out reason without its rule id (kept for `supple plan --explain`)."""
    return _RULE_ID.sub("", text)


#: How a session ended, as the history says it.
STATUS_WORDS = {"finished": "done", "stopped": "stopped early", "in_progress": "not finished"}


def status_word(status: str) -> str:
    """'done', 'stopped early', 'not finished'."""
    return STATUS_WORDS.get(status, status.replace("_", " "))


#: Words that make a name longer without naming anything else.
_FILLER = frozenset({"stretch", "exercise", "pose", "the", "a", "move", "position"})


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("-", " "))


def other_names(name: str, aliases: Sequence[str]) -> list[str]:
    """The aliases that are really other names: not the name spelled another way, nor the name
    with or without a word such as 'stretch'; each once."""
    own = set(_words(name)) - _FILLER
    seen: list[set[str]] = [own]
    found = []
    for alias in aliases:
        words = set(_words(alias)) - _FILLER
        if not words or any(words == s for s in seen):
            continue
        seen.append(words)
        found.append(alias)
    return found


#: What a level means.
LEVEL_WORDS = {1: "the gentlest", 2: "a step harder", 3: "the hardest"}


def level_words(level: int, levels: int = 3) -> str:
    """'level 1 of 3, the gentlest'."""
    return f"level {level} of {levels}, {LEVEL_WORDS.get(level, '')}".rstrip(", ")


#: The number to call in an emergency, by the country of the locale (112 elsewhere: it works
#: in the EU and on most mobile phones).
EMERGENCY = {"GB": "999", "IE": "112", "US": "911", "CA": "911", "AU": "000", "NZ": "111"}
DEFAULT_EMERGENCY = "112"


def emergency_number(locale: str | None) -> str:
    """The emergency number for a locale such as 'en-GB', 'en_US.UTF-8' or 'fr' (112 when the
    country is not known)."""
    found = re.match(r"^[A-Za-z]{2,3}[-_]([A-Za-z]{2})\b", (locale or "").strip())
    country = found.group(1).upper() if found else ""
    return EMERGENCY.get(country, DEFAULT_EMERGENCY)


#: Why the safety questions are asked again.
RESCREEN_WORDS = {
    "no_answers": "Before a routine, a few questions, so that it is safe for you.",
    "four_weeks": "It is four weeks since you answered the safety questions. Please answer them "
    "again: everything else you told us stays as it is.",
    "pain_rise": "Your pain has gone up since you answered the safety questions. Please answer "
    "them again before today's routine: everything else you told us stays as it is.",
    "new_area": "The pain is in a new place since you answered the safety questions. Please "
    "answer them again: everything else you told us stays as it is.",
    "new_questions": "Your answers changed, so some safety questions now apply to you. Please "
    "answer them before today's routine.",
}


def rescreen_words(reason: str | None) -> str:
    """Why the safety questions are asked again, in a sentence."""
    return RESCREEN_WORDS.get(reason or "", RESCREEN_WORDS["four_weeks"])


def when_words(at: datetime) -> str:
    """A moment as a person reads it: 'Tue 3 Mar at 09:10' (local time)."""
    local = at.astimezone()
    return f"{local:%a} {local.day} {local:%b} at {local:%H:%M}"


def resume_words(started_at: datetime, done: int, moves: int, next_name: str | None) -> str:
    """Which session is resumed: 'Resuming the session of Tue 3 Mar at 09:10: 1 of 2 moves
    done; next: Cat-cow.'"""
    text = f"Resuming the session of {when_words(started_at)}: {done} of {plural(moves, 'move')}"
    text += " done"
    return text + (f"; next: {next_name}." if next_name else ".")


#: Each piece of equipment in a few words.
EQUIPMENT_SHORT = {
    "mat": "a mat",
    "towel_or_strap": "a towel or strap",
    "chair": "a steady chair",
    "wall": "a free wall",
    "doorway": "a doorway",
    "step": "a step",
    "band": "a resistance band",
    "stick": "a long stick",
}


def equipment_words(gains: Sequence[tuple[str, int]]) -> str:
    """'A steady chair would add 5 moves to choose from, a mat 3.' (the two that add most)."""
    if not gains:
        return ""
    (first, n), *rest = gains[:2]
    text = f"{EQUIPMENT_SHORT.get(first, first)} would add {plural(n, 'move')} to choose from"
    for other, m in rest:
        text += f", {EQUIPMENT_SHORT.get(other, other)} {m}"
    return f"{text[0].upper()}{text[1:]}."


__all__ = [
    "ANSWER_THIS",
    "ANSWER_YES_NO",
    "ASK_AREA",
    "ASK_AREA_TYPED",
    "FIELD_WORDS",
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
    "unanswered_words",
    "when_words",
    "without_rule_id",
]
