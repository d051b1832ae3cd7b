"""What the use cases need from the outside, as protocols the adapters fulfil.

The store (``supple.store``) implements them; a use case is handed one and never opens it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:  # annotations only: a command that needs one use case loads only its parts
    from supple.app.records import Activity, Change, History, ImportedProgramme, Keep, SessionState
    from supple.planner.model import Plan
    from supple.safety.profile import Profile
    from supple.session.events import SessionEvent
    from supple.tracking.digest import Digest
    from supple.tracking.model import TrackingInput

#: The forms of the export file.
ExportFormat = Literal["json", "csv"]


class TrackingSource(Protocol):
    """Where tracking's records come from (the store, or its light read for a fast start)."""

    def tracking_input(
        self, today: date | None = None, *, since: date | None = None
    ) -> TrackingInput: ...

    def tracking_digest(self, today: date | None = None) -> Digest: ...

    def tracking_window(
        self, today: date | None = None, *, since: date
    ) -> tuple[TrackingInput, Digest]:
        """The records of the days from ``since`` on and the digest (read together)."""
        ...


class Records(TrackingSource, Protocol):
    """Every record of one person: what a use case reads and writes."""

    def latest_profile(self) -> Profile | None: ...

    def save_profile(self, profile: Profile, *, at: datetime | None = None) -> int: ...

    def profile_history(self, limit: int = 50) -> list[tuple[datetime, Profile]]: ...

    def save_plan(self, plan: Plan, *, kind: str = "daily", at: datetime | None = None) -> int: ...

    def find_plan(self, plan_id: int) -> Plan | None: ...

    def latest_plan(self, kind: str) -> Plan | None: ...

    def begin_session(self, plan_id: int | None, *, key: str, at: datetime) -> int: ...

    def follow_plan(self, session_id: int, plan: Plan) -> int: ...

    def record(
        self, session_id: int, event: SessionEvent, *, plan_id: int | None = None
    ) -> bool: ...

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

    def add_note(
        self, text: str, *, session_id: int | None = None, at: datetime | None = None
    ) -> int: ...

    def correct_pain(
        self, pain_id: int, *, score: int | None = None, note: str | Keep | None = ...
    ) -> Change | None: ...

    def delete_pain(self, pain_id: int) -> Change | None: ...

    def correct_note(self, note_id: int, text: str) -> Change | None: ...

    def delete_note(self, note_id: int) -> Change | None: ...

    def activities(self) -> list[Activity]: ...

    def rename_activity(self, activity_id: int, name: str) -> Change | None: ...

    def remove_activity(self, activity_id: int) -> Change | None: ...
    def start_walking(self, comfortable_s: int, *, at: datetime | None = None) -> int: ...

    def log_walk(self, seconds: int, *, at: datetime | None = None) -> int: ...

    def mark_read(self, lesson: str, *, at: datetime | None = None) -> bool: ...

    def lessons_read(self) -> dict[str, datetime]: ...

    def latest_session(self) -> SessionState | None: ...

    def save_direction_test(
        self, answers: Mapping[str, Any], *, at: datetime | None = None
    ) -> int: ...

    def save_questionnaire(
        self,
        answers: Mapping[str, int],
        *,
        instrument: str,
        score: int,
        tier: str,
        at: datetime | None = None,
    ) -> int: ...

    def export_text(self, fmt: ExportFormat) -> str: ...

    def import_text(self, text: str) -> dict[str, int]: ...

    def import_programme(self, imported: ImportedProgramme, *, kind: str) -> dict[str, int]: ...
    def delete_records(self) -> dict[str, int]: ...


class Database(Protocol):
    """The whole database, for what is done to all of it at once."""

    def backup(self, path: Path | None = None, *, person: int | None = None) -> Path: ...


__all__ = ["Database", "ExportFormat", "Records", "TrackingSource"]
