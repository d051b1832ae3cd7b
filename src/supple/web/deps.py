"""What every route needs, as typed FastAPI dependencies: the person whose request it is, and
their records (``ContextDep``); a clinician on a linked patient's (``PatientViewDep``); the
library for anyone signed in (``ViewerDep``). Who may use which is decided in
:mod:`supple.web.access`."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from supple.app import audit, care
from supple.app.identity import Account, CareLink, Principal
from supple.app.passwords import Passwords
from supple.library import Library
from supple.web.access import SAFE_METHODS, ClinicianDep, SignedInDep, address, patient_person

if TYPE_CHECKING:
    from supple.settings import Settings
    from supple.store import PersonStore, Store


def utc_now() -> datetime:
    return datetime.now(UTC)


class Memo:
    """A small least-recently-used memo for things that never change once made (saved plans
    and their timelines), so a busy player does not rebuild them on every request."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def forget(self, key: Hashable) -> None:
        with self._lock:
            self._items.pop(key, None)

    def forget_person(self, person_id: int) -> None:
        """Drop everything kept for one person (their records were deleted: ids come again)."""
        with self._lock:
            for key in [k for k in self._items if isinstance(k, tuple) and k[:1] == (person_id,)]:
                del self._items[key]


@dataclass(frozen=True)
class PersonMemo:
    """The memo as one person's requests see it: every key is theirs alone."""

    memo: Memo
    #: whose: the person in single-person mode, else their account (an account id is never
    #: used again, while a deleted person's id may be, with their plans' ids)
    owner: Hashable

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        return self.memo.get((self.owner, key), make)

    def forget(self, key: Hashable) -> None:
        self.memo.forget((self.owner, key))


@dataclass
class Web:
    """The app's collaborators, made once by ``create_app`` (nothing global at import)."""

    database: Store
    library: Library
    settings: Settings
    #: whom the app serves in single-person mode: the settings' person or the only one (None
    #: until asked, and never in accounts mode, where a database holds many)
    person_id: int | None = None
    clock: Callable[[], datetime] = utc_now
    passwords: Passwords = field(default_factory=Passwords)
    memo: Memo = field(default_factory=Memo)
    #: the server's VAPID key for Web Push (read from the data folder on first use)
    push_key: Any = None
    _write_lock: threading.Lock = field(default_factory=threading.Lock)
    _records: dict[int, PersonStore] = field(default_factory=dict)
    _accounts_mode: bool = False

    def accounts_mode(self) -> bool:
        """Whether the install has accounts (once it has, it always has: no query after)."""
        if not self._accounts_mode:
            self._accounts_mode = self.database.directory().accounts_mode()
        return self._accounts_mode

    def local_person(self) -> int:
        """The one person of single-person mode."""
        if self.person_id is None:
            self.person_id = self.database.person(self.settings.person)
        return self.person_id

    def records(self, person_id: int) -> PersonStore:
        """The records of ``person_id`` (looked up once)."""
        found = self._records.get(person_id)
        if found is None:
            found = self._records[person_id] = self.database.for_person(person_id)
        return found


@dataclass(frozen=True)
class Context:
    """What one request works with: the records of the person whose request it is."""

    web: Web
    store: PersonStore
    memo: PersonMemo
    #: what this request has read once and uses again (such as the programme version)
    scratch: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: str, read: Callable[[], Any]) -> Any:
        """``read()`` the first time this request asks for ``key``, the same value after."""
        if key not in self.scratch:
            self.scratch[key] = read()
        return self.scratch[key]

    @property
    def library(self) -> Library:
        return self.web.library

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.web.clock

    def writing(self) -> AbstractContextManager[Any]:
        """Hold this while writing session events.

        SQLite lets one writer in at a time and makes the others back off with growing sleeps;
        queueing this process's writers on a lock instead keeps the wait short and fair.
        PostgreSQL locks rows, so writers there go in parallel.
        """
        return self.web._write_lock if self.store.dialect == "sqlite" else nullcontext()

    def today(self) -> date:
        """The person's local day (the store and tracking count days in local time too)."""
        return self.clock().astimezone().date()


#: Whose records a patient's request reaches: set from the sign-in (the one person in
#: single-person mode); a test may override it.
current_person = patient_person


def _context(web: Web, person_id: int, account: Account | None) -> Context:
    owner = person_id if account is None else ("account", account.id)
    return Context(web=web, store=web.records(person_id), memo=PersonMemo(web.memo, owner))


def person_context(web: Web, person_id: int) -> Context:
    """The records of ``person_id`` for a request that a secret link, not a sign-in, opened."""
    return _context(web, person_id, None)


async def get_context(
    request: Request, person_id: Annotated[int, Depends(current_person)]
) -> Context:
    """A patient on their own records (the one person in single-person mode); the records of a
    person this process has not served yet are looked up in a worker thread (a query), the
    others are at hand (a coroutine: no hop to a thread)."""
    principal: Principal | None = getattr(request.state, "principal", None)
    account = None if principal is None else principal.account
    web: Web = request.app.state.web
    if person_id not in web._records:
        await run_in_threadpool(web.records, person_id)
    return _context(web, person_id, account)


ContextDep = Annotated[Context, Depends(get_context)]


@dataclass(frozen=True)
class PatientView:
    """A clinician on one linked patient's records (every use is in the audit log)."""

    context: Context
    link: CareLink
    principal: Principal


def patient_view(request: Request, patient_id: int, principal: ClinicianDep) -> PatientView:
    """One of the clinician's patients (404 for anyone else); the access goes in the log."""
    web: Web = request.app.state.web
    link = care.patient(db=web.database, principal=principal, patient_id=patient_id)
    person_id = link.patient.person_id
    assert person_id is not None
    audit.record(
        web.database.audit_log(),
        at=web.clock(),
        action="records_read" if request.method in SAFE_METHODS else "records_changed",
        by=principal,
        address=address(request),
        about=link.patient,
        detail=f"{request.method} {request.url.path}",
    )
    return PatientView(_context(web, person_id, link.patient), link, principal)


PatientViewDep = Annotated[PatientView, Depends(patient_view)]


@dataclass(frozen=True)
class Viewer:
    """What a route open to everyone signed in works with: the app and the library."""

    web: Web
    principal: Principal

    @property
    def library(self) -> Library:
        return self.web.library


def viewer(request: Request, principal: SignedInDep) -> Viewer:
    return Viewer(request.app.state.web, principal)


ViewerDep = Annotated[Viewer, Depends(viewer)]
