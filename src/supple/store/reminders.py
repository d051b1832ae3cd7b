"""Reminders of one person (``supple.app.reminders``), and who has them on across the database."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import ColumnElement, and_, delete, exists, select, update

from supple.app.reminders import PushTarget, ReminderChoice
from supple.store import engine as eng
from supple.store.base import PersonBase, StoreBase
from supple.store.reminder_tables import PushSubscriptionRow, ReminderRow
from supple.store.timeutil import now
from supple.tracking.reminders import Reminder, ReminderSettings


def _hhmm(moment: time | None) -> str | None:
    return None if moment is None else moment.strftime("%H:%M")


def _time(text: str | None) -> time | None:
    return None if text is None else time.fromisoformat(text)


def _choice(row: ReminderRow) -> ReminderChoice:
    settings = ReminderSettings(
        days=frozenset(int(day) for day in row.days.split(",") if day),
        at=time.fromisoformat(row.at),
        follow_up=row.follow_up,
        quiet_start=_time(row.quiet_start),
        quiet_end=_time(row.quiet_end),
    )
    last = None
    if row.last_slot in ("first", "follow_up") and row.last_at is not None:
        last = Reminder(row.last_slot, datetime.fromisoformat(row.last_at))  # type: ignore[arg-type]
    return ReminderChoice(enabled=row.enabled, settings=settings, last=last)


class RemindersMixin(PersonBase):
    """The person's reminder settings, the last reminder claimed, and their browsers."""

    @eng.guarded
    def reminder_choice(self) -> ReminderChoice | None:
        """The person's reminders as kept (None: they never chose)."""
        with self._read() as db:
            row = db.get(ReminderRow, self.person_id)
            return None if row is None else _choice(row)

    @eng.guarded
    def set_reminder_choice(self, *, enabled: bool, settings: ReminderSettings) -> None:
        """Keep the person's reminder settings; the last reminder sent stays."""
        with self._write() as db:
            row = db.get(ReminderRow, self.person_id, with_for_update=True)
            if row is None:
                row = ReminderRow(person_id=self.person_id, last_slot=None, last_at=None)
                db.add(row)
            row.enabled = enabled
            row.at = settings.at.strftime("%H:%M")
            row.days = ",".join(str(day) for day in sorted(settings.days))
            row.follow_up = settings.follow_up
            row.quiet_start = _hhmm(settings.quiet_start)
            row.quiet_end = _hhmm(settings.quiet_end)
            row.updated_at = now()

    @eng.guarded
    def claim_reminder(self, *, expected: Reminder | None, new: Reminder) -> bool:
        """Record ``new`` as the last reminder sent, only if the last one is still ``expected``
        (one conditional UPDATE: of two senders that read the same, exactly one wins)."""
        same: ColumnElement[bool]
        if expected is None:
            same = ReminderRow.last_at.is_(None)
        else:
            same = and_(
                ReminderRow.last_at == expected.at.isoformat(timespec="seconds"),
                ReminderRow.last_slot == expected.slot,
            )
        with self._write() as db:
            done = db.execute(
                update(ReminderRow)
                .where(ReminderRow.person_id == self.person_id, same)
                .values(last_slot=new.slot, last_at=new.at.isoformat(timespec="seconds"))
                .execution_options(synchronize_session=False)
            )
            return bool(done.rowcount == 1)  # type: ignore[attr-defined]

    @eng.guarded
    def push_targets(self) -> list[PushTarget]:
        """The person's browsers, oldest first."""
        with self._read() as db:
            rows = db.scalars(
                select(PushSubscriptionRow)
                .where(PushSubscriptionRow.person_id == self.person_id)
                .order_by(PushSubscriptionRow.id)
            )
            return [PushTarget(r.endpoint, r.p256dh, r.auth) for r in rows]

    @eng.guarded
    def add_push_target(self, target: PushTarget) -> bool:
        """Keep a browser for the person (the same endpoint again replaces its keys); False,
        and nothing kept, when the endpoint is another person's."""
        with self._write() as db:
            row = db.scalar(
                select(PushSubscriptionRow)
                .where(PushSubscriptionRow.endpoint == target.endpoint)
                .with_for_update()
            )
            if row is not None and row.person_id != self.person_id:
                return False
            if row is None:
                row = PushSubscriptionRow(
                    person_id=self.person_id, endpoint=target.endpoint, created_at=now()
                )
                db.add(row)
            row.p256dh = target.p256dh
            row.auth = target.auth
            return True

    @eng.guarded
    def drop_push_target(self, endpoint: str) -> bool:
        """Forget one of the person's browsers; False when it is not theirs or not kept."""
        with self._write() as db:
            gone = db.execute(
                delete(PushSubscriptionRow).where(
                    PushSubscriptionRow.person_id == self.person_id,
                    PushSubscriptionRow.endpoint == endpoint,
                )
            )
            return bool(gone.rowcount)  # type: ignore[attr-defined]


class ReminderPeopleMixin(StoreBase):
    """Who has reminders on and at least one browser (the sender's one look across people)."""

    @eng.guarded
    def reminder_people(self) -> list[int]:
        """The people to consider on a tick, by id."""
        with self._read() as db:
            has_browser = exists().where(PushSubscriptionRow.person_id == ReminderRow.person_id)
            return list(
                db.scalars(
                    select(ReminderRow.person_id)
                    .where(ReminderRow.enabled.is_(True), has_browser)
                    .order_by(ReminderRow.person_id)
                )
            )


__all__ = ["ReminderPeopleMixin", "RemindersMixin"]
