"""The safety rules as validated data (``rules.yaml``): referral rules and exclusion rules."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Self

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from supple.safety.criteria import Criteria
from supple.safety.exclusion_rule import Evidence, ExclusionRule
from supple.safety.profile import CLEARABLE_RULES, RED_FLAGS, Profile
from supple.safety.referral import Urgency

#: Tiers mean time: what each tier's advice must say (NICE CKS / NHS pathways).
TIER_WORDS: dict[str, tuple[str, ...]] = {
    "emergency": ("now",),
    "urgent": ("today", "within 24 hours"),
    "soon": ("within one to two weeks",),
}

SLUG = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


class RulesError(ValueError):
    """The rules file does not validate (a packaging bug, caught by the tests)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReferralRule(_Strict):
    """A red flag: when ``when`` holds, the person is told to get checked, with an urgency.

    ``unless`` names rules that, when they match too, say the same more urgently (this rule
    then stays silent). ``clearable``: a clinician's check can clear this rule by its id.
    ``routine_if_assigned``: a routine a clinician assigned may still be given.
    """

    id: str = Field(pattern=SLUG)
    urgency: Urgency
    when: Criteria
    unless: list[str] = Field(default_factory=list)
    allow_routine: bool | None = Field(
        default=None, description="give the routine too; default: only for urgency 'soon'"
    )
    routine_if_assigned: bool = False
    gentle: bool = Field(default=False, description="any routine given runs in gentle mode")
    clearable: bool = False
    reason: str = Field(min_length=10)
    advice: str = Field(min_length=10)
    source: str = Field(min_length=3)
    evidence: Evidence

    @model_validator(mode="after")
    def _tier_is_kept(self) -> Self:
        missing = [w for w in TIER_WORDS[self.urgency] if w not in self.advice]
        if missing:
            raise ValueError(f"rule {self.id}: {self.urgency} advice must say {missing[0]!r}")
        if self.urgency == "emergency" and (self.clearable or self.routine_allowed):
            raise ValueError(f"rule {self.id}: an emergency is never cleared and gives no routine")
        return self

    @property
    def routine_allowed(self) -> bool:
        if self.allow_routine is not None:
            return self.allow_routine
        return self.urgency == "soon"

    def matches(self, profile: Profile) -> bool:
        """Whether this red flag applies to ``profile``."""
        return self.when.holds(profile)


class Rules(_Strict):
    """Every safety rule Supple applies."""

    gentle_pain_at_least: int = Field(ge=1, le=10)
    referrals: list[ReferralRule] = Field(min_length=1)
    exclusions: list[ExclusionRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        ids = [r.id for r in self.referrals] + [r.id for r in self.exclusions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"rule ids appear twice: {dupes}")
        referral_ids = {r.id for r in self.referrals}
        for rule in self.referrals:
            unknown = sorted(set(rule.unless) - referral_ids)
            if unknown:
                raise ValueError(f"rule {rule.id}: 'unless' names unknown rules {unknown}")
        unnamed = sorted({r.id for r in self.referrals if r.clearable} - set(CLEARABLE_RULES))
        if unnamed:
            raise ValueError(f"rules {unnamed} are clearable but a profile cannot name them")
        clash = sorted({r.id for r in self.referrals if r.clearable} & set(RED_FLAGS))
        if clash:  # a clearance names a flag or a rule id: the two must not be confused
            raise ValueError(f"clearable rule ids must differ from red-flag ids: {clash}")
        return self

    def gentle(self, profile: Profile) -> bool:
        """Whether ``profile`` calls for gentle mode (high pain, or a red flag that asks it)."""
        if profile.pain_now >= self.gentle_pain_at_least:
            return True
        return any(r.gentle and r.matches(profile) for r in self.referrals)

    def clearable_flags(self) -> frozenset[str]:
        """Red flags a clinician's check may clear: those no emergency rule looks at."""
        emergency = {
            f for r in self.referrals if r.urgency == "emergency" for f in r.when.flags_named()
        }
        return frozenset(RED_FLAGS) - emergency

    def referral(self, rule_id: str) -> ReferralRule:
        return next(r for r in self.referrals if r.id == rule_id)

    def exclusion(self, rule_id: str) -> ExclusionRule:
        return next(r for r in self.exclusions if r.id == rule_id)


def parse_rules(text: str) -> Rules:
    """Validate the rules document ``text``."""
    try:
        return Rules.model_validate(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        raise RulesError(f"rules.yaml is not valid YAML: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise RulesError(f"rules.yaml: field '{where}': {message}") from None


@cache
def load_rules() -> Rules:
    """The packaged rules, validated once per process."""
    text = resources.files("supple.safety").joinpath("rules.yaml").read_text(encoding="utf-8")
    return parse_rules(text)
