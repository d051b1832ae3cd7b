"""Directional preference: bias the routine to extension, flexion, or a neutral mix (Long 2004)."""

from __future__ import annotations

from collections.abc import Collection

from supple.library.model import Exercise
from supple.planner.model import Bias
from supple.planner.why import join_words
from supple.safety.profile import Profile

#: Activities that open the spine backwards or keep it upright, and those that round it.
EXTENSION_LIKE = frozenset({"bending_backward", "standing", "walking"})
FLEXION_LIKE = frozenset({"bending_forward", "sitting"})
#: Directional preference is studied for the lower back and leg (Long 2004), not the neck.
DIRECTIONAL_AREAS = frozenset({"lower_back", "buttock_or_leg"})
FLEXION_LOADS = frozenset({"spinal_flexion", "spinal_flexion_gentle"})


def _words(items: Collection[str]) -> str:
    return join_words(sorted(i.replace("_", " ") for i in items))


def directional_bias(profile: Profile) -> tuple[Bias, str]:
    """The bias for ``profile`` and the reason, in plain words."""
    if not DIRECTIONAL_AREAS & set(profile.pain_areas):
        return "neutral", (
            "A neutral mix of directions: a preferred direction of movement is known to help "
            "lower back and leg pain, not the neck or upper back, so none is favoured."
        )
    eases, worse = set(profile.eases_with), set(profile.worse_with)
    ext_for = (eases & EXTENSION_LIKE) | (worse & FLEXION_LIKE)
    flex_for = (eases & FLEXION_LIKE) | (worse & EXTENSION_LIKE)
    if len(ext_for) > len(flex_for):
        return "extension", (
            f"Leaning towards gentle arching (extension) moves, because of your answers about "
            f"{_words(ext_for)}: people whose pain eases with upright or backward movement "
            f"tend to do better with exercises in that direction."
        )
    if len(flex_for) > len(ext_for):
        return "flexion", (
            f"Leaning towards gentle rounding (flexion) moves, because of your answers about "
            f"{_words(flex_for)}: people whose pain eases with forward bending or sitting "
            f"tend to do better with exercises in that direction."
        )
    conditions = set(profile.conditions)
    if not ext_for and conditions & {"spinal_stenosis", "spondylolisthesis"}:
        return "flexion", (
            "Leaning towards gentle rounding (flexion) moves, as most clinicians do for spinal "
            "stenosis or spondylolisthesis (the evidence for this is weak)."
        )
    if not flex_for and "osteoporosis" in conditions:
        return "extension", (
            "Leaning towards gentle arching (extension) moves, which osteoporosis guidance "
            "favours over forward bending."
        )
    if ext_for or flex_for:
        return "neutral", (
            "A neutral mix of directions: your answers point both ways, so no single direction "
            "is favoured."
        )
    return "neutral", (
        "A neutral mix of directions: nothing in your answers shows that one direction of "
        "movement eases your pain."
    )


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
