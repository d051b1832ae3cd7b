"""Safety: the screening answers, red-flag referrals, and hard exclusions, all as data."""

from supple.safety.exclusions import Ruling, all_rulings, exclusions, rule_out
from supple.safety.profile import Clearance, Profile
from supple.safety.referral import Referral, Urgency
from supple.safety.rescreen import Rescreen, rescreen_due
from supple.safety.rules import Rules, RulesError, load_rules
from supple.safety.screen import Screening, assess, matched_rules, routine_allowed, screen

__all__ = [
    "Clearance",
    "Profile",
    "Referral",
    "Rescreen",
    "Rules",
    "RulesError",
    "Ruling",
    "Screening",
    "Urgency",
    "all_rulings",
    "assess",
    "exclusions",
    "load_rules",
    "matched_rules",
    "rescreen_due",
    "routine_allowed",
    "rule_out",
    "screen",
]
