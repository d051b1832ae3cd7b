"""The words of the screening questionnaire: choices, and one question per red flag."""

from __future__ import annotations

AREAS = (
    ("lower_back", "lower back"),
    ("upper_back", "upper back, between the shoulder blades"),
    ("neck", "neck"),
    ("buttock_or_leg", "buttock or down a leg"),
    ("hip", "hip"),
)
ACTIVITY_WORDS = (
    ("bending_forward", "bending forward"),
    ("bending_backward", "leaning backward"),
    ("sitting", "sitting"),
    ("standing", "standing"),
    ("walking", "walking"),
    ("lying_down", "lying down"),
    ("twisting", "twisting"),
)
CONDITION_WORDS = (
    ("pregnancy", "I am pregnant"),
    ("osteoporosis", "osteoporosis (thin bones)"),
    ("hip_replacement", "a hip replacement"),
    ("recent_spinal_surgery", "spine surgery in the last few months"),
    ("spinal_stenosis", "spinal stenosis (narrowing in the spine)"),
    ("spondylolisthesis", "spondylolisthesis (a slipped vertebra)"),
    ("disc_herniation", "a slipped or bulging disc"),
    ("knee_problem", "a knee problem"),
    ("wrist_problem", "a wrist problem"),
    ("balance_problem", "problems with balance or falls"),
    ("glaucoma_or_high_blood_pressure", "glaucoma or high blood pressure"),
    ("hypermobility", "very bendy (hypermobile) joints"),
    ("shoulder_problem", "a shoulder problem"),
)
EQUIPMENT_WORDS = (
    ("mat", "an exercise mat or a carpet"),
    ("towel_or_strap", "a towel, belt or strap"),
    ("chair", "a steady chair without wheels"),
    ("wall", "a free wall"),
    ("doorway", "a doorway"),
    ("step", "a stair or step"),
    ("band", "a resistance band"),
    ("stick", "a broom handle or a long stick"),
)
HIP_APPROACH_WORDS = (
    ("posterior", "from the back or side (posterior)"),
    ("anterior", "from the front (anterior)"),
    ("unknown", "I don't know"),
)

#: (flag, question) for every red flag, asked one by one: these decide whether to refer.
RED_FLAG_QUESTIONS = (
    (
        "bladder_or_bowel_change",
        "Since this pain began, have you had any new trouble controlling your bladder or bowels, "
        "or been unable to pass urine?",
    ),
    (
        "saddle_numbness",
        "Is there numbness or tingling around your genitals, bottom or inner thighs?",
    ),
    (
        "sexual_dysfunction_new",
        "Since this pain began, have you noticed new numbness of the genitals or a new problem "
        "with sexual function?",
    ),
    (
        "leg_weakness_or_numbness_worsening",
        "Is a leg getting weaker or more numb?",
    ),
    (
        "both_legs_symptoms",
        "Since this pain began, have you had new pain, weakness or numbness in both legs that "
        "is severe or getting worse? Steady symptoms a doctor has already put down to spinal "
        "stenosis do not count.",
    ),
    (
        "trouble_walking",
        "Since this pain began, have you had new trouble walking, or have your legs given way?",
    ),
    ("chest_pain", "Do you have pain in your chest as well as your back?"),
    ("fever_or_chills", "Have you had a fever, or felt hot and shivery, with this pain?"),
    (
        "recent_infection_or_spinal_procedure",
        "In the last few weeks, have you had a bacterial infection, an injection into the "
        "spine, or a wound near the spine?",
    ),
    ("unexplained_weight_loss", "Have you lost weight lately without trying to?"),
    ("cancer_history", "Have you ever been treated for cancer?"),
    (
        "major_trauma",
        "Did the pain start after a bad fall, a road accident or another hard knock?",
    ),
    (
        "minor_trauma_with_osteoporosis_or_steroids",
        "Did it start after a small fall or bump while you have thin bones or take steroid "
        "tablets long-term?",
    ),
    ("constant_night_pain", "Does the pain stay all night, whichever way you lie?"),
    (
        "immunosuppression_or_iv_drug_use",
        "Do you take medicine that weakens your immune system, or inject drugs?",
    ),
    (
        "severe_pain_not_easing_for_days",
        "Has the pain been severe for days without easing at all?",
    ),
    (
        "stroke_like_signs",
        "Have you had dizziness, double vision, slurred speech, trouble swallowing, sudden "
        "falls without warning, or numbness in the face?",
    ),
    (
        "sudden_severe_headache",
        "Have you had a sudden, severe headache, the worst you have ever had?",
    ),
    (
        "hand_clumsiness_or_unsteady_walking",
        "Have you been dropping things, or had clumsy or numb hands, unsteady walking, or "
        "electric shocks when you bend your neck?",
    ),
    (
        "recent_neck_injury_or_manipulation",
        "In the last few weeks, has your neck been injured, or manipulated by a practitioner?",
    ),
    (
        "thoracic_pain_non_mechanical",
        "Is there upper back pain that stays the same however you move, sit or lie?",
    ),
    ("pulsing_abdominal_pain", "Do you feel a throbbing or pulsing pain in your belly?"),
    (
        "pregnancy_warning_signs",
        "Have you had bleeding, leaking fluid, regular tightening or cramping, less movement "
        "from the baby, pain or swelling in a calf, or a severe headache or blurred vision?",
    ),
    (
        "morning_stiffness_over_30_min",
        "Is your back stiff for more than half an hour after you get up in the morning?",
    ),
    (
        "pain_better_with_exercise_not_rest",
        "Does the pain get better when you exercise or move about, but not when you rest?",
    ),
)

#: When a red-flag question is asked only for some people, the web form says for whom.
RED_FLAG_HINTS = {
    "stroke_like_signs": "only if your neck or upper back hurts",
    "sudden_severe_headache": "only if your neck or upper back hurts",
    "hand_clumsiness_or_unsteady_walking": "only if your neck or upper back hurts",
    "recent_neck_injury_or_manipulation": "only if your neck or upper back hurts",
    "thoracic_pain_non_mechanical": "only if your neck or upper back hurts",
    "pulsing_abdominal_pain": "only if you are over 50",
    "pregnancy_warning_signs": "only if you are pregnant",
    "morning_stiffness_over_30_min": "only if the pain has lasted 3 months or more",
    "pain_better_with_exercise_not_rest": "only if the pain has lasted 3 months or more",
}

#: The follow-up after a yes to a red flag a clinician's check can clear.
CLEARANCE_QUESTION = "Has a doctor or physio already checked this?"
CLEARANCE_HINT = "since it began, and in the last 12 months"
CLEARANCE_BY = "Who checked it?"
CLEARANCE_ON = "On what date?"
CLEARANCE_BY_DEFAULT = "a doctor or physio"
