"""Hard exclusions: which exercises a profile rules out, and the rule that removed each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from supple.library.model import Exercise
from supple.safety.exclusion_rule import ExclusionRule
from supple.safety.profile import Profile
from supple.safety.rules import Rules, load_rules


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


def active_rules(profile: Profile, rules: Rules | None = None) -> list[ExclusionRule]:
    """The exclusion rules that apply to ``profile``, in the rules' order."""
    active = rules or load_rules()
    gentle = active.gentle(profile)
    return [r for r in active.exclusions if r.applies(profile, gentle)]


def _rulings(exercise: Exercise, profile: Profile, live: list[ExclusionRule]) -> Iterator[Ruling]:
    for rule in live:
        sentence = _catches(rule, exercise, profile)
        if sentence is not None:
            yield Ruling(exercise=exercise.id, rule_id=rule.id, sentence=sentence)


def rule_out(exercise: Exercise, profile: Profile, rules: Rules | None = None) -> Ruling | None:
    """The first active rule that removes ``exercise`` for ``profile``, or None if it is allowed."""
    return next(_rulings(exercise, profile, active_rules(profile, rules)), None)


def exclusions(
    profile: Profile, exercises: Iterable[Exercise], rules: Rules | None = None
) -> dict[str, Ruling]:
    """Every exercise ruled out for ``profile``, by id (allowed ones are absent)."""
    live = active_rules(profile, rules)
    found: dict[str, Ruling] = {}
    for exercise in exercises:
        first = next(_rulings(exercise, profile, live), None)
        if first is not None:
            found[exercise.id] = first
    return found


def all_rulings(exercise: Exercise, profile: Profile, rules: Rules | None = None) -> list[Ruling]:
    """Every active rule that removes ``exercise`` (for "why not" explanations)."""
    return list(_rulings(exercise, profile, active_rules(profile, rules)))
