"""Every phrase of the domain, in words: the one table a translation will replace.

``say(phrase)`` looks the phrase's code up and fills in its parts. A code nobody wrote words
for is a KeyError (a test says every code the domain makes has its words).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from supple.library.model import Effort
from supple.planner.phrase import Phrase
from supple.presentation.words import area, effort_sentence, join_words, plural, term

Words = Callable[[Mapping[str, Any]], str]


def _areas(a: Mapping[str, Any]) -> str:
    return join_words([area(x) for x in a["areas"]])


def _answers(a: Mapping[str, Any]) -> str:
    return join_words(sorted(term(x) for x in a["answers"]))


def _side(a: Mapping[str, Any], how: str) -> str:
    return how.format(side=a["side"]) if a.get("side") else ""


def _shape(a: Mapping[str, Any]) -> str:
    if "shape" not in a:
        return ""
    return f", {a['shape']}" if a.get("how") == "with" else f" as {a['shape']}"


#: What a hip replaced from each side must not do while its precautions apply.
_HIP_APPROACH = {
    "posterior": "for a hip replaced from the back: no bending the hip past a right angle, no "
    "crossing the legs and no turning the leg inwards",
    "anterior": "for a hip replaced from the front: no taking the leg back behind you while it "
    "turns outwards",
    "unknown": "for both ways a hip is replaced, as you were not sure which you had",
}

#: Why a move is in the routine, and the swaps.
WHY: dict[str, Words] = {
    "warm_up": lambda a: "Warm-up, to get the body moving first.",
    "cool_down": lambda a: "Cool-down, to calm the breath and let the back settle.",
    "purpose": lambda a: str(a["text"]),
    "for_areas": lambda a: f"For your {_areas(a)}.",
    "near_areas": lambda a: f"Eases the muscles around your {_areas(a)}.",
    "direction": lambda a: f"Moves in the direction that suits you ({a['bias']}).",
    "strength": lambda a: "Builds gentle strength, which helps more than stretching alone.",
    "instead_of": lambda a: f"Used instead of {a['exercise']}, from your progress and feedback.",
    "your_swap": lambda a: (
        f"Your swap for {a['exercise']} ({'easier' if a['easier'] else 'harder'})."
    ),
    "easier_after_hurt": lambda a: f"An easier variant of {a['exercise']}, because it hurt.",
    "chosen_alone": lambda a: "You chose this move from the library.",
    "stands_in_for": lambda a: f"In place of {a['exercise']}, which your answers leave out.",
    "opening_walk": lambda a: (
        "An easy walk to start, around the home or outside: in a new episode, keeping moving "
        "helps the back settle."
    ),
    "pathway": lambda a: f"Part of {_PATHWAYS[str(a['pathway'])]}.",
}

#: The condition pathways, as the reasons name them.
_PATHWAYS: dict[str, str] = {
    "osteoporosis": "the strength, balance and posture work advised for osteoporosis",
    "hip_replacement_early": "the early exercises after a hip replacement",
    "hip_replacement_middle": "the exercises for the second and third months after a hip "
    "replacement",
    "hip_replacement_late": "the strength and balance work from three months after a hip "
    "replacement",
    "pregnancy": "the pregnancy programme: supported, symmetric moves and the pelvic floor",
    "spinal_stenosis": "the spinal stenosis programme, which favours bending forward",
    "neck_and_upper_back": "the neck and upper-back programme: deep neck muscles, the upper "
    "back and the shoulder blades",
}

#: The direction the routine leans, and why.
BIAS: dict[str, Words] = {
    "lean_extension": lambda a: (
        "Leaning towards gentle arching (extension) moves, because of your answers about "
        f"{_answers(a)}: people whose pain eases with upright or backward movement tend to do "
        "better with exercises in that direction."
    ),
    "lean_flexion": lambda a: (
        "Leaning towards gentle rounding (flexion) moves, because of your answers about "
        f"{_answers(a)}: people whose pain eases with forward bending or sitting tend to do "
        "better with exercises in that direction."
    ),
    "lean_flexion_stenosis": lambda a: (
        "Leaning towards gentle rounding (flexion) moves, as most clinicians do for spinal "
        "stenosis or spondylolisthesis (the evidence for this is weak)."
    ),
    "lean_extension_osteoporosis": lambda a: (
        "Leaning towards gentle arching (extension) moves, which osteoporosis guidance "
        "favours over forward bending."
    ),
    "neutral_both_ways": lambda a: (
        "A neutral mix of directions: your answers point both ways, so no single direction "
        "is favoured."
    ),
    "neutral_not_directional": lambda a: (
        "A neutral mix of directions: a preferred direction of movement is known to help "
        "lower back and leg pain, not the neck or upper back, so none is favoured."
    ),
    "neutral_no_direction": lambda a: (
        "A neutral mix of directions: nothing in your answers shows that one direction of "
        "movement eases your pain."
    ),
    "lean_test": lambda a: (
        f"Leaning towards {_DIRECTION[str(a['bias'])]} moves, because your movement test "
        "found that direction helps."
    ),
    "avoid_direction": lambda a: (
        f"No {_DIRECTION[str(a['bias'])]} moves and a neutral mix instead: that direction sent "
        "your leg symptoms further down the leg."
    ),
    "test_centralised": lambda a: (
        f"In your movement test on {a['day']}, repeated {a['bias']} moved the pain back "
        "towards the spine."
    ),
    "test_eased": lambda a: (
        f"In your movement test on {a['day']}, repeated {a['bias']} eased the pain."
    ),
    "test_spread": lambda a: (
        f"In your movement test on {a['day']}, repeated {a['bias']} sent the pain further "
        "down the leg, so that direction was stopped."
    ),
    "session_spread": lambda a: (
        f"On {a['day']}, your leg symptoms spread further during {a['exercise']}, a move "
        f"that bends the spine in {a['bias']}."
    ),
}

_DIRECTION: dict[str, str] = {
    "extension": "gentle arching (extension)",
    "flexion": "gentle rounding (flexion)",
}

#: The advice shown with a routine, and what a programme's week changed.
ADVICE: dict[str, Words] = {
    "move_gently": lambda a: (
        "Move slowly and only to a mild stretch, never into pain. Stop any move that hurts "
        "sharply or sends pain down a leg, and get checked if that keeps happening."
    ),
    "gentle_mode": lambda a: (
        "Gentle mode: your pain is high, so holds are shorter, there are fewer repetitions, no "
        "extra sets and no end-of-range moves. Short sessions of 10 to 15 minutes, or a few "
        "minutes of easy movement several times through the day, suit high pain better than one "
        "long session."
    ),
    # ACOG Committee Opinion 804 (2020); Mottola 2019: stop and seek care for these signs.
    "pregnancy_stop_signs": lambda a: (
        "In pregnancy, stop and contact your maternity unit or midwife if you have bleeding, "
        "fluid leaking, regular painful tightening, dizziness or feeling faint, chest pain, "
        "breathlessness before you start, a headache, calf pain or swelling, or the baby moving "
        "less. If you feel light-headed lying down, turn onto your side. Pelvic-floor exercises "
        "are worth doing every day: your midwife can show you how."
    ),
    "leg_symptoms": lambda a: (
        "If leg symptoms spread further down the leg during a move, stop that move: it is a "
        "sign to switch direction."
    ),
    "nerve_tension": lambda a: (
        "Straight-leg stretches with the ankle pulled up are left out while the leg hurts below "
        "the knee or with a disc problem; in any leg stretch, let the ankle relax."
    ),
    "hip_precautions_over": lambda a: (
        f"It is {a['weeks']} weeks or more since your hip replacement, so the hip precautions "
        "are no longer applied. If your surgeon or physio said to keep them, say so in your "
        "answers."
    ),
    "hip_precautions": lambda a: (
        f"Your hip precautions apply ({_HIP_APPROACH[str(a['approach'])]}). Standing up from a "
        "chair of good height is fine."
    ),
    "hypermobility": lambda a: (
        "With very bendy joints, control matters more than stretch: move slowly, stay in the "
        "middle of the range and stop well before the end of any stretch."
    ),
    "balance": lambda a: (
        "With balance problems, keep a steady chair or a wall within reach for every standing "
        "move and hold it."
    ),
    "time_gentle": lambda a: (
        f"Gentle mode keeps today's session to about {a['minutes']} minutes instead of "
        f"{a['asked']}: with pain this high, come back for another short session later in the "
        "day rather than doing more now."
    ),
    "time_short": lambda a: (
        f"Only about {a['minutes']} of the {a['asked']} minutes could be filled safely with the "
        "moves your answers allow, without taking any stretch past ACSM's limits (at most 4 "
        "holds and about 2 minutes each side). An easy walk is a good use of the rest of the "
        "time."
    ),
    "time_long": lambda a: (
        f"This routine takes about {a['minutes']} minutes, more than the {a['asked']} asked: "
        "its moves could not be made any shorter safely."
    ),
    # A line from safety (a clearance in force or lapsed), in safety's own words.
    "safety_note": lambda a: str(a["text"]),
    "swap_regrouped": lambda a: (
        "Your swap changed where a move is done, so the moves are in a new order: you get down "
        "to the floor once and up once."
    ),
    "week_start": lambda a: "The starting routine.",
    "week_gentle": lambda a: "Gentle mode: holds stay short until your pain is lower.",
    "week_same": lambda a: (
        "The same as last week: every move is at the top of what this routine can give it."
    ),
    "week_longer_holds": lambda a: (
        f"Holds are about {a['step_s']} s longer where the safe range allows."
    ),
    "week_harder_variants": lambda a: (
        "Harder variants are swapped in where your answers allow them."
    ),
    "week_more_reps": lambda a: (
        f"Strength moves: {plural(a['reps'], 'more repetition')} a set ({a['names']})."
    ),
    "week_more_sets": lambda a: f"Strength moves: one more set ({a['names']}).",
    "week_harder_strength": lambda a: (
        f"Strength moves: the harder variant comes in ({a['names']})."
    ),
    "mix_chronic": lambda a: (
        "Your pain has lasted 12 weeks or more, so at least two moves build strength and "
        "control and stretches take at most half the time: strength and control help "
        "persistent back pain more than stretching alone."
    ),
    "mix_acute": lambda a: (
        "A new episode settles best when you keep moving, so the routine is gentle movement"
        + (", an easy walk" if a.get("walk") else "")
        + " and moves in the direction that eases, with few long holds."
    ),
    # The condition pathways (planner/pathways.yaml, sources in docs/programme.md).
    "pathway_osteoporosis": lambda a: (
        "For osteoporosis: strengthen the back muscles, practise balance near something to "
        "hold, stand and sit tall, and add impact where it is safe for you, such as brisk "
        "walking or heel drops; avoid bending forward far or with a load, and twisting to the "
        "end of the range."
    ),
    "pathway_hip_early": lambda a: (
        "In the first weeks after a hip replacement: a few gentle exercises, often, always "
        "within your precautions; hold a steady support for standing moves, and follow your "
        "surgeon's and physio's instructions first."
    ),
    "pathway_hip_middle": lambda a: (
        "From about six weeks after a hip replacement the exercises build up: mini squats and "
        "step-ups come in as your hip allows, within any precautions you were told to keep."
    ),
    "pathway_hip_late": lambda a: (
        "From about three months after a hip replacement: harder strength work and balance on "
        "one leg, to get back to stairs, walking further and the things you enjoy."
    ),
    "pathway_pregnancy": lambda a: (
        "In pregnancy, moves on your side, sitting or on hands and knees, that use both legs "
        "alike, are usually kinder to the pelvis; keep up the pelvic-floor exercises through "
        "the day."
    ),
    "pathway_stenosis": lambda a: (
        "With spinal stenosis, bending forward usually eases the legs: walk in short bouts with "
        "a sit-down rest when the legs tire, lean on a shopping trolley or walking poles, and a "
        "static bike is often easier than walking."
    ),
    "pathway_neck": lambda a: (
        "For the neck and upper back: every half hour to an hour at a desk or screen, get up "
        "or change position for a minute; tuck the chin and roll the shoulders back."
    ),
}

#: What tracking learned, and its warning.
NOTES: dict[str, Words] = {
    "painful_replaced": lambda a: (
        f"{a['exercise']} hurt twice, so the gentler {a['variant']} replaces it."
    ),
    "painful_left_out": lambda a: f"{a['exercise']} hurt twice, so it is left out for now.",
    "easy_replaced": lambda a: (
        f"{a['exercise']} felt too easy twice, so {a['variant']} takes its place."
    ),
    "easy_hardest": lambda a: (
        f"{a['exercise']} felt too easy twice; it is already the hardest form."
    ),
    "load_more_reps": lambda a: (
        f"{a['exercise']} felt easy in two sessions and your pain stayed calm the next day, so "
        "it gets more repetitions."
    ),
    "load_more_sets": lambda a: (
        f"{a['exercise']} felt easy again in two sessions, so it gets one more set."
    ),
    "load_back_up": lambda a: f"{a['exercise']} felt easy again, so it is back to its usual dose.",
    "load_harder": lambda a: (
        f"{a['exercise']} felt easy at its fullest dose, so the harder {a['variant']} takes its "
        "place."
    ),
    "load_back": lambda a: (
        f"{a['exercise']} steps back to fewer repetitions or sets, because "
        + (
            "your pain was more than 2 points above your usual the next morning."
            if a.get("why") == "after_flare"
            else "it hurt."
        )
    ),
    "load_easier": lambda a: (
        f"{a['exercise']} hurt again at its lightest dose, so the easier {a['variant']} takes "
        "its place."
    ),
    "hold_steps": lambda a: (
        f"Steady weeks have earned {plural(a['steps'], 'step')} of longer holds."
    ),
    "pain_rising": lambda a: (
        f"Your pain went up from {a['before']:.1f} to {a['now']:.1f} over the past week. Ease "
        "off: do fewer or gentler exercises, stop any that hurt, and get checked by a doctor or "
        "physiotherapist, sooner if it keeps rising."
    ),
}

#: How things are going: pain since the first week, and the activities scale.
VERDICTS: dict[str, Words] = {
    "pain_no_scores": lambda a: (
        "No pain scores yet: log one below, or score your pain in a session."
        if a.get("on") == "page"
        else "No pain scores yet: log one with `supple log pain`."
    ),
    "pain_too_early": lambda a: (
        "Too early to compare: your first week of scores is the baseline; check back in "
        f"{plural(a['wait_days'], 'day')}."
    ),
    "pain_too_few": lambda a: (
        "Not enough scores to compare: log your pain on at least two days a week."
    ),
    "pain_no_pain": lambda a: "You started with little or no pain; keep moving.",
    "pain_better": lambda a: (
        f"Your pain is clearly lower: {a['now']:.1f} now against {a['baseline']:.1f} at the "
        f"start ({a['baseline'] - a['now']:.1f} points, "
        f"{abs(100 * (a['now'] - a['baseline']) / a['baseline']):.0f}% less). That is a change "
        "that matters."
    ),
    "pain_worse": lambda a: (
        f"Your pain is higher than at the start: {a['now']:.1f} against {a['baseline']:.1f}. "
        "Ease off, stop anything that hurts, and get checked by a doctor or physiotherapist."
    ),
    "pain_no_clear_change": lambda a: (
        f"No clear change yet: {a['now']:.1f} now against {a['baseline']:.1f} at the start "
        f"(a change of {plural(a['threshold'], 'point')} or more would matter from there). "
        "Most people need a few weeks."
    ),
    "psfs_again_next_week": lambda a: "Score your activities again next week to see a change.",
    "psfs_easier": lambda a: (
        f"Your activities are clearly easier: {a['latest']:.1f} on average against "
        f"{a['first']:.1f} at the start. That is a change that matters."
    ),
    "psfs_some_easier": lambda a: f"Clearly easier now: {', '.join(a['improved'])}.",
    "psfs_no_clear_change": lambda a: (
        f"Activities: {a['latest']:.1f} on average against {a['first']:.1f} at the start; no "
        "clear change yet."
    ),
}

#: Where each position starts from, said during the move into it.
_INTO = {
    "standing": "Stand up tall, feet hip-width apart.",
    "seated_chair": "Sit near the front of a steady chair, feet flat on the floor.",
    "seated_floor": "Sit on the mat, legs out in front of you.",
    "kneeling": "Come onto your knees on the mat.",
    "all_fours": "Come down onto your hands and knees.",
    "supine": "Lie down on your back on the mat.",
    "prone": "Lie face down on the mat, arms by your sides.",
    "side_lying": "Lie on your side on the mat, knees slightly bent.",
}
#: Getting up from the floor and down to it is where people jar their backs: say how.
_MOVES = {
    "up": "Roll onto your side and push yourself up with your hands, slowly. ",
    "down": "Lower yourself to the mat with care, using a hand for support. ",
    "none": "",
}
_BREATHS = (
    "Keep breathing slowly.",
    "Let your shoulders drop and breathe out.",
    "Breathe low into your belly.",
)

#: What the coach says during a session.
CUES: dict[str, Words] = {
    "next": lambda a: f"Next: {a['name']}.",
    "name": lambda a: f"{a['name']}.",
    "step": lambda a: str(a["text"]),
    "feel": lambda a: str(a["text"]),
    "into_position": lambda a: (
        _MOVES[str(a["move"])] + _INTO.get(str(a["position"]), "Get into position.")
    ),
    "hold": lambda a: f"Hold{_side(a, ' on the {side} side')}. {a['step']}",
    "hold_again": lambda a: f"Hold again{_side(a, ' on the {side} side')}.",
    "safety": lambda a: "Ease off if it hurts — never stretch into pain.",
    "safety_relax": lambda a: (
        "If you feel light-headed or upset, open your eyes, breathe normally and look around "
        "the room."
    ),
    "halfway": lambda a: "Halfway.",
    "breathe_own": lambda a: str(a["text"]),
    "breathe": lambda a: _BREATHS[int(a["n"]) % len(_BREATHS)],
    "count": lambda a: str(a["n"]),
    "bell": lambda a: "Bell.",
    "flow": lambda a: f"{a['step']} Move with your breath, slowly.",
    "inhale": lambda a: f"Breathe in{_shape(a)}.",
    "exhale": lambda a: f"Breathe out{_shape(a)}.",
    "rest": lambda a: f"Rest. Then {a['next']} of {a['reps']}.",
    "switch": lambda a: f"Switch sides: now the {a['side']} side.",
    "reps_start": lambda a: (
        f"{_side(a, '{side} side. ').capitalize()}{a['step']} "
        f"Take {a['move_s']} seconds to move and {a['back_s']} to come back."
    ),
    "effort": lambda a: effort_sentence(Effort.model_validate(a)),
    "tempo_rep": lambda a: "Last one." if a.get("last") else f"{a['n']}.",
    "tempo_hold": lambda a: "Hold.",
    "tempo_back": lambda a: "And back, slowly.",
    "set_rest": lambda a: f"Rest. Set {a['next']} of {a['sets']} comes next.",
    "script": lambda a: str(a["text"]),
    "well_done": lambda a: "That is the end of today's routine. Well done.",
}

#: Every phrase's words, by code.
ALL: dict[str, Words] = {**WHY, **BIAS, **ADVICE, **NOTES, **VERDICTS, **CUES}


def say(phrase: Phrase) -> str:
    """``phrase`` in words."""
    return ALL[phrase.code](phrase.args)


def say_all(phrases: list[Phrase], sep: str = " ") -> str:
    """Several phrases as one text."""
    return sep.join(say(p) for p in phrases)
