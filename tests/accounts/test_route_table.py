"""Every route of the app (read from its own router) for each kind of person → the status it
must answer, on SQLite and PostgreSQL; patient B and the other clinic's clinician never get
anything of patient A's, and the admin gets no health data.

A new route fails :func:`test_every_route_is_in_the_table` until its expected statuses are
declared in ``TABLE`` below (the guard refuses it meanwhile: 403 for everyone).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from supple.app import credentials, invitations
from supple.tracking.stratify import ITEMS
from supple.web.routes import table
from tests.accounts.kit import ACTORS, NOW, PASSWORD, Install, install
from tests.web.client import CALM, Client
from tests.web.test_pages import ALL_NO, CALM_FORM
from tests.web.test_people_api import DIRECTION_TEST

# The statuses by actor, in the order of ACTORS: anonymous, patient A, patient B, clinician A
# (A's), clinician B (another clinic's), admin (clinic A's). A set allows any of its members.
Statuses = tuple[Any, Any, Any, Any, Any, Any]
#: A patient's own page / JSON (for A and B each their own records).
PAGE: Statuses = (303, 200, 200, 403, 403, 403)
JSON: Statuses = (401, 200, 200, 403, 403, 403)
#: A page or JSON about one of A's things, by id: B gets 404, as if it did not exist.
A_PAGE: Statuses = (303, 200, 404, 403, 403, 403)
A_JSON: Statuses = (401, 200, 404, 403, 403, 403)
#: Anyone signed in, any role.
SIGNED_PAGE: Statuses = (303, 200, 200, 200, 200, 200)
SIGNED_JSON: Statuses = (401, 200, 200, 200, 200, 200)
OPEN: Statuses = (200, 200, 200, 200, 200, 200)
CLINICIAN_JSON: Statuses = (401, 403, 403, 200, 200, 403)
CLINICIAN_PAGE: Statuses = (303, 403, 403, 200, 200, 403)
ADMIN_JSON: Statuses = (401, 403, 403, 403, 403, 200)
ADMIN_PAGE: Statuses = (303, 403, 403, 403, 403, 200)
#: A patient's own form post that saves and moves on.
FORM_DONE: Statuses = (303, 303, 303, 403, 403, 403)


@dataclass(frozen=True)
class Case:
    """How to call a route (``make`` builds the call for one install) and what each gets."""

    statuses: Statuses
    make: Callable[[Install], dict[str, Any]] = field(default=lambda _: {})
    form: bool = False


def _event(_: Install) -> dict[str, Any]:
    at = NOW.isoformat()
    return {
        "json": {"type": "pain", "key": uuid.uuid4().hex, "at": at, "when": "after", "score": 2}
    }


def _invite(i: Install) -> str:
    clinician = i.people["clinician_a"]
    return invitations.invite(db=i.database, clinician=clinician, address="t", now=NOW).code


def _reset(i: Install) -> str:
    victim = i.people["victim"]
    return credentials.make_reset(db=i.database, account=victim, by="t", address="t", now=NOW).code


def _token(i: Install) -> int:
    made = credentials.create_token(
        db=i.database, principal=_principal(i, "patient_a"), name="t", address="t", now=NOW
    )
    return made.info.id


def _principal(i: Install, actor: str) -> Any:
    from supple.app.signin import start_session

    return start_session(i.database, i.people[actor], address="t", now=NOW).principal


def _patient_a(i: Install) -> int:
    return i.people["patient_a"].id


def _records_a(i: Install) -> Any:
    person = i.people["patient_a"].person_id
    assert person is not None
    return i.database.for_person(person)


def _pain_a(i: Install) -> int:
    return int(_records_a(i).history().pain[0].id)


def _note_a(i: Install) -> int:
    return int(_records_a(i).history().notes[0].id)


def _activity_a(i: Install) -> int:
    return int(_records_a(i).activities()[0].id)


def _feed_a(i: Install) -> str:
    from datetime import time

    from supple.app import feeds

    made = feeds.make_feed(store=_records_a(i), details=False, days=None, at=time(8), now=NOW)
    return made.token


def _subscription() -> dict[str, Any]:
    endpoint = f"https://push.example.com/{uuid.uuid4().hex}"
    return {"endpoint": endpoint, "keys": {"p256dh": "B" + "A" * 86, "auth": "A" * 22}}


def _rx(_: Install) -> dict[str, Any]:
    """A programme of one move that patient A's answers allow."""
    return {
        "moves": [{"exercise": "cat_cow", "dose": {"duration_s": 60}, "locked": True}],
        "days_per_week": 3,
    }


