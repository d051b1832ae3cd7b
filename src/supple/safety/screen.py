"""Screening: turn red flags in a profile into a referral with an urgency.

``today`` (default: the system date; adapters pass their own clock) decides which clearances
still count. ``clinician_assigned`` says a clinician set the routine, which some rules (under
16) need before any routine is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from supple.safety import clearance
from supple.safety.profile import Clearance, Profile
from supple.safety.referral import Referral, Urgency
from supple.safety.rules import ReferralRule, Rules, load_rules

_ORDER: dict[Urgency, int] = {"emergency": 0, "urgent": 1, "soon": 2}


@dataclass(frozen=True, slots=True)
class Screening:
    """The rules that still apply (most urgent first) and the clearances that were used."""

    rules: list[ReferralRule]
    cleared: list[Clearance]
    lapsed: list[Clearance]

    def notes(self) -> list[str]:
        """The lines a routine shows about clearances ('Checked by … on …')."""
        return [clearance.checked_line(c) for c in self.cleared] + [
            clearance.lapsed_line(c) for c in self.lapsed
        ]


def assess(profile: Profile, rules: Rules | None = None, *, today: date | None = None) -> Screening:
    """Match every referral rule against ``profile``, then apply its clearances."""
    rules = rules or load_rules()
    day = today or date.today()
    valid = clearance.latest(profile.cleared, day)
    clearable = rules.clearable_flags()
    cleared_flags = {f for f in profile.red_flags if f in clearable and f in valid}
    matched = [r for r in rules.referrals if r.matches(profile)]
    matched_ids = {r.id for r in matched}
    active: list[ReferralRule] = []
    used: dict[str, Clearance] = {}
    for rule in matched:
        if set(rule.unless) & matched_ids:
            continue
        signs = set(rule.when.flags_named()) & set(profile.red_flags)
        if signs and signs <= cleared_flags:
            used.update({f: valid[f] for f in sorted(signs)})
        elif rule.clearable and rule.id in valid:
            used[rule.id] = valid[rule.id]
        else:
            active.append(rule)
    active.sort(key=lambda r: (_ORDER[r.urgency], r.routine_allowed))
    wanted: list[str] = [f for f in profile.red_flags if f in clearable]
    wanted += [r.id for r in matched if r.clearable]
    return Screening(
        rules=active,
        cleared=sorted(used.values(), key=lambda c: c.flag),
        lapsed=clearance.lapsed(profile.cleared, day, wanted),
    )


def matched_rules(
    profile: Profile, rules: Rules | None = None, *, today: date | None = None
) -> list[ReferralRule]:
    """Every referral rule that applies to ``profile`` after clearances, most urgent first."""
    return assess(profile, rules, today=today).rules


def screen(
    profile: Profile, rules: Rules | None = None, *, today: date | None = None
) -> Referral | None:
    """The referral ``profile`` calls for, or None when no red flag applies."""
    return referral_for(assess(profile, rules, today=today).rules)


def referral_for(active: list[ReferralRule]) -> Referral | None:
    """The referral made of the rules in ``active`` (most urgent first), or None."""
    if not active:
        return None
    # When any rule withholds the routine, only advice that withholds it is shown, so the
    # advice never invites exercise the referral forbids.
    blocking = [r for r in active if not r.routine_allowed]
    advice: list[str] = []
    for rule in blocking or active[:1]:
        if rule.advice not in advice:
            advice.append(rule.advice)
    return Referral(
        urgency=active[0].urgency,
        reasons=[r.reason for r in active],
        advice=" ".join(advice),
    )


def routine_allowed(
    profile: Profile,
    rules: Rules | None = None,
    *,
    today: date | None = None,
    clinician_assigned: bool = False,
) -> bool:
    """Whether exercises may be given alongside any referral (only for 'soon' reasons)."""
    return allows_routine(assess(profile, rules, today=today).rules, clinician_assigned)


def allows_routine(active: list[ReferralRule], clinician_assigned: bool = False) -> bool:
    """Whether the rules in ``active`` let a routine be given."""
    return all(r.routine_allowed or (clinician_assigned and r.routine_if_assigned) for r in active)


def bout_clearances(
    profile: Profile, *, by: str, on: date, rules: Rules | None = None
) -> list[Clearance]:
    """A clearance by ``by`` on ``on`` for each clearable rule ``profile`` matches.

    This is the answer to "has a doctor or physio already checked this bout of back pain?".
    """
    return [
        Clearance.model_validate({"flag": r.id, "on": on, "by": by})
        for r in (rules or load_rules()).referrals
        if r.clearable and r.matches(profile)
    ]
