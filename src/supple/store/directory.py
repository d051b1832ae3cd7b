"""The install's accounts as a whole: is it in accounts mode, who has this email, this session
token, this access token or this one-time code, and the failed attempts that throttle sign-in.

Everything a signed-in person does to their own account is in :mod:`supple.store.account`;
what an admin or a clinician may see is in :mod:`supple.store.clinic`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, delete, exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from supple.app.access_records import AttemptKind, Code, CodePurpose, StoredAccount, WebSession
from supple.app.identity import Account, Role
from supple.store import engine as eng
from supple.store.account_tables import (
    AccessTokenRow,
    AccountRow,
    Clinic,
    FailedAttemptRow,
    OneTimeCodeRow,
    WebSessionRow,
)
from supple.store.base import StoreBase
from supple.store.errors import StoreError
from supple.store.schema import Person
from supple.store.timeutil import as_utc

#: A session's last-seen time is written at most this often (a read per request, not a write).
TOUCH_EVERY = timedelta(hours=1)


def account_of(row: AccountRow, clinic: str | None) -> Account:
    """The plain record of an account row."""
    return Account(
        id=row.id,
        email=row.email,
        role=row.role,  # type: ignore[arg-type]  # the table's check constraint holds it to Role
        clinic_id=row.clinic_id,
        clinic=clinic,
        person_id=row.person_id,
        created_at=row.created_at,
        disabled=row.disabled_at is not None,
        deleted=row.deleted_at is not None,
    )


def with_clinic() -> Select[AccountRow, str]:
    """Accounts with their clinic's name (an outer join: most have none)."""
    return select(AccountRow, Clinic.name).join(
        Clinic, Clinic.id == AccountRow.clinic_id, isouter=True
    )


def load_account(db: Session, account_id: int) -> Account | None:
    row = db.execute(with_clinic().where(AccountRow.id == account_id)).first()
    return None if row is None else account_of(row[0], row[1])


