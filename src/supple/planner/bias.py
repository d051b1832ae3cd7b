"""Directional preference: bias the routine to extension, flexion, or a neutral mix (Long 2004)."""

from __future__ import annotations

from supple.library.model import Exercise
from supple.planner.model import Bias
from supple.planner.phrase import Phrase, phrase
from supple.safety.profile import Profile

#: Activities that open the spine backwards or keep it upright, and those that round it.
EXTENSION_LIKE = frozenset({"bending_backward", "standing", "walking"})
FLEXION_LIKE = frozenset({"bending_forward", "sitting"})
#: Directional preference is studied for the lower back and leg (Long 2004), not the neck.
DIRECTIONAL_AREAS = frozenset({"lower_back", "buttock_or_leg"})
FLEXION_LOADS = frozenset({"spinal_flexion", "spinal_flexion_gentle"})


def directional_bias(profile: Profile) -> tuple[Bias, Phrase]:
    """The bias for ``profile`` and the reason for it."""
    if not DIRECTIONAL_AREAS & set(profile.pain_areas):
        return "neutral", phrase("neutral_not_directional")
    eases, worse = set(profile.eases_with), set(profile.worse_with)
    ext_for = (eases & EXTENSION_LIKE) | (worse & FLEXION_LIKE)
    flex_for = (eases & FLEXION_LIKE) | (worse & EXTENSION_LIKE)
    if len(ext_for) > len(flex_for):
        return "extension", phrase("lean_extension", answers=sorted(ext_for))
    if len(flex_for) > len(ext_for):
        return "flexion", phrase("lean_flexion", answers=sorted(flex_for))
    conditions = set(profile.conditions)
    if not ext_for and conditions & {"spinal_stenosis", "spondylolisthesis"}:
        return "flexion", phrase("lean_flexion_stenosis")
    if not flex_for and "osteoporosis" in conditions:
        return "extension", phrase("lean_extension_osteoporosis")
    if ext_for or flex_for:
        return "neutral", phrase("neutral_both_ways")
    return "neutral", phrase("neutral_no_direction")


def preference(exercise: Exercise, bias: Bias) -> int:
    """+1 when ``exercise`` moves the spine in the favoured direction, -1 against it, else 0."""
    if bias == "neutral":
        return 0
    loads = set(exercise.loads)
    ext = "spinal_extension" in loads
    flex = bool(FLEXION_LOADS & loads)
    if ext == flex:
        return 0
    return 1 if ext == (bias == "extension") else -1
