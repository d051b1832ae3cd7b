"""A patient of clinician A with a bit of everything the clinician's page of them shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from supple.safety.profile import Profile
from supple.session.events import EndEvent, FeedbackEvent, ItemEvent, PainEvent
from supple.store import PersonStore
from tests.accounts.kit import Install
from tests.clinician.kit import at, key, patient

#: The answers: osteoporosis (rules leave moves out) and a mat only; a routine is given.
ANSWERS = Profile(minutes=12, conditions=["osteoporosis"], equipment=["mat"], age=45)
#: Answers that call for a check the same day: no routine until then.
REFERRED = Profile(minutes=12, red_flags=["cancer_history"], age=62)


@dataclass(frozen=True)
class Made:
    account_id: int
    records: PersonStore


def linked(
    i: Install,
    email: str = "nora@example.org",
    name: str = "Nora Page",
    answers: Profile = ANSWERS,
) -> Made:
    """A new patient of clinician A with their ``answers`` saved (no sessions yet)."""
    records = patient(i, email, name)
    account = next(a for a in i.database.directory().all_accounts() if a.email == email)
    records.save_profile(answers, at=at(30))
    return Made(account.id, records)


def session(
    records: PersonStore,
    days_ago: int,
    *,
    before: int = 5,
    after: int = 4,
    feedback: str | None = None,
    held: int = 50,
) -> int:
    """A finished session: cat-cow done (held ``held`` of 60 s, with ``feedback``), the bridge
    skipped, pain before and after."""
    when = at(days_ago)
    sid = records.begin_session(None, key=key(), at=when)
    records.record(sid, PainEvent(key=key(), at=when, when="before", score=before))
    records.record(
        sid,
        ItemEvent(
            key=key(),
            at=when,
            index=0,
            exercise="cat_cow",
            planned_seconds=60,
            held_seconds=held,
            status="done",
        ),
    )
    if feedback:
        records.record(
            sid,
            FeedbackEvent(key=key(), at=when, index=0, exercise="cat_cow", feedback=feedback),
        )
    records.record(
        sid,
        ItemEvent(
            key=key(),
            at=when + timedelta(minutes=1),
            index=1,
            exercise="bridge",
            planned_seconds=45,
            held_seconds=0,
            status="skipped",
        ),
    )
    later = when + timedelta(minutes=6)
    records.record(sid, PainEvent(key=key(), at=later, when="after", score=after))
    records.record(sid, EndEvent(key=key(), at=later, status="finished"))
    return sid
