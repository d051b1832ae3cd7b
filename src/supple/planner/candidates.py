"""Which moves may be chosen: the safety exclusions, the person's feedback, and replacements.

An exclusion rule may name a stand-in for a move it removes (``instead`` in rules.yaml, such
as a side-lying rest for a rest on the back in pregnancy): when the stand-in is allowed, the
left-out entry names it and, when chosen, its reason says whose place it takes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from supple.library.model import Exercise
from supple.planner.adjust import Adjustments
from supple.planner.direction import SPREAD_RULE, bends
from supple.planner.model import Excluded
from supple.safety.exclusions import active_rules, exclusions
from supple.safety.profile import Profile
from supple.safety.rules import Rules

#: The rule id shown when the person's own feedback removed a move.
FEEDBACK_RULE = "feedback"
#: The rule id shown when a move was swapped for one of its variants (feedback or progression).
SWAP_RULE = "variant_swap"


@dataclass(frozen=True, slots=True)
class Eligible:
    """The moves left to choose from, what replaced what, and every move left out.

    ``replaced_from``: a variant swapped in after feedback -> the move it replaces;
    ``stand_ins``: a stand-in a safety rule offers -> the move that rule removed.
    """

    exercises: dict[str, Exercise]
    replaced_from: dict[str, str]
    excluded: list[Excluded]
    stand_ins: dict[str, str]


def eligible(
    profile: Profile, library: Mapping[str, Exercise], adjustments: Adjustments, rules: Rules
) -> Eligible:
    """Apply the exclusions, then the feedback (a replacement must pass the exclusions too)."""
    ruled = exclusions(profile, library.values(), rules)
    out = {i: Excluded(exercise=i, rule=r.text) for i, r in ruled.items()}
    out.update(_spreading(library, adjustments, out))
    allowed: dict[str, Exercise] = {}
    replaced_from: dict[str, str] = {}
    for ex_id in sorted(library):
        if ex_id in out:
            continue
        if ex_id in adjustments.leave_out:
            reason = adjustments.leave_out[ex_id]
            out[ex_id] = Excluded(
                exercise=ex_id,
                rule=f"Left out after your feedback: {reason} (rule {FEEDBACK_RULE})",
            )
            continue
        target = adjustments.resolve(ex_id)
        if target == ex_id or target not in library:
            allowed.setdefault(ex_id, library[ex_id])
            continue
        if target in ruled:
            why = ruled[target]
            out[ex_id] = Excluded(
                exercise=ex_id,
                rule=f"Its replacement {target} {why.sentence} (rule {why.rule_id})",
            )
            continue
        if target in adjustments.leave_out:
            out[ex_id] = Excluded(
                exercise=ex_id,
                rule=f"Its replacement {target} was left out after your feedback "
                f"(rule {FEEDBACK_RULE})",
            )
            continue
        out[ex_id] = Excluded(
            exercise=ex_id,
            rule=f"Swapped for its variant {target} (rule {SWAP_RULE})",
        )
        allowed[target] = library[target]
        replaced_from.setdefault(target, ex_id)
    for ex_id in list(allowed):
        if ex_id in out:  # a move both replaced and used as a replacement stays out
            del allowed[ex_id]
    stand_ins: dict[str, str] = {}
    for rule in active_rules(profile, rules):
        for gone, stand_in in rule.instead.items():
            if gone in ruled and stand_in in allowed and stand_in not in replaced_from:
                stand_ins.setdefault(stand_in, gone)
                note = f"{out[gone].rule}; its stand-in is {stand_in}"
                out[gone] = Excluded(exercise=gone, rule=note)
    excluded = sorted(out.values(), key=lambda e: e.exercise)
    return Eligible(allowed, replaced_from, excluded, stand_ins)


def _spreading(
    library: Mapping[str, Exercise], adjustments: Adjustments, out: Mapping[str, Excluded]
) -> dict[str, Excluded]:
    """The moves that bend the spine in a direction that spread the person's leg symptoms."""
    findings = adjustments.direction
    if findings is None or not findings.avoid:
        return {}
    gone = {}
    for ex_id, ex in library.items():
        ways = [d for d in findings.avoid if bends(ex, d)]
        if ex_id not in out and ways:
            rule = (
                f"It bends the spine in a direction ({' and '.join(ways)}) that sent your leg "
                f"symptoms further down the leg (rule {SPREAD_RULE})"
            )
            gone[ex_id] = Excluded(exercise=ex_id, rule=rule)
    return gone
