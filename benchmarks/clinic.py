"""A clinic in accounts mode on PostgreSQL: patients with years of daily use, clinicians linked
to them, and an access token for every account (for the load benchmark, and reusable).

The small rows (the clinic, people, profiles, accounts, tokens, care links, one saved plan per
patient) go in through the store's own tables; the history (sessions, their items, pain scores
and event keys) is made inside PostgreSQL by ``INSERT ... SELECT`` over ``generate_series``, so
two million sessions take minutes, not hours. The summaries are then filled as the store fills
them on opening a database whose people have none (:meth:`Store.fill_summaries`).

Bounded: at most ``MAX_PATIENTS`` patients and ``MAX_DAYS`` days.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

MAX_PATIENTS = 20_000
MAX_DAYS = 3650
#: Pain areas, minutes and pain weeks drawn per patient, so the routines differ.
AREAS = (["lower_back"], ["neck"], ["upper_back"], ["lower_back", "hip"], ["neck", "upper_back"])
MINUTES = (10, 15, 20)


@dataclass
class Member:
    """One account of the clinic and its bearer token (shown once, as the app does)."""

    account: int
    token: str
    person: int | None = None
    plan: int | None = None
    patients: list[int] = field(default_factory=list)


@dataclass
class Clinic:
    """What a load generator needs to act as the clinic's people."""

    patients: list[Member]
    clinicians: list[Member]

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Clinic:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            patients=[Member(**m) for m in data["patients"]],
            clinicians=[Member(**m) for m in data["clinicians"]],
        )


def _profile(rng: random.Random) -> dict[str, Any]:
    from supple.safety.profile import Profile

    answers = {
        "pain_areas": rng.choice(AREAS),
        "pain_now": rng.randint(2, 6),
        "pain_weeks": rng.choice([4, 8, 26, 52]),
        "minutes": rng.choice(MINUTES),
    }
    return Profile.model_validate(answers).model_dump(mode="json")


