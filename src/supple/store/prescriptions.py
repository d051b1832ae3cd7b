"""A person's programme versions (``supple.app.prescriptions``) and a clinic's templates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from supple.app.prescription_records import Template, Version
from supple.planner.model import Plan
from supple.planner.prescription import Prescription
from supple.store import engine as eng
from supple.store.base import PersonBase, StoreBase
from supple.store.entries import plan_body
from supple.store.errors import StoreError
from supple.store.prescription_tables import ProgrammeTemplateRow, ProgrammeVersionRow
from supple.store.schema import Person, PlanRow

#: The most versions one read returns.
MAX_VERSIONS = 200


def _version(row: ProgrammeVersionRow) -> Version:
    return Version(
        number=row.number,
        author_id=row.author_id,
        author_name=row.author_name,
        created_at=row.created_at,
        prescription=Prescription.model_validate(row.body),
        summary=row.summary,
    )


class VersionsMixin(PersonBase):
    """The person's programme versions: appended, never edited; the latest is the current."""

    @eng.guarded
    def save_version(
        self,
        prescription: Prescription,
        *,
        author_id: int | None,
        author_name: str,
        summary: str,
        plan: Plan,
        plan_kind: str,
        at: datetime,
    ) -> int:
        """Keep ``prescription`` as the next version (with ``plan``, its routine, as the
        person's plan of ``plan_kind``, and their days a week), all at once; its number."""
        with self._write() as db:
            person = db.get(Person, self.person_id, with_for_update=True)  # one saver at a time
            assert person is not None
            last = db.scalar(
                select(func.max(ProgrammeVersionRow.number)).where(
                    ProgrammeVersionRow.person_id == self.person_id
                )
            )
            number = int(last or 0) + 1
            db.add(
                ProgrammeVersionRow(
                    person_id=self.person_id,
                    number=number,
                    author_id=author_id,
                    author_name=author_name[:254],
                    created_at=at,
                    body=prescription.model_dump(mode="json"),
                    summary=summary,
                )
            )
            db.add(
                PlanRow(
                    person_id=self.person_id, kind=plan_kind, created_at=at, body=plan_body(plan)
                )
            )
            person.days_per_week = prescription.days_per_week
            try:
                db.flush()
            except IntegrityError:
                raise StoreError(
                    "someone saved this programme at the same moment: try again"
                ) from None
            return number

    @eng.guarded
    def person_name(self) -> str:
        """The person's name (for the clinician's programme pages)."""
        with self._read() as db:
            person = db.get(Person, self.person_id)
            return "" if person is None else person.name

    @eng.guarded
    def latest_version(self) -> Version | None:
        """The person's current programme version, or None."""
        with self._read() as db:
            row = db.scalar(
                select(ProgrammeVersionRow)
                .where(ProgrammeVersionRow.person_id == self.person_id)
                .order_by(ProgrammeVersionRow.number.desc())
                .limit(1)
            )
            return None if row is None else _version(row)

    @eng.guarded
    def versions(self, limit: int = 50) -> list[Version]:
        """The person's versions, newest first."""
        with self._read() as db:
            rows = db.scalars(
                select(ProgrammeVersionRow)
                .where(ProgrammeVersionRow.person_id == self.person_id)
                .order_by(ProgrammeVersionRow.number.desc())
                .limit(max(1, min(limit, MAX_VERSIONS)))
            )
            return [_version(r) for r in rows]


def _template(row: ProgrammeTemplateRow) -> Template:
    return Template(
        id=row.id,
        name=row.name,
        clinic_id=row.clinic_id,
        author_id=row.author_id,
        author_name=row.author_name,
        created_at=row.created_at,
        prescription=Prescription.model_validate(row.body),
    )


class ClinicTemplates(StoreBase):
    """One clinic's programme templates (no query reaches another clinic's)."""

    def __init__(self, database: StoreBase, clinic_id: int) -> None:
        super().__init__(database._engine, database.url, None)
        self.clinic_id = clinic_id

    @eng.guarded
    def templates(self) -> list[Template]:
        """The clinic's templates by name."""
        with self._read() as db:
            rows = db.scalars(
                select(ProgrammeTemplateRow)
                .where(ProgrammeTemplateRow.clinic_id == self.clinic_id)
                .order_by(ProgrammeTemplateRow.name, ProgrammeTemplateRow.id)
            )
            return [_template(r) for r in rows]

    @eng.guarded
    def template(self, template_id: int) -> Template | None:
        """The clinic's template with this id, or None."""
        with self._read() as db:
            row = db.scalar(
                select(ProgrammeTemplateRow)
                .where(ProgrammeTemplateRow.id == template_id)
                .where(ProgrammeTemplateRow.clinic_id == self.clinic_id)
            )
            return None if row is None else _template(row)

    @eng.guarded
    def save_template(
        self,
        name: str,
        prescription: Prescription,
        *,
        author_id: int | None,
        author_name: str,
        at: datetime,
    ) -> int:
        """Keep ``prescription`` under ``name``, replacing the clinic's template of that name."""
        with self._write() as db:
            row = db.scalar(
                select(ProgrammeTemplateRow)
                .where(ProgrammeTemplateRow.clinic_id == self.clinic_id)
                .where(ProgrammeTemplateRow.name == name)
                .with_for_update()
            )
            if row is None:
                row = ProgrammeTemplateRow(clinic_id=self.clinic_id, name=name)
                db.add(row)
            row.author_id = author_id
            row.author_name = author_name[:254]
            row.created_at = at
            row.body = prescription.model_dump(mode="json")
            try:
                db.flush()
            except IntegrityError:
                raise StoreError("a template of that name was saved at the same moment") from None
            return row.id


__all__ = ["ClinicTemplates", "VersionsMixin"]
