"""Screening: turn red flags in a profile into a referral with an urgency."""

from __future__ import annotations

from supple.safety.profile import Profile
from supple.safety.referral import Referral, Urgency
from supple.safety.rules import ReferralRule, Rules, load_rules

_ORDER: dict[Urgency, int] = {"emergency": 0, "urgent": 1, "soon": 2}


def matched_rules(profile: Profile, rules: Rules | None = None) -> list[ReferralRule]:
    """Every referral rule that applies to ``profile``, most urgent first."""
    active = [r for r in (rules or load_rules()).referrals if r.matches(profile)]
    return sorted(active, key=lambda r: (_ORDER[r.urgency], r.routine_allowed))


def screen(profile: Profile, rules: Rules | None = None) -> Referral | None:
    """The referral ``profile`` calls for, or None when no red flag applies."""
    active = matched_rules(profile, rules)
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


def routine_allowed(profile: Profile, rules: Rules | None = None) -> bool:
    """Whether exercises may be given alongside any referral (only for 'soon' reasons)."""
    return all(r.routine_allowed for r in matched_rules(profile, rules))
