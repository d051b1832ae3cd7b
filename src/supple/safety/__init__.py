"""Safety: the screening answers, red-flag referrals, and hard exclusions, all as data."""

from supple.safety.exclusions import Ruling, all_rulings, exclusions, rule_out
from supple.safety.profile import Profile
from supple.safety.referral import Referral, Urgency
from supple.safety.rules import Rules, RulesError, load_rules
from supple.safety.screen import matched_rules, routine_allowed, screen

__all__ = [
    "Profile",
    "Referral",
    "Rules",
    "RulesError",
    "Ruling",
    "Urgency",
    "all_rulings",
    "exclusions",
    "load_rules",
    "matched_rules",
    "routine_allowed",
    "rule_out",
    "screen",
]
