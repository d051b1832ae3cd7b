"""A writer process for the fault tests: ``python store_writer.py URL MODE COUNT``.

MODE ``pain`` logs COUNT pain scores; ``sessions`` runs COUNT sessions of events (forever when
COUNT is 0). It prints ``ready`` once the store is open, so a test knows when writes begin.
"""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, datetime

from supple.session.events import EndEvent, FeedbackEvent, ItemEvent, PainEvent
from supple.store import PersonStore, Store


def key() -> str:
    return uuid.uuid4().hex


def run_session(store: PersonStore) -> None:
    now = datetime.now(UTC)
    sid = store.begin_session(None, key=key(), at=now)
    store.record(sid, PainEvent(key=key(), at=now, when="before", score=4))
    for index in range(6):
        exercise = "cat_cow" if index % 2 else "knee_to_chest_single"
        store.record(
            sid,
            ItemEvent(
                key=key(),
                at=now,
                index=index,
                exercise=exercise,
                planned_seconds=30,
                held_seconds=30,
                status="done",
            ),
        )
        store.record(
            sid, FeedbackEvent(key=key(), at=now, index=index, exercise=exercise, feedback="fine")
        )
    store.record(sid, PainEvent(key=key(), at=now, when="after", score=3))
    store.record(sid, EndEvent(key=key(), at=now, status="finished"))


def main() -> None:
    url, mode, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    database = Store.open(url, exercises={"cat_cow", "knee_to_chest_single"})
    store = database.for_person(database.person())
    print("ready", flush=True)
    done = 0
    while count == 0 or done < count:
        if mode == "pain":
            store.log_pain(
                done % 11, note=f"from process {sys.argv[4] if len(sys.argv) > 4 else ''}"
            )
        else:
            run_session(store)
        done += 1
    database.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
