"""Words for the programme beyond the routine: the walking plan, the movement test, the support
questionnaire and its groups (the same words in the terminal, on the web and in exports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supple.presentation.words import plural

if TYPE_CHECKING:
    from supple.tracking.direction_test import DirectionResult
    from supple.tracking.stratify import Screen, Stratification
    from supple.tracking.walking import WalkPlan, WalkWeek

# -- walking ---------------------------------------------------------------------------------


def walk_minutes(seconds: int) -> str:
    """A walk's length as people say it: 'about 11 minutes', '1 minute 30 seconds' under 2."""
    if seconds < 120:
        minutes, rest = divmod(seconds, 60)
        return plural(minutes, "minute") + (f" {rest} seconds" if rest else "")
    return f"about {round(seconds / 60)} minutes"


def walk_week(week: WalkWeek) -> str:
    """One week of the walking plan, in a line."""
    done = round(week.walked_s / 60)
    return (
        f"Week {week.number}: {walk_minutes(week.target_s)} a day on 5 days; "
        f"{done} of {round(week.planned_s / 60)} minutes walked ({round(100 * week.ratio)}%), "
        f"on {plural(week.days_walked, 'day')}"
    )


def walk_summary(plan: WalkPlan) -> str:
    """Where the walking plan stands today."""
    today = plan.walked_today_s
    walked = f" You have walked {walk_minutes(today)} today." if today else ""
    return (
        f"Today's walk: {walk_minutes(plan.target_s)} at an easy, talking pace.{walked} "
        f"{walk_week(plan.this_week)}."
    )


WALK_WHY = (
    "A walk a day that grows by about a tenth each week (never more) is how the WalkBack trial "
    "helped people keep back pain away for longer; the plan grows only after a week you mostly "
    "walked, and stops growing at 30 minutes a day."
)

# -- the movement test ----------------------------------------------------------------------

#: The answers to "where is the pain now?", as a person reads them.
LOCATION_WORDS = {
    "none": "no pain now",
    "back": "in the back only",
    "buttock": "into the buttock",
    "thigh": "down the thigh",
    "below_knee": "below the knee",
}
CHANGE_WORDS = {"less": "less", "same": "about the same", "more": "more"}

#: How to do each test move, by starting position and direction (ten slow repetitions).
TEST_STEPS = {
    ("standing", "extension"): (
        "Stand with your feet apart and your hands on the small of your back, fingers down. "
        "Lean back from the waist as far as is comfortable, keeping the knees straight, then "
        "come back up. That is one."
    ),
    ("standing", "flexion"): (
        "Sit near the front of a steady chair with your feet apart. Lean forward and let your "
        "hands slide towards the floor between your feet, as far as is comfortable, then sit "
        "back up. That is one."
    ),
    ("lying", "extension"): (
        "Lie face down with your hands under your shoulders. Press your upper body up as far as "
        "is comfortable, letting the hips and the belly stay on the mat and the back relax, "
        "then lower down. That is one."
    ),
    ("lying", "flexion"): (
        "Lie on your back with your knees bent. Bring both knees towards your chest, holding "
        "behind the thighs, as far as is comfortable, then lower the feet back to the mat. That "
        "is one."
    ),
}
TEST_INTRO = (
    "This test looks for the direction of movement that eases your pain. You will do ten slow "
    "repetitions bending backwards, then ten bending forwards, and say each time where the pain "
    "is and whether it is more or less. Stop at once if the pain spreads further down your leg, "
    "or if you feel numbness, pins and needles or weakness spreading: that direction is not for "
    "you now. This is not a diagnosis; get checked if the pain is severe or keeps spreading."
)
STOP_SIGN = (
    "Stop this direction now: the pain spreading further down the leg is a sign that it does not "
    "suit your back at the moment. Let it settle before going on."
)
#: What each outcome of a direction means, as the result says it.
OUTCOME_WORDS = {
    "centralised": "the pain moved back towards the spine",
    "eased": "the pain eased",
    "no_change": "no clear change",
    "worse": "the pain grew, without spreading",
    "spread": "the pain spread further down the leg: stopped and switched off",
    "not_tested": "not tested",
}