class Directory(StoreBase):
    """Install-wide account lookups; every public method is one short transaction."""

    @eng.guarded
    def accounts_mode(self) -> bool:
        """Whether any account was ever made (deleted accounts stay as rows, so this never
        turns back)."""
        with self._read() as db:
            return bool(db.scalar(select(exists().where(AccountRow.id.is_not(None)))))

    @eng.guarded
    def clinic_id(self, name: str, *, at: datetime) -> int:
        """The id of the clinic called ``name``, made on first use."""
        with self._write() as db:
            found = db.scalar(select(Clinic.id).where(Clinic.name == name))
            if found is not None:
                return int(found)
            row = Clinic(name=name, created_at=at)
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def unowned_people(self) -> list[int]:
        """The people whose records no account holds (single-person data waiting for one)."""
        owned = select(AccountRow.person_id).where(AccountRow.person_id.is_not(None))
        with self._read() as db:
            return list(
                db.scalars(select(Person.id).where(Person.id.not_in(owned)).order_by(Person.id))
            )

    @eng.guarded
    def create_account(
        self,
        *,
        email: str,
        role: Role,
        password_hash: str | None,
        clinic_id: int | None,
        person_id: int | None,
        at: datetime,
    ) -> Account:
        """Make an account (StoreError when the email is taken)."""
        try:
            with self._write() as db:
                row = AccountRow(
                    email=email,
                    role=role,
                    clinic_id=clinic_id,
                    person_id=person_id,
                    password_hash=password_hash,
                    created_at=at,
                    password_changed_at=at if password_hash else None,
                )
                db.add(row)
                db.flush()
                found = load_account(db, row.id)
        except IntegrityError:
            raise StoreError(f"there is an account for {email} already") from None
        assert found is not None
        return found

    @eng.guarded
    def by_email(self, email: str) -> StoredAccount | None:
        """The account of ``email`` with its password hash, or None."""
        with self._read() as db:
            row = db.execute(with_clinic().where(AccountRow.email == email)).first()
        if row is None:
            return None
        return StoredAccount(account_of(row[0], row[1]), row[0].password_hash)

    @eng.guarded
    def account(self, account_id: int) -> Account | None:
        with self._read() as db:
            return load_account(db, account_id)

    @eng.guarded
    def all_accounts(self) -> list[Account]:
        """Every account, oldest first (deleted ones too)."""
        with self._read() as db:
            rows = db.execute(with_clinic().order_by(AccountRow.id)).all()
        return [account_of(r[0], r[1]) for r in rows]

    # -- credentials ----------------------------------------------------------------------

    @eng.guarded
    def session(self, token_hash: str, *, now: datetime, lifetime: timedelta) -> WebSession | None:
        """The live session whose token hashes to ``token_hash``; its expiry slides forward by
        ``lifetime`` from now (written at most hourly). None when unknown or expired."""
        with self._read() as db:
            row = db.scalar(select(WebSessionRow).where(WebSessionRow.token_hash == token_hash))
            if row is None or as_utc(row.expires_at) <= now:
                return None
            account = load_account(db, row.account_id)
        if account is None or not account.active:
            return None
        if now - as_utc(row.seen_at) >= TOUCH_EVERY:
            with self._write() as db:
                db.execute(
                    update(WebSessionRow)
                    .where(WebSessionRow.id == row.id)
                    .values(seen_at=now, expires_at=now + lifetime)
                )
        return WebSession(row.id, account, row.csrf_token, row.seen_at, row.expires_at)

    @eng.guarded
    def token_owner(self, token_hash: str, *, now: datetime) -> Account | None:
        """The account of the access token that hashes to ``token_hash`` (None: no such token,
        or its account can no longer act)."""
        query = with_clinic().add_columns(AccessTokenRow.id, AccessTokenRow.last_used_at)
        query = query.join(AccessTokenRow, AccessTokenRow.account_id == AccountRow.id)
        with self._glance() as db:  # the token and its account in one query: read per request
            found = db.execute(query.where(AccessTokenRow.token_hash == token_hash)).first()
        if found is None:
            return None
        owner, clinic, token_id, last = found
        account = account_of(owner, clinic)
        if not account.active:
            return None
        if last is None or now - as_utc(last) >= TOUCH_EVERY:
            with self._write() as db:
                db.execute(
                    update(AccessTokenRow)
                    .where(AccessTokenRow.id == token_id)
                    .values(last_used_at=now)
                )
        return account

    @eng.guarded
    def code(self, code_hash: str, purpose: CodePurpose) -> Code | None:
        """The one-time code that hashes to ``code_hash``, used or not, or None."""
        with self._read() as db:
            row = db.scalar(
                select(OneTimeCodeRow)
                .where(OneTimeCodeRow.code_hash == code_hash)
                .where(OneTimeCodeRow.purpose == purpose)
            )
            account = None if row is None else load_account(db, row.account_id)
        if row is None or account is None:
            return None
        return Code(row.id, purpose, account, as_utc(row.expires_at), row.used_at)

    @eng.guarded
    def use_code(self, code_id: int, *, by: int, at: datetime) -> bool:
        """Mark the code used by account ``by``; False when it was used meanwhile (a code
        works once, even for two requests at the same moment)."""
        with self._write() as db:
            done = db.execute(
                update(OneTimeCodeRow)
                .where(OneTimeCodeRow.id == code_id)
                .where(OneTimeCodeRow.used_at.is_(None))
                .values(used_at=at, used_by=by)
            )
            return bool(done.rowcount)  # type: ignore[attr-defined]

    # -- throttling -----------------------------------------------------------------------

    @eng.guarded
    def fail(self, kind: AttemptKind, *, email: str, address: str, at: datetime) -> None:
        """Count a failed attempt; attempts older than a day are dropped meanwhile."""
        with self._write() as db:
            db.add(FailedAttemptRow(kind=kind, at=at, email=email[:254], address=address[:64]))
            db.execute(delete(FailedAttemptRow).where(FailedAttemptRow.at < at - timedelta(days=1)))

    @eng.guarded
    def failures(
        self,
        kind: AttemptKind,
        *,
        since: datetime,
        email: str | None = None,
        address: str | None = None,
    ) -> list[datetime]:
        """When the failed attempts since ``since`` for ``email`` (or from ``address``) were
        made, oldest first."""
        query = select(FailedAttemptRow.at).where(FailedAttemptRow.kind == kind)
        query = query.where(FailedAttemptRow.at >= since).order_by(FailedAttemptRow.at)
        if email is not None:
            query = query.where(FailedAttemptRow.email == email)
        if address is not None:
            query = query.where(FailedAttemptRow.address == address)
        with self._read() as db:
            return [as_utc(at) for at in db.scalars(query.limit(1000))]

    @eng.guarded
    def forget_failures(self, email: str) -> None:
        """Start the count of an account afresh (after a right password)."""
        with self._write() as db:
            db.execute(delete(FailedAttemptRow).where(FailedAttemptRow.email == email))
