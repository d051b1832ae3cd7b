"""What the use cases need from the outside, as protocols the adapters fulfil.

The store (``supple.store``) implements them; a use case is handed one and never opens it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # annotations only: a command that needs one use case loads only its parts
    from supple.app.records import History, SessionState
    from supple.planner.model import Plan
    from supple.safety.profile import Profile
    from supple.session.events import SessionEvent
    from supple.tracking.model import TrackingInput

#: The forms of the export file.
ExportFormat = Literal["json", "csv"]


class TrackingSource(Protocol):
    """Where tracking's records come from (the store, or its light read for a fast start)."""

    def tracking_input(self, today: date | None = None) -> TrackingInput: ...


class Records(TrackingSource, Protocol):
    """Every record of one person: what a use case reads and writes."""

    def latest_profile(self) -> Profile | None: ...

    def save_profile(self, profile: Profile, *, at: datetime | None = None) -> int: ...

    def profile_history(self, limit: int = 50) -> list[tuple[datetime, Profile]]: ...

    def save_plan(self, plan: Plan, *, kind: str = "daily", at: datetime | None = None) -> int: ...

    def find_plan(self, plan_id: int) -> Plan | None: ...

    def begin_session(self, plan_id: int | None, *, key: str, at: datetime) -> int: ...

    def follow_plan(self, session_id: int, plan: Plan) -> int: ...

    def record(self, session_id: int, event: SessionEvent) -> bool: ...

    def unfinished_session(self) -> SessionState | None: ...

    def session_state(self, session_id: int) -> SessionState: ...

    def close_unfinished(self, before: datetime, *, at: datetime) -> int: ...

    def log_pain(
        self, score: int, *, note: str | None = None, at: datetime | None = None
    ) -> int: ...

    def psfs_activities(self) -> list[str]: ...

    def save_psfs(self, scores: Mapping[str, int], *, at: datetime | None = None) -> int: ...

    def set_days_per_week(self, days: int) -> None: ...

    def history(self, limit: int = 20) -> History: ...

    def export_text(self, fmt: ExportFormat) -> str: ...

    def import_text(self, text: str) -> dict[str, int]: ...

    def delete_records(self) -> dict[str, int]: ...


class Database(Protocol):
    """The whole database, for what is done to all of it at once."""

    def backup(self, path: Path | None = None, *, person: int | None = None) -> Path: ...


__all__ = ["Database", "ExportFormat", "Records", "TrackingSource"]
