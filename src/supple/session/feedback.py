"""Pain scores and quick feedback after an exercise, as a person types them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supple.session.kinds import Feedback

if TYPE_CHECKING:
    from supple.safety.profile import Profile

#: The quick answers after an exercise, by the key that gives them.
FEEDBACK_KEYS: dict[str, Feedback] = {
    "1": "fine",
    "2": "too_easy",
    "3": "too_hard",
    "4": "painful",
}
FEEDBACK_LABELS: dict[Feedback, str] = {
    "fine": "fine",
    "too_easy": "too easy",
    "too_hard": "too hard",
    "painful": "painful",
}


def parse_pain(text: str) -> int:
    """A pain score 0–10 from what the person typed; ValueError explains a bad answer."""
    cleaned = text.strip()
    if not cleaned.isdigit() or not 0 <= int(cleaned) <= 10:
        raise ValueError("type a whole number from 0 (no pain) to 10 (worst imaginable)")
    return int(cleaned)


def parse_feedback(text: str) -> Feedback | None:
    """The feedback meant by a key ('1'..'4') or a word ('fine', 'too easy', …); None if empty."""
    cleaned = text.strip().lower().replace(" ", "_").replace("-", "_")
    if not cleaned:
        return None
    if cleaned in FEEDBACK_KEYS:
        return FEEDBACK_KEYS[cleaned]
    for value in FEEDBACK_LABELS:
        if cleaned == value:
            return value
    raise ValueError("answer 1 fine, 2 too easy, 3 too hard, 4 painful, or press Enter")


def asks_about_leg(profile: Profile) -> bool:
    """Whether a session asks if leg symptoms spread during a move: when leg pain is part of
    the person's answers."""
    return "buttock_or_leg" in profile.pain_areas or profile.leg_pain_below_knee


def parse_items(text: str, count: int) -> list[int]:
    """Item numbers (1-based, as shown) typed as '2', '2 5' or '2,5', as 0-based indices;
    ValueError explains a bad answer; empty means none."""
    found: list[int] = []
    for part in text.replace(",", " ").split():
        if not part.isdigit() or not 1 <= int(part) <= count:
            raise ValueError(f"type the numbers of the moves, 1 to {count}, or press Enter")
        if int(part) - 1 not in found:
            found.append(int(part) - 1)
    return found
