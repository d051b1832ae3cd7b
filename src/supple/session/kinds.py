"""The fixed answers a session records (plain literals, light to import: tracking and the store
use them too)."""

from typing import Literal

#: Quick feedback on one exercise.
Feedback = Literal["fine", "too_easy", "too_hard", "painful"]
#: How one exercise of a session ended.
ItemStatus = Literal["done", "skipped"]
#: When a pain score of a session was given.
PainMoment = Literal["before", "after"]
#: How a session ended.
EndStatus = Literal["finished", "stopped"]

__all__ = ["EndStatus", "Feedback", "ItemStatus", "PainMoment"]