def _template_a(i: Install) -> int:
    from supple.app import prescriptions
    from supple.planner.prescription import Prescription

    made = prescriptions.save_template(
        db=i.database,
        principal=_principal(i, "clinician_a"),
        name=f"t {uuid.uuid4().hex[:6]}",
        prescription=Prescription.model_validate(_rx(i)),
        library=i.database.exercises,  # type: ignore[arg-type]
        now=NOW,
    )
    return made.id


def _draft_form(i: Install) -> dict[str, Any]:
    return {"move": "cat_cow", "m.cat_cow.duration_s": "60", "m.cat_cow.reps": "1"}


def _new_name() -> str:
    return f"renamed {uuid.uuid4().hex[:6]}"


TABLE: dict[tuple[str, str], Case] = {
    # -- the patient's JSON API --------------------------------------------------------------
    ("POST", "/api/v1/profile"): Case(JSON, lambda _: {"json": CALM}),
    ("GET", "/api/v1/profile"): Case(JSON),
    # -- messages (issue 14): A's thread with clinician A; B has none (404: nobody to write to)
    ("GET", "/api/v1/messages"): Case(JSON),
    ("POST", "/api/v1/messages"): Case(
        (401, 201, 404, 403, 403, 403), lambda _: {"json": {"text": "A question"}}
    ),
    ("POST", "/api/v1/messages/read"): Case((401, 200, 404, 403, 403, 403)),
    ("GET", "/messages"): Case(PAGE),
    ("POST", "/messages"): Case(
        (303, 303, 404, 403, 403, 403), lambda _: {"data": {"text": "A question"}}, form=True
    ),
    ("PUT", "/api/v1/settings"): Case(JSON, lambda _: {"json": {"minutes": 10}}),
    ("GET", "/api/v1/plan/today"): Case(JSON),
    ("POST", "/api/v1/plans"): Case((401, 201, 201, 403, 403, 403), lambda _: {"json": {}}),
    ("GET", "/api/v1/plans/{plan_id}"): Case(A_JSON, lambda i: {"plan_id": i.a.plan_id}),
    ("GET", "/api/v1/plans/{plan_id}/timeline"): Case(A_JSON, lambda i: {"plan_id": i.a.plan_id}),
    ("POST", "/api/v1/sessions"): Case(
        (401, 201, 404, 403, 403, 403),
        lambda i: {
            "json": {"plan_id": i.a.plan_id, "key": uuid.uuid4().hex, "at": NOW.isoformat()}
        },
    ),
    ("POST", "/api/v1/plans/{plan_id}/sessions/{session_key}/events"): Case(
        A_JSON,
        lambda i: {"plan_id": i.a.plan_id, "session_key": i.a.open_key, **_event(i)},
    ),
    ("POST", "/api/v1/plans/{plan_id}/sessions/{session_key}/easier"): Case(
        (401, {200, 409}, 404, 403, 403, 403),
        lambda i: {"plan_id": i.a.plan_id, "session_key": i.a.open_key, "json": {"index": 0}},
    ),
    ("POST", "/api/v1/pain"): Case(
        (401, 201, 201, 403, 403, 403), lambda _: {"json": {"score": 3}}
    ),
    ("POST", "/api/v1/psfs"): Case(
        (401, 201, 201, 403, 403, 403),
        lambda _: {"json": {"items": [{"activity": "stairs", "score": 5}]}},
    ),
    ("GET", "/api/v1/progress"): Case(JSON),
    # -- correcting entries (issue 17): A's by id, B is told it does not exist ---------------
    ("GET", "/api/v1/pain"): Case(JSON),
    ("PATCH", "/api/v1/pain/{pain_id}"): Case(
        A_JSON, lambda i: {"pain_id": _pain_a(i), "json": {"score": 2}}
    ),
    ("DELETE", "/api/v1/pain/{pain_id}"): Case(
        (401, 204, 404, 403, 403, 403), lambda i: {"pain_id": _pain_a(i)}
    ),
    ("GET", "/api/v1/notes"): Case(JSON),
    ("POST", "/api/v1/notes"): Case(
        (401, 201, 201, 403, 403, 403), lambda _: {"json": {"text": "a new note"}}
    ),
    ("PATCH", "/api/v1/notes/{note_id}"): Case(
        A_JSON, lambda i: {"note_id": _note_a(i), "json": {"text": "fixed"}}
    ),
    ("DELETE", "/api/v1/notes/{note_id}"): Case(
        (401, 204, 404, 403, 403, 403), lambda i: {"note_id": _note_a(i)}
    ),
    ("GET", "/api/v1/psfs/activities"): Case(JSON),
    ("PATCH", "/api/v1/psfs/activities/{activity_id}"): Case(
        A_JSON, lambda i: {"activity_id": _activity_a(i), "json": {"name": _new_name()}}
    ),
    ("DELETE", "/api/v1/psfs/activities/{activity_id}"): Case(
        (401, 204, 404, 403, 403, 403), lambda i: {"activity_id": _activity_a(i)}
    ),
    ("POST", "/progress/pain/{pain_id}"): Case(
        (303, 303, 404, 403, 403, 403),
        lambda i: {"pain_id": _pain_a(i), "data": {"score": "2"}},
        form=True,
    ),
    ("POST", "/progress/notes/{note_id}"): Case(
        (303, 303, 404, 403, 403, 403),
        lambda i: {"note_id": _note_a(i), "data": {"text": "fixed"}},
        form=True,
    ),
    ("POST", "/progress/activities/{activity_id}"): Case(
        (303, 303, 404, 403, 403, 403),
        lambda i: {"activity_id": _activity_a(i), "data": {"name": _new_name()}},
        form=True,
    ),
    ("POST", "/progress/{kind}/{entry}/delete"): Case(
        (303, 303, 404, 403, 403, 403),
        lambda i: {"kind": "notes", "entry": _note_a(i)},
        form=True,
    ),
    # -- the programme (issue 11): each patient's own -----------------------------------------
    ("GET", "/api/v1/lessons"): Case(JSON),
    ("GET", "/api/v1/lessons/today"): Case(JSON),
    ("GET", "/api/v1/lessons/{lesson_id}"): Case(JSON, lambda _: {"lesson_id": "sleep"}),
    ("POST", "/api/v1/lessons/{lesson_id}/read"): Case(JSON, lambda _: {"lesson_id": "sleep"}),
    ("GET", "/api/v1/walking"): Case(JSON),
    ("PUT", "/api/v1/walking"): Case(JSON, lambda _: {"json": {"minutes": 10}}),
    ("POST", "/api/v1/walks"): Case(
        (401, 201, 201, 403, 403, 403), lambda _: {"json": {"minutes": 12}}
    ),
    ("GET", "/api/v1/direction-test"): Case(JSON),
    ("POST", "/api/v1/direction-tests"): Case(
        (401, {201, 422}, {201, 422}, 403, 403, 403), lambda _: {"json": DIRECTION_TEST}
    ),
    ("GET", "/api/v1/direction-tests/latest"): Case((401, {200, 404}, {200, 404}, 403, 403, 403)),
    ("POST", "/api/v1/sessions/latest/spread"): Case(
        (401, 201, 201, 403, 403, 403), lambda _: {"json": {"items": [0]}}
    ),
    ("GET", "/api/v1/screen-risk"): Case(JSON),
    ("POST", "/api/v1/screen-risk"): Case(
        (401, 201, 201, 403, 403, 403),
        lambda _: {"json": {"answers": {item.id: item.low for item in ITEMS}}},
    ),
    ("GET", "/learn"): Case(PAGE),
    ("GET", "/learn/{lesson_id}"): Case(PAGE, lambda _: {"lesson_id": "sleep"}),
    ("POST", "/learn/{lesson_id}/read"): Case(
        FORM_DONE, lambda _: {"lesson_id": "sleep"}, form=True
    ),
    ("GET", "/walk"): Case(PAGE),
    ("POST", "/walk/log"): Case(FORM_DONE, lambda _: {"data": {"minutes": "10"}}, form=True),
    ("POST", "/walk/plan"): Case(FORM_DONE, lambda _: {"data": {"minutes": "10"}}, form=True),
    ("GET", "/test-direction"): Case(PAGE),
    ("POST", "/test-direction"): Case(
        (303, 200, 200, 403, 403, 403), lambda _: {"data": {"position": "standing"}}, form=True
    ),
    ("GET", "/test-direction/result"): Case(PAGE),
    ("GET", "/screen-risk"): Case(PAGE),
    ("POST", "/screen-risk"): Case(
        FORM_DONE, lambda _: {"data": {item.id: str(item.low) for item in ITEMS}}, form=True
    ),
    ("GET", "/after-session"): Case(PAGE),
    ("POST", "/after-session"): Case(FORM_DONE, lambda _: {"data": {"item": "0"}}, form=True),
    # -- exports (issue 15): the patient's own programme and records --------------------------
    ("GET", "/api/v1/export/handout.pdf"): Case(JSON),
    ("GET", "/api/v1/export/calendar.ics"): Case(JSON, lambda _: {"params": {"days": "mon"}}),
    ("GET", "/api/v1/export/fhir"): Case(JSON),
    ("GET", "/api/v1/calendar-feed"): Case((401, {200, 404}, {200, 404}, 403, 403, 403)),
    ("POST", "/api/v1/calendar-feed"): Case(
        (401, 201, 201, 403, 403, 403), lambda _: {"json": {"days": "mon"}}
    ),
    ("DELETE", "/api/v1/calendar-feed"): Case((401, 204, 204, 403, 403, 403)),
    ("POST", "/settings/calendar"): Case(
        (303, 201, 201, 403, 403, 403), lambda _: {"data": {"action": "make"}}, form=True
    ),
    # -- reminders (issue 15): the patient's own settings and browsers ------------------------
    ("GET", "/api/v1/reminders"): Case(JSON),
    ("PUT", "/api/v1/reminders"): Case(
        JSON, lambda _: {"json": {"enabled": True, "days": ["mon"], "at": "08:00"}}
    ),
    ("GET", "/api/v1/reminders/key"): Case(JSON),
    ("POST", "/api/v1/reminders/subscriptions"): Case(
        (401, 201, 201, 403, 403, 403), lambda _: {"json": _subscription()}
    ),
    ("DELETE", "/api/v1/reminders/subscriptions"): Case(
        (401, 204, 204, 403, 403, 403),
        lambda _: {"params": {"endpoint": "https://push.example.com/x"}},
    ),
    ("POST", "/settings/reminders"): Case(
        FORM_DONE, lambda _: {"data": {"enabled": "on", "days": "mon", "at": "08:00"}}, form=True
    ),
    # -- the calendar feed: open to whoever holds A's secret link (a calendar app) ------------
    ("GET", "/calendar/{token}.ics"): Case(OPEN, lambda i: {"token": _feed_a(i)}),
    # -- the library: anyone signed in --------------------------------------------------------
    ("GET", "/api/v1/exercises"): Case(SIGNED_JSON),
    ("GET", "/api/v1/exercises/{exercise_id}"): Case(
        SIGNED_JSON, lambda _: {"exercise_id": "cat_cow"}
    ),
    ("GET", "/api/v1/exercises/{exercise_id}/figure.svg"): Case(
        SIGNED_JSON, lambda _: {"exercise_id": "cat_cow"}
    ),
    # -- signing in ---------------------------------------------------------------------------
    ("POST", "/api/v1/auth/login"): Case(
        OPEN, lambda _: {"json": {"email": "victim@a.example", "password": PASSWORD}}
    ),
    ("POST", "/api/v1/auth/logout"): Case(SIGNED_JSON),
    ("GET", "/api/v1/auth/me"): Case(SIGNED_JSON),
    ("GET", "/api/v1/openapi.json"): Case(SIGNED_JSON),
    # -- the clinician's and the admin's JSON -------------------------------------------------
    ("GET", "/api/v1/clinician/patients"): Case(CLINICIAN_JSON),
    ("GET", "/api/v1/clinician/patients/{patient_id}/progress"): Case(
        (401, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("GET", "/api/v1/clinician/patients/{patient_id}"): Case(
        (401, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("GET", "/api/v1/clinician/outcomes.csv"): Case(CLINICIAN_JSON),
    ("GET", "/api/v1/clinician/patients/{patient_id}/outcomes.csv"): Case(
        (401, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("POST", "/api/v1/clinician/invitations"): Case((401, 403, 403, 201, 201, 403)),
    ("POST", "/api/v1/clinician/patients/{patient_id}/flags/seen"): Case(
        (401, 403, 403, 200, 404, 403),
        lambda i: {"patient_id": _patient_a(i), "json": {"key": "no_session:never"}},
    ),
    ("GET", "/api/v1/clinician/patients/{patient_id}/messages"): Case(
        (401, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("POST", "/api/v1/clinician/patients/{patient_id}/messages"): Case(
        (401, 403, 403, 201, 404, 403),
        lambda i: {"patient_id": _patient_a(i), "json": {"text": "How is it going?"}},
    ),
    ("POST", "/api/v1/clinician/patients/{patient_id}/messages/read"): Case(
        (401, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("GET", "/api/v1/clinician/messages/unread"): Case(CLINICIAN_JSON),
    ("GET", "/api/v1/clinician/patients/{patient_id}/programme"): Case(
        (401, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("POST", "/api/v1/clinician/patients/{patient_id}/programme"): Case(
        (401, 403, 403, 201, 404, 403), lambda i: {"patient_id": _patient_a(i), "json": _rx(i)}
    ),
    ("GET", "/api/v1/clinician/patients/{patient_id}/programme/versions"): Case(
        (401, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("GET", "/api/v1/clinician/templates"): Case(CLINICIAN_JSON),
    ("POST", "/api/v1/clinician/templates"): Case(
        (401, 403, 403, 201, 201, 403),
        lambda i: {"json": {"name": f"t {uuid.uuid4().hex[:6]}", "prescription": _rx(i)}},
    ),
    ("POST", "/api/v1/clinician/templates/{template_id}/apply"): Case(
        (401, 403, 403, 200, 404, 403),
        lambda i: {"template_id": _template_a(i), "json": {"patient_ids": [_patient_a(i)]}},
    ),
    ("GET", "/api/v1/admin/accounts"): Case(ADMIN_JSON),
    ("POST", "/api/v1/admin/accounts/{account_id}/disable"): Case(
        ADMIN_JSON, lambda i: {"account_id": i.people["victim"].id}
    ),
    ("POST", "/api/v1/admin/accounts/{account_id}/enable"): Case(
        ADMIN_JSON, lambda i: {"account_id": i.people["victim"].id}
    ),
    ("POST", "/api/v1/admin/accounts/{account_id}/reset"): Case(
        ADMIN_JSON, lambda i: {"account_id": i.people["victim"].id}
    ),
    ("GET", "/api/v1/admin/audit"): Case(ADMIN_JSON),
    # -- the patient's pages ------------------------------------------------------------------
    ("GET", "/"): Case(PAGE),
    ("GET", "/check"): Case(PAGE),
    ("POST", "/check"): Case(FORM_DONE, lambda _: {"data": CALM_FORM}, form=True),
    ("GET", "/referral"): Case(PAGE),
    ("GET", "/today"): Case(PAGE),
    ("POST", "/today/start"): Case((303, 303, 303, 403, 403, 403), form=True),
    ("GET", "/play/{plan_id}"): Case(A_PAGE, lambda i: {"plan_id": i.a.plan_id}),
    ("GET", "/progress"): Case(PAGE),
    ("POST", "/progress/pain"): Case(
        (303, 303, 303, 403, 403, 403), lambda _: {"data": {"score": "3"}}, form=True
    ),
    ("POST", "/progress/psfs"): Case(
        (303, 303, 303, 403, 403, 403),
        lambda _: {"data": {"activity": "stairs", "score": "4"}},
        form=True,
    ),
    ("GET", "/settings"): Case(PAGE),
    ("POST", "/settings"): Case(
        (303, 303, 303, 403, 403, 403), lambda _: {"data": {"minutes": "9"}}, form=True
    ),
    ("GET", "/account/export"): Case(PAGE),
    # -- the journey's pages (issue 16) --------------------------------------------------------
    ("GET", "/check/safety"): Case(PAGE),
    ("POST", "/check/safety"): Case(FORM_DONE, lambda _: {"data": ALL_NO}, form=True),
    # 409 when the person's answers leave the move out (the page says why).
    ("POST", "/library/{exercise_id}/start"): Case(
        (303, {303, 409}, {303, 409}, 403, 403, 403),
        lambda _: {"exercise_id": "cat_cow"},
        form=True,
    ),
    ("GET", "/library/{exercise_id}/thumb.svg"): Case(
        SIGNED_PAGE, lambda _: {"exercise_id": "cat_cow"}
    ),
    ("POST", "/settings/answers"): Case(
        FORM_DONE, lambda _: {"data": {"equipment": ["mat", "chair"]}}, form=True
    ),
    ("GET", "/settings/export.{fmt}"): Case(PAGE, lambda _: {"fmt": "json"}),
    # Without the box ticked nothing is deleted (400): the table's later routes need the records.
    ("POST", "/settings/delete"): Case((303, 400, 400, 403, 403, 403), form=True),
    # -- pages for everyone signed in, and the open ones --------------------------------------
    ("GET", "/library"): Case(SIGNED_PAGE),
    ("GET", "/library/{exercise_id}"): Case(SIGNED_PAGE, lambda _: {"exercise_id": "cat_cow"}),
    ("GET", "/api/docs"): Case(SIGNED_PAGE),
    ("GET", "/sw.js"): Case(OPEN),
    ("GET", "/manifest.webmanifest"): Case(OPEN),
    ("MOUNT", "/static"): Case(OPEN),
    ("GET", "/login"): Case((200, 303, 303, 303, 303, 303)),
    ("POST", "/login"): Case(
        (303,) * 6,
        lambda _: {"data": {"email": "victim@a.example", "password": PASSWORD}},
        form=True,
    ),
    ("GET", "/logout"): Case((303,) * 6),
    ("POST", "/logout"): Case((303,) * 6, form=True),
    ("GET", "/invite/{code}"): Case(OPEN, lambda i: {"code": _invite(i)}),
    ("POST", "/invite/{code}"): Case(
        (303, 303, 303, 403, 403, 403),
        lambda i: {
            "code": _invite(i),
            "data": {
                "action": "join",
                "email": f"new-{uuid.uuid4().hex[:8]}@example.org",
                "password": PASSWORD,
                "password_again": PASSWORD,
            },
        },
        form=True,
    ),
    ("GET", "/reset/{code}"): Case(OPEN, lambda i: {"code": _reset(i)}),
    ("POST", "/reset/{code}"): Case(
        (303,) * 6,
        lambda i: {"code": _reset(i), "data": {"password": PASSWORD, "password_again": PASSWORD}},
        form=True,
    ),
    ("GET", "/account"): Case(SIGNED_PAGE),
    ("POST", "/account/password"): Case(
        (303, 400, 400, 400, 400, 400),
        lambda _: {"data": {"current": "wrong", "new": "x", "new_again": "x"}},
        form=True,
    ),
    ("POST", "/account/tokens"): Case(
        (303, 201, 201, 201, 201, 201), lambda _: {"data": {"name": "script"}}, form=True
    ),
    ("POST", "/account/tokens/{token_id}/revoke"): Case(
        (303, 303, 404, 404, 404, 404), lambda i: {"token_id": _token(i)}, form=True
    ),
    ("GET", "/account/delete"): Case(SIGNED_PAGE),
    ("POST", "/account/delete"): Case(
        (303, 400, 400, 400, 400, 400), lambda _: {"data": {"password": "wrong"}}, form=True
    ),
    # -- the clinician's and the admin's pages ------------------------------------------------
    ("GET", "/clinician"): Case(CLINICIAN_PAGE),
    ("POST", "/clinician/invite"): Case((303, 403, 403, 200, 200, 403), form=True),
    ("POST", "/clinician/patients/{patient_id}/seen"): Case(
        (303, 403, 403, 303, 404, 403),
        lambda i: {"patient_id": _patient_a(i), "data": {"key": "no_session:never"}},
        form=True,
    ),
    ("GET", "/clinician/patients/{patient_id}"): Case(
        (303, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("GET", "/clinician/patients/{patient_id}/handout.pdf"): Case(
        (303, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("GET", "/clinician/patients/{patient_id}/messages"): Case(
        (303, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("POST", "/clinician/patients/{patient_id}/messages"): Case(
        (303, 403, 403, 303, 404, 403),
        lambda i: {"patient_id": _patient_a(i), "data": {"text": "How is it going?"}},
        form=True,
    ),
    ("GET", "/clinician/patients/{patient_id}/programme"): Case(
        (303, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("POST", "/clinician/patients/{patient_id}/programme"): Case(
        (303, 403, 403, 200, 404, 403),
        lambda i: {"patient_id": _patient_a(i), "data": _draft_form(i)},
        form=True,
    ),
    ("GET", "/clinician/patients/{patient_id}/programme/versions"): Case(
        (303, 403, 403, 200, 404, 403), lambda i: {"patient_id": _patient_a(i)}
    ),
    ("GET", "/clinician/templates"): Case(CLINICIAN_PAGE),
    ("POST", "/clinician/templates"): Case(
        (303, 403, 403, 303, 303, 403),
        lambda i: {"data": {**_draft_form(i), "template_name": f"t {uuid.uuid4().hex[:6]}"}},
        form=True,
    ),
    ("POST", "/clinician/templates/{template_id}/apply"): Case(
        (303, 403, 403, 200, 404, 403),
        lambda i: {"template_id": _template_a(i), "data": {"patient": str(_patient_a(i))}},
        form=True,
    ),
    ("GET", "/admin"): Case(ADMIN_PAGE),
    ("POST", "/admin/accounts/{account_id}/{change}"): Case(
        (303, 403, 403, 403, 403, 200),
        lambda i: {"account_id": i.people["victim"].id, "change": "enable"},
        form=True,
    ),
    # -- leaving the clinic: last, since it ends A's link (and B's, made by the invitation
    # above); the form leaves first, so the JSON finds each in no clinic any more (409)
    ("POST", "/account/clinic/leave"): Case((303, 303, 303, 403, 403, 403), form=True),
    ("POST", "/api/v1/clinic/leave"): Case((401, 409, 409, 403, 403, 403)),
}


@pytest.fixture
def made(database_url: str) -> Iterator[Install]:
    with install(database_url) as found:
        from tests.accounts.kit import _account

        found.people["victim"] = _account(
            found.database, "victim@a.example", "clinician", clinic="Clinic A"
        )
        yield found


def _served(i: Install) -> set[tuple[str, str]]:
    return {(e.method, e.path) for e in table(i.app)}


def test_every_route_is_in_the_table(made: Install) -> None:
    served = _served(made)
    assert served - set(TABLE) == set(), "declare the expected statuses of these routes"
    assert set(TABLE) - served == set(), "these routes are gone: take them out of the table"


def test_a_route_without_a_rule_is_refused_to_everyone(made: Install) -> None:
    from fastapi import APIRouter

    extra = APIRouter()

    @extra.get("/new-thing")
    def new_thing() -> dict[str, str]:
        return {"secret": "nobody said who may see this"}

    made.app.include_router(extra)
    assert ("GET", "/new-thing") in _served(made) and ("GET", "/new-thing") not in TABLE
    for actor in ACTORS:
        client = made.client(actor)
        try:
            answer = client.get("/new-thing")
            assert answer.status_code == 403 and "secret" not in answer.text, actor
        finally:
            client.close()


def _secrets(i: Install, actor: str) -> list[str]:
    """What of A's the actor must never see."""
    health = [i.a.note, i.a.activity, i.a.open_key, i.a.session_key]
    if actor in ("patient_b", "clinician_b"):
        return [*health, i.people["patient_a"].email]
    return health if actor == "admin" else []


def _call(i: Install, client: Client, method: str, path: str, case: Case) -> Any:
    call = dict(case.make(i))
    url = path.format(**{k: call.pop(k) for k in list(call) if "{" + k + "}" in path})
    if method == "MOUNT":
        return client.get(url + "/app.css")
    if case.form:
        call["data"] = {**call.get("data", {}), "csrf_token": i.form_token(client)}
    return client.request(method, url, follow_redirects=False, **call)


@pytest.mark.parametrize("actor", ACTORS)
def test_each_route_answers_each_person_as_declared(made: Install, actor: str) -> None:
    index = ACTORS.index(actor)
    wrong = []
    for (method, path), case in TABLE.items():
        client = made.client(actor)
        try:
            answer = _call(made, client, method, path, case)
        finally:
            client.close()
        expected = case.statuses[index]
        if answer.status_code not in (expected if isinstance(expected, set) else {expected}):
            wrong.append(f"{method} {path}: {answer.status_code}, not {expected}")
        for secret in _secrets(made, actor):
            assert secret not in answer.text, f"{actor} saw A's {secret!r} at {method} {path}"
    assert wrong == []
