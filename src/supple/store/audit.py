"""The audit log: appended to, read back, never changed (the database's triggers refuse an
update or a delete, whatever program asks)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from supple.app.access_records import AuditEntry
from supple.store import engine as eng
from supple.store.account_tables import AuditRow
from supple.store.base import StoreBase

#: The most entries one read returns.
MAX_READ = 5000


class AuditLog(StoreBase):
    """Append and read audit entries; each method is one short transaction."""

    @eng.guarded
    def append(self, entry: AuditEntry) -> None:
        with self._write() as db:
            db.add(
                AuditRow(
                    at=entry.at,
                    actor_id=entry.actor_id,
                    actor=entry.actor[:254],
                    action=entry.action[:40],
                    subject_account_id=entry.subject_account_id,
                    subject_person_id=entry.subject_person_id,
                    clinic_id=entry.clinic_id,
                    detail=entry.detail[:300],
                    address=entry.address[:64],
                )
            )

    @eng.guarded
    def entries(
        self, *, since: datetime | None = None, clinic_id: int | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        """The entries since ``since``, newest first; with ``clinic_id``, only those about
        that clinic."""
        query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc())
        if since is not None:
            query = query.where(AuditRow.at >= since)
        if clinic_id is not None:
            query = query.where(AuditRow.clinic_id == clinic_id)
        with self._read() as db:
            rows = db.scalars(query.limit(max(1, min(limit, MAX_READ))))
            return [
                AuditEntry(
                    at=r.at,
                    actor_id=r.actor_id,
                    actor=r.actor,
                    action=r.action,
                    detail=r.detail,
                    address=r.address,
                    subject_account_id=r.subject_account_id,
                    subject_person_id=r.subject_person_id,
                    clinic_id=r.clinic_id,
                )
                for r in rows
            ]