def direction_result_lines(found: DirectionResult) -> list[str]:
    """The test's result with its reasons, in lines."""
    lines = [f"{d.capitalize()}: {OUTCOME_WORDS[o]}." for d, o in found.outcomes.items()]
    if found.prefer is not None:
        lines.append(
            f"Your routine now leans towards {found.prefer} moves: that direction helped your "
            "pain in the test."
        )
    else:
        lines.append(
            "No single direction helped more, so your routine keeps its mix from your answers."
        )
    for direction in found.avoid:
        lines.append(f"Moves that bend the spine in {direction} are left out of your routine.")
    lines.append("You can repeat the test whenever your pain changes.")
    return lines


# -- stratified support ---------------------------------------------------------------------

#: The ten questions in Supple's words, with the meaning of each end of their scale. They follow
#: the topics and scoring of the Örebro short form (Linton 2011); they are not its text.
QUESTIONS: dict[str, tuple[str, str, str]] = {
    "duration": (
        "How long have you had this pain problem?",
        "1 = under a week",
        "10 = over a year",
    ),
    "pain": ("How bad has the pain been over the past week, on average?", "0 none", "10 worst"),
    "light_tasks": (
        "Can you do light work or light jobs around the home for an hour?",
        "0 not at all",
        "10 easily",
    ),
    "sleep": ("Can you sleep through the night?", "0 not at all", "10 easily"),
    "tense": ("How tense or anxious have you felt this past week?", "0 calm", "10 very"),
    "low_mood": ("How much has low mood bothered you this past week?", "0 not at all", "10 a lot"),
    "persist_risk": (
        "How likely do you think it is that this pain will last for a long time?",
        "0 not at all",
        "10 very likely",
    ),
    "normal_duties": (
        "How likely are you to be doing your usual work or daily jobs in three months?",
        "0 not at all",
        "10 very likely",
    ),
    "pain_means_stop": (
        "When the pain increases, I should stop what I am doing until it eases.",
        "0 disagree",
        "10 agree",
    ),
    "should_not_do_duties": (
        "With my pain as it is now, I should not be doing my usual work or daily jobs.",
        "0 disagree",
        "10 agree",
    ),
}
#: The bands of the first question, scored 1-10.
DURATION_BANDS = (
    "under a week",
    "1-2 weeks",
    "3-4 weeks",
    "5 weeks",
    "6-8 weeks",
    "9-11 weeks",
    "3-6 months",
    "6-9 months",
    "9-12 months",
    "over a year",
)
QUESTIONNAIRE_INTRO = (
    "Ten short questions about how the pain affects you. Your answers help Supple suggest the "
    "right amount of support: there are no right or wrong answers. Asked at the start and every "
    "four weeks."
)
#: What each group means for the person.
TIER_WORDS = {
    "low": (
        "Your answers suggest you are likely to do well managing this yourself: keep going with "
        "the programme, the walks and the lessons."
    ),
    "medium": (
        "Your answers suggest a physiotherapist could help you: a few sessions can add "
        "hands-on guidance and a programme fitted to you. Keep going with Supple meanwhile."
    ),
    "high": (
        "Your answers suggest that support from a physiotherapist, or a programme that helps "
        "with worry and confidence about pain (a psychologically informed programme), would "
        "help you most. Please ask your GP or a physiotherapist about it. Meanwhile, the "
        "lessons on worry and confidence come first in Supple."
    ),
}


def tier_line(screen: Screen) -> str:
    """The latest answers' group, in a sentence with the score."""
    return (
        f"Support check ({screen.day}): score {screen.total} of 100, {screen.tier}. "
        + (TIER_WORDS[screen.tier])
    )


def support_summary(status: Stratification) -> str:
    """The support check as progress shows it."""
    if status.latest is None:
        return "Support check: not answered yet (ten questions, two minutes)."
    due = " It is time to answer again." if status.due else f" Next due {status.due_on}."
    return tier_line(status.latest) + due


__all__ = [
    "CHANGE_WORDS",
    "DURATION_BANDS",
    "LOCATION_WORDS",
    "OUTCOME_WORDS",
    "QUESTIONNAIRE_INTRO",
    "QUESTIONS",
    "STOP_SIGN",
    "TEST_INTRO",
    "TEST_STEPS",
    "TIER_WORDS",
    "WALK_WHY",
    "direction_result_lines",
    "support_summary",
    "tier_line",
    "walk_minutes",
    "walk_summary",
    "walk_week",
]
