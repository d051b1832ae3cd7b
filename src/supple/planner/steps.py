"""How far earned progress may take a routine (light to import: tracking counts the steps).

A strength move climbs a ladder of load steps as the person finds it easy: steps 1 and 2 add
repetitions, step 3 adds a set as well, and past the top the harder variant takes its place (at
step 0 of its own ladder). Stepping back below 0 takes repetitions away, and past the bottom the
easier variant comes in. The planner turns a step into a dose (``supple.planner.dose``); tracking
and the programme decide the steps.
"""

#: Upper bound on earned weekly hold steps; each step is clamped to an item's safe range anyway.
MAX_HOLD_STEP = 12
#: Strength steps: -1 fewer repetitions, 0 the library's dose, 1 and 2 more repetitions, 3 a
#: set more (with the repetitions of step 2).
MIN_LOAD_STEP = -1
MAX_LOAD_STEP = 3
#: The step from which a strength move does one set more.
SET_STEP = 3
#: Repetitions added (or taken away) by one step.
REPS_PER_STEP = 2

__all__ = ["MAX_HOLD_STEP", "MAX_LOAD_STEP", "MIN_LOAD_STEP", "REPS_PER_STEP", "SET_STEP"]
