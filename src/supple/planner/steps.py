"""How far earned progress may take a routine (light to import: tracking counts the steps)."""

#: Upper bound on earned weekly hold steps; each step is clamped to an item's safe range anyway.
MAX_HOLD_STEP = 12

__all__ = ["MAX_HOLD_STEP"]
