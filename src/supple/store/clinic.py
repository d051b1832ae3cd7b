"""What the people who look after others may reach: a clinician their linked patients in their
clinic (:class:`CareTeam`), an admin the accounts of their clinic (:class:`ClinicAccounts`).

Each is scoped when made, the way a :class:`~supple.store.PersonStore` is scoped to a person:
no query of a clinician's team reaches a patient who is not linked to them in their clinic.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError

from supple.app.caseload_records import CaseloadPage, PatientRecords
from supple.app.identity import Account, CareLink
from supple.store import caseload_summary
from supple.store import engine as eng
from supple.store.account_tables import AccountRow, CareLinkRow, Clinic, FlagSeenRow
from supple.store.base import StoreBase
from supple.store.caseload import read_caseload
from supple.store.caseload_list import read_page
from supple.store.directory import account_of, load_account, with_clinic
from supple.store.errors import StoreError
from supple.store.fastread import local_day
from supple.store.schema import QuestionnaireRow
from supple.tracking.model import ScreenRecord


class CareTeam(StoreBase):
    """One clinician's patients: those linked to them in their own clinic, link not ended."""

    def __init__(self, database: StoreBase, clinician: Account) -> None:
        super().__init__(database._engine, database.url, None)
        if clinician.role != "clinician" or clinician.clinic_id is None:
            raise StoreError("only a clinician of a clinic has patients")
        self.clinician = clinician

    def _links(self) -> Select[CareLinkRow, AccountRow, str]:
        return (
            select(CareLinkRow, AccountRow, Clinic.name)
            .join(AccountRow, AccountRow.id == CareLinkRow.patient_id)
            .join(Clinic, Clinic.id == AccountRow.clinic_id, isouter=True)
            .where(CareLinkRow.clinician_id == self.clinician.id)
            .where(CareLinkRow.clinic_id == self.clinician.clinic_id)
            .where(CareLinkRow.ended_at.is_(None))
            .where(AccountRow.deleted_at.is_(None))
        )

    @eng.guarded
    def patients(self) -> list[CareLink]:
        """The clinician's patients, longest linked first."""
        with self._read() as db:
            rows = db.execute(self._links().order_by(CareLinkRow.created_at, CareLinkRow.id)).all()
        return [
            CareLink(self.clinician.id, account_of(a, c), link.clinic_id, link.created_at)
            for link, a, c in rows
        ]

    @eng.guarded
    def patient(self, patient_id: int) -> CareLink | None:
        """The link to patient ``patient_id`` (an account id), or None when they are not this
        clinician's patient in this clinic."""
        with self._read() as db:
            row = db.execute(self._links().where(CareLinkRow.patient_id == patient_id)).first()
        if row is None:
            return None
        link, account, clinic = row
        return CareLink(
            self.clinician.id, account_of(account, clinic), link.clinic_id, link.created_at
        )

    @eng.guarded
    def caseload(self, today: date) -> list[PatientRecords]:
        """Every patient's records for the patient list and triage (a fixed number of queries)."""
        assert self.clinician.clinic_id is not None
        with self._read() as db:
            return read_caseload(
                db, clinician_id=self.clinician.id, clinic_id=self.clinician.clinic_id, today=today
            )

    @eng.guarded
    def caseload_page(
        self,
        today: date,
        *,
        search: str,
        flagged: str | None,
        sort: str,
        limit: int | None,
        offset: int,
        patient: int | None = None,
    ) -> CaseloadPage:
        """One page of the patient list from the summary rows, in one query (the rows not yet
        of ``today`` are brought to it first, once a day per patient)."""
        assert self.clinician.clinic_id is not None
        ask = {
            "clinician_id": self.clinician.id,
            "clinic_id": self.clinician.clinic_id,
            "today": today,
            "search": search,
            "flagged": flagged,
            "sort": sort,
            "limit": limit,
            "offset": offset,
            "patient": patient,
        }
        with self._read() as db:
            found = read_page(db, **ask)  # type: ignore[arg-type]
        if found.stale:
            with self._write() as db:
                caseload_summary.refresh(db, found.stale, today)
            with self._read() as db:
                found = read_page(db, **ask)  # type: ignore[arg-type]
        return CaseloadPage(found.rows, found.total, found.every, found.unseen)

    @eng.guarded
    def screens(self) -> dict[int, list[ScreenRecord]]:
        """Each patient's first and latest support questionnaire (by account id; one query)."""
        assert self.clinician.clinic_id is not None
        ranked = (
            select(
                CareLinkRow.patient_id.label("patient"),
                QuestionnaireRow.at.label("at"),
                QuestionnaireRow.answers.label("answers"),
                func.row_number()
                .over(partition_by=QuestionnaireRow.person_id, order_by=QuestionnaireRow.at)
                .label("first"),
                func.row_number()
                .over(
                    partition_by=QuestionnaireRow.person_id,
                    order_by=QuestionnaireRow.at.desc(),
                )
                .label("latest"),
            )
            .join(AccountRow, AccountRow.id == CareLinkRow.patient_id)
            .join(QuestionnaireRow, QuestionnaireRow.person_id == AccountRow.person_id)
            .where(CareLinkRow.clinician_id == self.clinician.id)
            .where(CareLinkRow.clinic_id == self.clinician.clinic_id)
            .where(CareLinkRow.ended_at.is_(None), AccountRow.deleted_at.is_(None))
            .subquery()
        )
        query = (
            select(ranked.c.patient, ranked.c.at, ranked.c.answers)
            .where((ranked.c.first == 1) | (ranked.c.latest == 1))
            .order_by(ranked.c.patient, ranked.c.at)
        )
        found: dict[int, list[ScreenRecord]] = {}
        with self._read() as db:
            for patient, at, answers in db.execute(query):
                found.setdefault(patient, []).append(ScreenRecord(local_day(at), dict(answers)))
        return found

    @eng.guarded
    def mark_seen(self, patient_id: int, key: str, *, at: datetime) -> None:
        """Keep that the clinician saw flag ``key`` of patient ``patient_id`` (once)."""
        try:
            with self._write() as db:
                found = db.get(FlagSeenRow, (self.clinician.id, patient_id, key))
                if found is None:
                    db.add(
                        FlagSeenRow(
                            clinician_id=self.clinician.id,
                            patient_id=patient_id,
                            flag_key=key,
                            seen_at=at,
                        )
                    )
        except IntegrityError:  # marked twice at once: once is kept
            pass

    @eng.guarded
    def link(self, patient_id: int, *, at: datetime) -> None:
        """Link a patient to the clinician (again, if the link had ended)."""
        assert self.clinician.clinic_id is not None
        try:
            with self._write() as db:
                found = db.scalar(
                    select(CareLinkRow)
                    .where(CareLinkRow.clinician_id == self.clinician.id)
                    .where(CareLinkRow.patient_id == patient_id)
                )
                if found is None:
                    db.add(
                        CareLinkRow(
                            clinician_id=self.clinician.id,
                            patient_id=patient_id,
                            clinic_id=self.clinician.clinic_id,
                            created_at=at,
                        )
                    )
                else:
                    found.ended_at = None
                    found.clinic_id = self.clinician.clinic_id
        except IntegrityError:  # the same invitation accepted twice at once: one link
            pass


class ClinicAccounts(StoreBase):
    """The accounts an admin manages: their clinic's, or every account for an admin of none."""

    def __init__(self, database: StoreBase, clinic_id: int | None) -> None:
        super().__init__(database._engine, database.url, None)
        self.clinic_id = clinic_id

    def _scoped(self) -> Select[AccountRow, str]:
        query = with_clinic().where(AccountRow.deleted_at.is_(None))
        return (
            query if self.clinic_id is None else query.where(AccountRow.clinic_id == self.clinic_id)
        )

    @eng.guarded
    def accounts(self) -> list[Account]:
        with self._read() as db:
            rows = db.execute(self._scoped().order_by(AccountRow.id)).all()
        return [account_of(a, c) for a, c in rows]

    @eng.guarded
    def account(self, account_id: int) -> Account | None:
        """The account, when this admin manages it."""
        with self._read() as db:
            found = load_account(db, account_id)
        if found is None or found.deleted:
            return None
        if self.clinic_id is not None and found.clinic_id != self.clinic_id:
            return None
        return found