def _people(
    patients: int, per_clinician: int, start: datetime, rng: random.Random
) -> tuple[dict[Any, list[dict[str, Any]]], Clinic]:
    """The small rows of every table, by table, and the clinic's members with their tokens."""
    from supple.app import keys
    from supple.store.account_tables import (
        AccessTokenRow,
        AccountRow,
        CareLinkRow,
    )
    from supple.store.account_tables import (
        Clinic as ClinicRow,
    )
    from supple.store.schema import PlanRow, ProfileRow

    plan = {"status": "plan", "items": [], "total_seconds": 0}
    rows: dict[Any, list[dict[str, Any]]] = {
        ClinicRow: [dict(id=1, name="Bench clinic", created_at=start)],
        ProfileRow: [],
        PlanRow: [],
        AccountRow: [],
        AccessTokenRow: [],
        CareLinkRow: [],
    }
    clinic = Clinic([], [])
    clinicians = -(-patients // per_clinician)
    for n in range(1, patients + clinicians + 1):
        patient = n <= patients
        token = keys.access_token()
        rows[AccountRow].append(
            dict(
                id=n,
                email=f"{'patient' if patient else 'clinician'}{n}@bench.example",
                role="patient" if patient else "clinician",
                clinic_id=1,
                person_id=n if patient else None,
                password_hash=None,  # they sign in with their token only
                created_at=start,
            )
        )
        hint = token[: len(keys.TOKEN_PREFIX) + 4] + "…"
        rows[AccessTokenRow].append(
            dict(
                account_id=n,
                name="bench",
                token_hash=keys.digest(token),
                hint=hint,
                created_at=start,
            )
        )
        if patient:
            rows[ProfileRow].append(dict(person_id=n, created_at=start, answers=_profile(rng)))
            rows[PlanRow].append(dict(id=n, person_id=n, kind="daily", created_at=start, body=plan))
            clinic.patients.append(Member(n, token, person=n, plan=n))
        else:
            mine = list(range((n - patients - 1) * per_clinician + 1, patients + 1))
            mine = mine[:per_clinician]
            for p in mine:
                rows[CareLinkRow].append(
                    dict(clinician_id=n, patient_id=p, clinic_id=1, created_at=start)
                )
            clinic.clinicians.append(Member(n, token, patients=mine))
    return rows, clinic


#: The history, made by the server: ``:d`` days for each of ``:p`` people from ``:start``.
HISTORY = [
    # one session a day, 90% finished; the day's hour moves between 6:30 and 17:30
    """INSERT INTO session (id, person_id, plan_id, key, started_at, ended_at, status)
    SELECT (p - 1) * :d + n + 1, p, p, md5('s' || p || ':' || n),
           t, t + interval '15 minutes',
           CASE WHEN random() < 0.9 THEN 'finished' ELSE 'stopped' END
    FROM generate_series(1, :p) AS p, generate_series(0, :d - 1) AS n,
         LATERAL (SELECT :start + n * interval '1 day'
                  + (floor(random() * 660) - 60) * interval '1 minute' AS t) AS at""",
    # a finished session has every item; a stopped one its first 1 to 8
    """INSERT INTO session_item
        (session_id, idx, exercise, planned_seconds, held_seconds, status, feedback, at)
    SELECT s.id, i, (CAST(:exercises AS text[]))[i + 1], 60, 40 + floor(random() * 21),
           CASE WHEN random() < 0.95 THEN 'done' ELSE 'skipped' END,
           CASE WHEN random() < 0.1
                THEN (ARRAY['fine', 'fine', 'too_easy', 'too_hard', 'painful'])
                     [1 + floor(random() * 5)] END,
           s.started_at + i * interval '1 minute'
    FROM session AS s, generate_series(0, :k - 1) AS i
    WHERE s.status = 'finished' OR i < 1 + (s.id % 8)""",
    # pain before and after 96% of the sessions: easing over the first weeks, then steady
    """INSERT INTO pain (person_id, session_id, at, score, moment)
    SELECT s.person_id, s.id, s.started_at + m.shift, greatest(0, least(10,
             round(3 + 3.5 * exp(-((s.id - 1) % :d) / 60.0) + (random() - 0.5) * 2.4) - m.less)),
           m.moment
    FROM session AS s,
         (VALUES ('before', interval '0 minutes', 0), ('after', interval '15 minutes', 1))
         AS m (moment, shift, less)
    WHERE random() < 0.96""",
    """INSERT INTO event_key (key, session_id, type, at)
    SELECT md5('i' || id), session_id, 'item', at FROM session_item
    UNION ALL SELECT md5('e' || id), id, 'end', ended_at FROM session""",
]


SETVAL = "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"


def generate(
    url: str,
    *,
    patients: int = 2000,
    days: int = 730,
    per_clinician: int = 50,
    items: int = 8,
    seed: int = 17,
) -> Clinic:
    """Fill an empty PostgreSQL store at ``url`` with a clinic; return its members' tokens."""
    if not (1 <= patients <= MAX_PATIENTS and 1 <= days <= MAX_DAYS):
        raise ValueError(f"1–{MAX_PATIENTS} patients and 1–{MAX_DAYS} days")
    from sqlalchemy import delete, insert, text

    from supple.library import load_library
    from supple.store import Store
    from supple.store.backup.load import reset_sequences
    from supple.store.schema import Person

    rng = random.Random(seed)
    end = datetime.now(UTC).replace(hour=7, minute=30, second=0, microsecond=0)
    start = end - timedelta(days=days - 1)
    store = Store.open(url)
    if store.dialect != "postgresql":
        store.close()
        raise ValueError("the clinic is generated on PostgreSQL")
    rows, clinic = _people(patients, per_clinician, start, rng)
    people = [
        dict(id=n, name=f"patient {n}", days_per_week=7, created_at=start)
        for n in range(1, patients + 1)
    ]
    exercises = sorted(load_library())[:items]
    with store._writer.begin() as conn:
        if conn.execute(text("SELECT count(*) FROM session")).scalar_one():
            raise ValueError("the clinic is generated on an empty store")
        conn.execute(delete(Person))  # the person a new database opens with
        for table, batch in [(Person, people), *rows.items()]:
            for i in range(0, len(batch), 5000):
                conn.execute(insert(table), batch[i : i + 5000])
        params = {"p": patients, "d": days, "k": items, "start": start, "exercises": exercises}
        conn.execute(text("SELECT setseed(:seed)"), {"seed": (seed % 100) / 100})  # the same clinic
        for statement in HISTORY:
            conn.execute(text(statement), params)
        reset_sequences(conn)
        for table in ("clinic", "account", "access_token", "care_link"):
            conn.execute(text(SETVAL.format(table=table)))
    with store._writer.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    store.close()
    Store.open(url).close()  # fills every person's summaries, as after a migration
    return clinic
