"""Clearance: a dated note that a clinician checked a sign, and when it stops counting.

A clearance names a red flag or a clearable rule id (``Profile.cleared``). It counts from its
date for 12 months; an emergency-tier sign is never cleared this way (the rules decide which
flags those are). A cleared sign stops a referral only when every sign behind that referral
is cleared, so a new, unchecked sign beside an old, checked one still refers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from supple.safety.profile import Clearance

#: A clearance older than this lapses: the sign must be checked again.
LAPSES_AFTER = timedelta(days=365)

#: Short words for what was checked, as in "checked by Dr Lee on 3 March 2026: a past cancer".
CHECKED_WORDS: dict[str, str] = {
    "bladder_or_bowel_change": "the change in bladder or bowel control",
    "saddle_numbness": "the numbness around the genitals or buttocks",
    "leg_weakness_or_numbness_worsening": "the weakness or numbness in a leg",
    "both_legs_symptoms": "the symptoms in both legs",
    "chest_pain": "the chest pain",
    "fever_or_chills": "the fever",
    "unexplained_weight_loss": "the weight loss",
    "cancer_history": "your past cancer",
    "major_trauma": "the injury",
    "minor_trauma_with_osteoporosis_or_steroids": "the fall or knock",
    "constant_night_pain": "the pain at night",
    "immunosuppression_or_iv_drug_use": "your immune system or drug use",
    "severe_pain_not_easing_for_days": "the severe pain",
    "trouble_walking": "the trouble walking",
    "sexual_dysfunction_new": "the loss of sexual feeling",
    "stroke_like_signs": "the dizziness or other signs",
    "sudden_severe_headache": "the headache",
    "hand_clumsiness_or_unsteady_walking": "the clumsy hands or unsteady walking",
    "recent_neck_injury_or_manipulation": "the neck injury or manipulation",
    "thoracic_pain_non_mechanical": "the upper back pain",
    "recent_infection_or_spinal_procedure": "the infection, injection or wound",
    "pulsing_abdominal_pain": "the pain in the belly",
    "pregnancy_warning_signs": "the pregnancy signs",
    "morning_stiffness_over_30_min": "the morning stiffness",
    "pain_better_with_exercise_not_rest": "the pain that eases with exercise",
    "no_improvement_4_weeks": "pain lasting four weeks or more",
    "new_pain_past_50": "new back pain past 50",
    "new_pain_under_20": "new back pain under 20",
    "recent_spinal_surgery": "exercise after your spine surgery",
}


def counts(clearance: Clearance, today: date) -> bool:
    """Whether ``clearance`` still counts on ``today`` (not in the future, under 12 months)."""
    return clearance.on <= today and today - clearance.on <= LAPSES_AFTER


def latest(clearances: Iterable[Clearance], today: date) -> dict[str, Clearance]:
    """The most recent clearance that still counts, by the flag or rule id it names."""
    found: dict[str, Clearance] = {}
    for c in clearances:
        if counts(c, today) and (c.flag not in found or c.on > found[c.flag].on):
            found[c.flag] = c
    return found


def lapsed(clearances: Iterable[Clearance], today: date, ids: Iterable[str]) -> list[Clearance]:
    """For each of ``ids`` with no clearance that counts, its newest one that lapsed."""
    wanted = set(ids) - set(latest(clearances, today))
    old: dict[str, Clearance] = {}
    for c in clearances:
        if c.flag in wanted and c.on <= today and (c.flag not in old or c.on > old[c.flag].on):
            old[c.flag] = c
    return sorted(old.values(), key=lambda c: c.flag)


def _day(on: date) -> str:
    return f"{on.day} {on:%B %Y}"


def checked_line(clearance: Clearance) -> str:
    """The routine's line for a clearance in force: 'Checked by … on …'."""
    what = CHECKED_WORDS.get(clearance.flag, clearance.flag.replace("_", " "))
    return (
        f"Checked by {clearance.by} on {_day(clearance.on)}: {what}. Get checked again if it "
        "changes or gets worse."
    )


def lapsed_line(clearance: Clearance) -> str:
    """The line for a clearance more than 12 months old."""
    what = CHECKED_WORDS.get(clearance.flag, clearance.flag.replace("_", " "))
    return (
        f"The check of {what} by {clearance.by} on {_day(clearance.on)} is more than 12 months "
        "old, so it no longer counts."
    )
