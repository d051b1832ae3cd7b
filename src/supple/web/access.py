"""Who a request comes from, and who each route lets in: denied unless the route says.

A route says who may use it by the dependency it takes: :data:`PublicDep` (anyone),
:data:`SignedInDep` or ``ViewerDep`` (any signed-in person), ``ContextDep`` (a patient, on their
own records), :data:`ClinicianDep` or ``PatientViewDep`` (a clinician, on a linked patient's
records) or :data:`AdminDep` (``supple.web.deps`` has those built on these). The app-wide
:func:`guard` refuses (403) any route that takes none of them, so a route added without a rule
is closed until someone gives it one.

In single-person mode (no account yet) the request is the install's one person, as a patient;
in accounts mode it is whoever the session cookie or the ``Authorization: Bearer`` token names.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Protocol

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, HTTPBearer

from supple.app import signin
from supple.app.errors import NotAllowed, SignInNeeded
from supple.app.identity import Principal
from supple.store import Store
from supple.web.protect import FORM_COOKIE, SAFE_METHODS


class _Served(Protocol):
    """What the sign-in lookup needs of the app's state (``supple.web.deps.Web``, which builds
    on this module, so it is not imported here)."""

    database: Store
    clock: Callable[[], datetime]

    def accounts_mode(self) -> bool: ...

    def local_person(self) -> int: ...


SESSION_COOKIE = "supple_session"
# Declared for the OpenAPI schema (how to authenticate); the lookups below do the work.
_bearer = HTTPBearer(auto_error=False, description="a personal access token (settings)")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="a browser session")


def address(request: Request) -> str:
    """Where the request comes from (the proxy's X-Forwarded-For, when it is trusted)."""
    return request.client.host if request.client else "unknown"


def _resolve(request: Request) -> Principal | None:
    web: _Served = request.app.state.web
    if not web.accounts_mode():
        return Principal.local(web.local_person())
    directory, now = web.database.directory(), web.clock()
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, value = header.partition(" ")
        found = None
        if scheme.lower() == "bearer":
            found = signin.from_token(directory=directory, token=value.strip(), now=now)
        if found is None:
            raise SignInNeeded("the access token is not valid: it may have been revoked")
        return found
    token = request.cookies.get(SESSION_COOKIE)
    if token and len(token) <= 100:
        return signin.from_session(directory=directory, token=token, now=now)
    return None


def who(request: Request) -> Principal | None:
    """The principal of the request, looked up once (None: nobody is signed in)."""
    state = request.state
    if not hasattr(state, "principal"):
        state.principal = _resolve(request)
    found: Principal | None = state.principal
    return found


def public(
    request: Request,
    _token: Annotated[Any, Depends(_bearer)],
    _session: Annotated[Any, Depends(_cookie)],
) -> Principal | None:
    """Open to anyone; the principal when someone is signed in."""
    return who(request)


PublicDep = Annotated[Principal | None, Depends(public)]


async def signed_in(principal: PublicDep) -> Principal:
    """Anyone signed in (or the one person of single-person mode).

    This check and the role checks below only look at the principal, so they are coroutines:
    FastAPI runs a plain function dependency in a worker thread, a hop that costs more than the
    check. The lookup that may query the store (:func:`public`) stays a plain function."""
    if principal is None:
        raise SignInNeeded("sign in first")
    return principal


SignedInDep = Annotated[Principal, Depends(signed_in)]


async def clinician(principal: SignedInDep) -> Principal:
    if principal.role != "clinician":
        raise NotAllowed("this is for clinicians")
    return principal


async def admin(principal: SignedInDep) -> Principal:
    if principal.role != "admin":
        raise NotAllowed("this is for admins")
    return principal


ClinicianDep = Annotated[Principal, Depends(clinician)]
AdminDep = Annotated[Principal, Depends(admin)]


async def patient_person(request: Request, principal: SignedInDep) -> int:
    """The person whose own records the request reaches: a patient's."""
    if principal.role != "patient" or principal.person_id is None:
        raise NotAllowed("this is a patient's own page: sign in as a patient")
    return principal.person_id


#: The rules for a route's ``dependencies=[...]`` when its function needs no value from them.
PUBLIC = Depends(public)
SIGNED_IN = Depends(signed_in)
PATIENT = Depends(patient_person)

#: Each dependency that says who may use a route, and the name of its rule.
RULES: dict[Callable[..., Any], str] = {
    public: "public",
    signed_in: "signed in",
    patient_person: "patient",
    clinician: "clinician",
    admin: "admin",
}


def rules_of(dependant: Any) -> set[str]:
    """The rules a route's dependencies declare (searched through nested dependencies)."""
    found: set[str] = set()
    stack = [dependant]
    while stack:
        node = stack.pop()
        rule = RULES.get(getattr(node, "call", None))  # type: ignore[arg-type]
        if rule is not None:
            found.add(rule)
        stack.extend(getattr(node, "dependencies", ()))
    return found


async def guard(request: Request) -> None:
    """Refuse a route that declares no rule, and a form post without the right token."""
    route = request.scope.get("route")
    cache: dict[int, set[str]] = request.app.state.rules
    rules = cache.get(id(route))
    if rules is None:
        rules = cache[id(route)] = rules_of(getattr(route, "dependant", None))
    if not rules:
        raise NotAllowed("this route declares no access rule, so nobody may use it")
    if request.method in SAFE_METHODS or request.url.path.startswith("/api/"):
        return  # JSON writes are held to a JSON type and their origin (supple.web.protect)
    principal = await run_in_threadpool(who, request)
    if principal is None or principal.via != "local":
        await _check_form_token(request, principal)


async def _check_form_token(request: Request, principal: Principal | None) -> None:
    form = await request.form()
    sent = form.get("csrf_token")
    expected = principal.csrf_token if principal is not None else request.cookies.get(FORM_COOKIE)
    if not (isinstance(sent, str) and expected and hmac.compare_digest(sent, expected)):
        raise NotAllowed("this form has expired or did not come from Supple: reload the page")


__all__ = [
    "FORM_COOKIE",
    "PATIENT",
    "PUBLIC",
    "RULES",
    "SAFE_METHODS",
    "SESSION_COOKIE",
    "SIGNED_IN",
    "AdminDep",
    "ClinicianDep",
    "PublicDep",
    "SignedInDep",
    "address",
    "guard",
    "rules_of",
    "who",
]
