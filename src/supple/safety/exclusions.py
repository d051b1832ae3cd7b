"""Hard exclusions: which exercises a profile rules out, and the rule that removed each."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from supple.library.model import Exercise
from supple.safety.profile import Profile
from supple.safety.rules import ExclusionRule, Rules, load_rules


class Ruling(BaseModel):
    """Why one exercise is out: the rule id and a plain sentence."""

    model_config = ConfigDict(frozen=True)

    exercise: str
    rule_id: str
    sentence: str

    @property
    def text(self) -> str:
        """The reason as shown to the person: 'It ... (rule id)'."""
        return f"It {self.sentence} (rule {self.rule_id})"


def _catches(rule: ExclusionRule, exercise: Exercise, profile: Profile) -> str | None:
    """The sentence for ``exercise`` if ``rule`` removes it, else None."""
    if rule.never_prescribed:
        return f"{rule.sentence}: {exercise.avoid}" if exercise.avoid else None
    if rule.missing_equipment:
        missing = [e for e in exercise.equipment if e not in profile.equipment]
        if not missing:
            return None
        return f"{rule.sentence} ({', '.join(m.replace('_', ' ') for m in missing)})"
    hit = (
        bool(set(rule.loads) & set(exercise.loads))
        or bool(set(rule.end_range) & set(exercise.end_range))
        or exercise.position in rule.positions
        or (rule.any_end_range and bool(exercise.end_range))
    )
    return rule.sentence if hit else None


def rule_out(exercise: Exercise, profile: Profile, rules: Rules | None = None) -> Ruling | None:
    """The first active rule that removes ``exercise`` for ``profile``, or None if it is allowed."""
    active = rules or load_rules()
    gentle = active.gentle(profile)
    for rule in active.exclusions:
        if not rule.applies(profile, gentle):
            continue
        sentence = _catches(rule, exercise, profile)
        if sentence is not None:
            return Ruling(exercise=exercise.id, rule_id=rule.id, sentence=sentence)
    return None


def exclusions(
    profile: Profile, exercises: Iterable[Exercise], rules: Rules | None = None
) -> dict[str, Ruling]:
    """Every exercise ruled out for ``profile``, by id (allowed ones are absent)."""
    active = rules or load_rules()
    gentle = active.gentle(profile)
    live = [r for r in active.exclusions if r.applies(profile, gentle)]
    found: dict[str, Ruling] = {}
    for exercise in exercises:
        for rule in live:
            sentence = _catches(rule, exercise, profile)
            if sentence is not None:
                found[exercise.id] = Ruling(
                    exercise=exercise.id, rule_id=rule.id, sentence=sentence
                )
                break
    return found


def all_rulings(exercise: Exercise, profile: Profile, rules: Rules | None = None) -> list[Ruling]:
    """Every active rule that removes ``exercise`` (for "why not" explanations)."""
    out = []
    active = rules or load_rules()
    gentle = active.gentle(profile)
    for rule in active.exclusions:
        if rule.applies(profile, gentle):
            sentence = _catches(rule, exercise, profile)
            if sentence is not None:
                out.append(Ruling(exercise=exercise.id, rule_id=rule.id, sentence=sentence))
    return out
