"""One account's own rows: its password, its signed-in browsers, its access tokens, the codes
made for it, and erasing it. Made by :meth:`Store.for_account`; no query reaches another
account's rows."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from supple.app.access_records import CodePurpose, TokenInfo
from supple.app.identity import Account
from supple.store import engine as eng
from supple.store.account_tables import (
    AccessTokenRow,
    AccountRow,
    CareLinkRow,
    OneTimeCodeRow,
    WebSessionRow,
)
from supple.store.base import StoreBase
from supple.store.directory import load_account
from supple.store.errors import StoreError
from supple.store.schema import Person


class AccountStore(StoreBase):
    """Every read and write of one account's own rows; each method is one short transaction."""

    def __init__(self, database: StoreBase, account_id: int) -> None:
        super().__init__(database._engine, database.url, None)
        self.account_id = account_id

    @eng.guarded
    def account(self) -> Account:
        with self._read() as db:
            found = load_account(db, self.account_id)
        if found is None:
            raise StoreError(f"there is no account {self.account_id} in {self.where}")
        return found

    @eng.guarded
    def password_hash(self) -> str | None:
        with self._read() as db:
            return db.scalar(
                select(AccountRow.password_hash).where(AccountRow.id == self.account_id)
            )

    @eng.guarded
    def set_password(self, password_hash: str, *, at: datetime | None) -> None:
        """Keep a new hash; ``at`` is when the person changed it (None: a rehash, the same
        password with new parameters)."""
        values: dict[str, object] = {"password_hash": password_hash}
        if at is not None:
            values["password_changed_at"] = at
        with self._write() as db:
            db.execute(update(AccountRow).where(AccountRow.id == self.account_id).values(**values))

    @eng.guarded
    def set_disabled(self, at: datetime | None) -> None:
        """Disable the account from ``at`` (None: enable it again); its sessions end."""
        with self._write() as db:
            db.execute(
                update(AccountRow).where(AccountRow.id == self.account_id).values(disabled_at=at)
            )
            if at is not None:
                db.execute(delete(WebSessionRow).where(WebSessionRow.account_id == self.account_id))

    @eng.guarded
    def set_clinic(self, clinic_id: int) -> None:
        with self._write() as db:
            db.execute(
                update(AccountRow)
                .where(AccountRow.id == self.account_id)
                .values(clinic_id=clinic_id)
            )

    # -- sessions -------------------------------------------------------------------------

    @eng.guarded
    def start_session(
        self, *, token_hash: str, csrf_token: str, at: datetime, lifetime: timedelta, address: str
    ) -> int:
        with self._write() as db:
            row = WebSessionRow(
                account_id=self.account_id,
                token_hash=token_hash,
                csrf_token=csrf_token,
                created_at=at,
                seen_at=at,
                expires_at=at + lifetime,
                address=address[:64],
            )
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def end_session(self, session_id: int) -> None:
        with self._write() as db:
            db.execute(
                delete(WebSessionRow)
                .where(WebSessionRow.id == session_id)
                .where(WebSessionRow.account_id == self.account_id)
            )

    @eng.guarded
    def end_all_sessions(self) -> int:
        """Sign the account out everywhere; return how many sessions ended."""
        with self._write() as db:
            done = db.execute(
                delete(WebSessionRow).where(WebSessionRow.account_id == self.account_id)
            )
            return int(done.rowcount)  # type: ignore[attr-defined]

    # -- access tokens --------------------------------------------------------------------

    @eng.guarded
    def add_token(self, *, name: str, token_hash: str, hint: str, at: datetime) -> int:
        with self._write() as db:
            row = AccessTokenRow(
                account_id=self.account_id,
                name=name,
                token_hash=token_hash,
                hint=hint,
                created_at=at,
            )
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def tokens(self) -> list[TokenInfo]:
        with self._read() as db:
            rows = db.scalars(
                select(AccessTokenRow)
                .where(AccessTokenRow.account_id == self.account_id)
                .order_by(AccessTokenRow.id)
            )
            return [TokenInfo(r.id, r.name, r.hint, r.created_at, r.last_used_at) for r in rows]

    @eng.guarded
    def drop_token(self, token_id: int) -> bool:
        """Revoke a token of this account; False when it has no such token."""
        with self._write() as db:
            done = db.execute(
                delete(AccessTokenRow)
                .where(AccessTokenRow.id == token_id)
                .where(AccessTokenRow.account_id == self.account_id)
            )
            return bool(done.rowcount)  # type: ignore[attr-defined]

    # -- one-time codes -------------------------------------------------------------------

    @eng.guarded
    def add_code(
        self, purpose: CodePurpose, *, code_hash: str, at: datetime, expires_at: datetime
    ) -> int:
        """Keep a code made for this account (an invitation from it, or a reset of it); a new
        reset code replaces the unused ones before it."""
        with self._write() as db:
            if purpose == "reset":
                db.execute(
                    delete(OneTimeCodeRow)
                    .where(OneTimeCodeRow.account_id == self.account_id)
                    .where(OneTimeCodeRow.purpose == "reset")
                    .where(OneTimeCodeRow.used_at.is_(None))
                )
            row = OneTimeCodeRow(
                purpose=purpose,
                code_hash=code_hash,
                account_id=self.account_id,
                created_at=at,
                expires_at=expires_at,
            )
            db.add(row)
            db.flush()
            return row.id

    # -- erasing --------------------------------------------------------------------------

    @eng.guarded
    def erase(self, *, at: datetime) -> int | None:
        """Erase the account: its records (every health row, through the person), sessions,
        tokens, codes and care links; the row stays, without email or password, so audit
        entries keep their meaning. Return the erased person's id, if it had records."""
        with self._write() as db:
            row = db.get(AccountRow, self.account_id)
            if row is None:
                raise StoreError(f"there is no account {self.account_id} in {self.where}")
            person_id = row.person_id
            mine = (WebSessionRow, AccessTokenRow, OneTimeCodeRow)
            for table in mine:
                db.execute(delete(table).where(table.account_id == self.account_id))
            db.execute(
                delete(CareLinkRow).where(
                    (CareLinkRow.patient_id == self.account_id)
                    | (CareLinkRow.clinician_id == self.account_id)
                )
            )
            row.email = f"deleted-{row.id}"
            row.password_hash = None
            row.person_id = None
            row.deleted_at = at
            row.disabled_at = row.disabled_at or at
            db.flush()
            if person_id is not None:
                db.execute(delete(Person).where(Person.id == person_id))
            return person_id
