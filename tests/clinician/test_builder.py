"""The programme builder on SQLite and PostgreSQL: Supple's suggestion saved as version 1 is the
patient's Today (from the clinician, locked move and dose exactly); an edit is version 2 with
its diff; a move the answers exclude is refused without a reason and kept, recorded, with one;
templates kept and applied to two patients at once; another clinic's clinician gets nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from supple.app import audit
from supple.library import load_library
from supple.planner.prescription import Dose, Move, Override, Prescription, check, diff, routine
from supple.safety.profile import Profile
from tests.accounts.kit import NOW, Install, install
from tests.clinician.kit import patient

LIBRARY = load_library()


@pytest.fixture
def made(database_url: str) -> Iterator[Install]:
    with install(database_url) as found:
        yield found


def _fresh(i: Install, profile: Profile | None = None) -> None:
    """Patient A's answers given now (the safety questions are not due again yet)."""
    person = i.people["patient_a"].person_id
    assert person is not None
    i.database.for_person(person).save_profile(profile or Profile(minutes=10), at=NOW)


def _api(i: Install, actor: str = "clinician_a") -> Any:
    return i.client(actor)


def _base(i: Install, who: str = "patient_a") -> str:
    return f"/api/v1/clinician/patients/{i.people[who].id}/programme"


def _locked_first(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft with its second move locked at one more repetition, and a note."""
    move = draft["moves"][1]
    move["locked"] = True
    move["dose"]["reps"] = min(50, move["dose"]["reps"] + 1)
    move["note"] = "Slowly, and breathe out as you go."
    return draft


# -- the pure domain -----------------------------------------------------------------------


def _move(ident: str, **dose: Any) -> Move:
    held = LIBRARY[ident].dose.hold_s is not None
    base = {"hold_s": 20} if held else {"duration_s": 60}
    return Move(exercise=ident, dose=Dose(**{**base, **dose}))


def test_the_diff_says_each_change_in_plain_words() -> None:
    old = Prescription(moves=[_move("cat_cow"), _move("bridge"), _move("childs_pose")])
    new = Prescription(
        moves=[
            _move("bridge").model_copy(update={"locked": True}),
            _move("cat_cow", reps=3),
            _move("pelvic_tilt"),
        ],
        banned=["childs_pose"],
        weeks=8,
    )
    kinds = [c.kind for c in diff(old, new)]
    assert kinds.count("added") == 1 and kinds.count("removed") == 1
    assert {"moved", "dose", "locked", "banned", "schedule"} <= set(kinds)
    assert diff(new, new) == []
    with pytest.raises(ValueError, match="banned"):
        Prescription(moves=[_move("cat_cow")], banned=["cat_cow"])


def test_a_locked_move_keeps_its_dose_and_progression_moves_the_others() -> None:
    rx = Prescription(
        moves=[_move("cat_cow").model_copy(update={"locked": True}), _move("bridge")],
        progression=True,
    )
    week1, week4 = routine(rx, LIBRARY, week=1), routine(rx, LIBRARY, week=4)
    assert week1.items[0] == week4.items[0]
    assert week4.items[1].seconds >= week1.items[1].seconds
    assert week4.items[1] != week1.items[1]
    still = rx.model_copy(update={"progression": False})
    assert routine(still, LIBRARY, week=4).items == week1.items
    left = routine(rx, LIBRARY, leave_out={"cat_cow": "painful", "bridge": "painful"})
    assert [i.exercise for i in left.items] == ["cat_cow"]


def test_an_excluded_move_needs_its_rule_and_a_reason() -> None:
    from supple.app.prescriptions import excluded_for

    out = excluded_for(Profile(can_kneel=False), LIBRARY)
    kneeling = next(k for k, e in out.items() if e.rule == "cannot_kneel")
    rx = Prescription(moves=[_move(kneeling)])
    [problem] = check(rx, LIBRARY, out)
    assert problem.rule == "cannot_kneel" and "source" in problem.words
    given = Move(
        exercise=kneeling,
        dose=rx.moves[0].dose,
        override=Override(rule="cannot_kneel", reason="   "),
    )
    assert check(rx.model_copy(update={"moves": [given]}), LIBRARY, out)
    reasoned = given.model_copy(
        update={"override": Override(rule="cannot_kneel", reason="on a mat")}
    )
    assert check(rx.model_copy(update={"moves": [reasoned]}), LIBRARY, out) == []


# -- through the API and the pages ---------------------------------------------------------


def test_the_suggestion_saved_is_the_patients_today_then_an_edit_is_version_2(
    made: Install,
) -> None:
    _fresh(made)
    doc = _api(made)
    try:
        shown = doc.get(_base(made))
        assert shown.status_code == 200, shown.text
        body = shown.json()
        assert body["latest"] is None and body["draft"]["moves"]
        draft = _locked_first(body["draft"])
        saved = doc.post(_base(made), json=draft)
        assert saved.status_code == 201, saved.text
        assert saved.json()["number"] == 1 and saved.json()["author"] == "doc@a.example"
    finally:
        doc.close()
    locked = LIBRARY[draft["moves"][1]["exercise"]]
    alice = made.client("patient_a")
    try:
        today = alice.get("/today")
        assert today.status_code == 200
        assert "Your programme from <strong>doc@a.example</strong>" in today.text
        assert "Slowly, and breathe out as you go." in today.text
        moves = re.findall(r'<h2><a href="/library/([a-z0-9_]+)">', today.text)
        assert moves == [m["exercise"] for m in draft["moves"]]
        shown_locked = next(
            part
            for part in today.text.split('<li class="item">')
            if f'/library/{locked.id}"' in part
        )
        assert "Set by your clinician" in shown_locked and "Swap for" not in shown_locked
        start = alice.post(
            "/today/start", data={"csrf_token": made.form_token(alice)}, follow_redirects=False
        )
        plan_id = int(start.headers["location"].rsplit("/", 1)[1])
    finally:
        alice.close()
    person = made.people["patient_a"].person_id
    assert person is not None
    kept = made.database.for_person(person).get_plan(plan_id)
    item = next(i for i in kept.items if i.exercise == locked.id)
    assert item.reps == draft["moves"][1]["dose"]["reps"]
    assert (item.hold_s, item.duration_s) == (
        draft["moves"][1]["dose"]["hold_s"],
        draft["moves"][1]["dose"]["duration_s"],
    )
    # Version 2: a move removed, another banned; the diff says so, Today follows.
    doc = _api(made)
    try:
        removed = draft["moves"].pop()
        draft["banned"] = [removed["exercise"]]
        draft["weeks"] = 4
        again = doc.post(_base(made), json=draft)
        assert again.status_code == 201 and again.json()["number"] == 2
        history = doc.get(_base(made) + "/versions").json()
        assert [v["number"] for v in history] == [2, 1]
        kinds = {c["kind"] for c in history[0]["changes"]}
        assert {"removed", "banned", "schedule"} <= kinds
        page = doc.get(f"/clinician/patients/{made.people['patient_a'].id}/programme/versions")
        assert page.status_code == 200 and "Version 2" in page.text and "banned" in page.text
    finally:
        doc.close()
    alice = made.client("patient_a")
    try:
        assert (
            f'href="/library/{removed["exercise"]}"><'
            not in alice.get("/today").text.split("Left out for you")[0]
        )
    finally:
        alice.close()


def _excluded_for_alice(i: Install) -> str:
    _fresh(i, Profile(minutes=10, can_kneel=False))
    from supple.app.prescriptions import excluded_for

    out = excluded_for(Profile(minutes=10, can_kneel=False), LIBRARY)
    return next(k for k, e in out.items() if e.rule == "cannot_kneel")


def test_an_excluded_move_is_refused_without_a_reason_and_recorded_with_one(
    made: Install,
) -> None:
    kneeling = _excluded_for_alice(made)
    doc = _api(made)
    try:
        draft = doc.get(_base(made)).json()
        assert kneeling in {e["exercise"] for e in draft["excluded"]}
        held = LIBRARY[kneeling].dose.hold_s is not None
        dose = {"hold_s": 10} if held else {"duration_s": 60}
        move = {"exercise": kneeling, "dose": dose}
        draft["draft"]["moves"].append(move)
        refused = doc.post(_base(made), json=draft["draft"])
        assert refused.status_code == 422 and "cannot_kneel" in refused.json()["detail"]
        move["override"] = {"rule": "cannot_kneel", "reason": "kneels on a cushion in clinic"}
        saved = doc.post(_base(made), json=draft["draft"])
        assert saved.status_code == 201, saved.text
    finally:
        doc.close()
    entries = audit.entries(made.database.audit_log(), since=None, clinic_id=None, limit=50)
    assert any(
        e.action == "records_changed" and f"override: {kneeling}" in e.detail for e in entries
    )
    # The page form: refused with the rule shown, then saved with the reason.
    doc = _api(made)
    url = f"/clinician/patients/{made.people['patient_a'].id}/programme"
    try:
        page = doc.get(url)
        assert page.status_code == 200 and "Left out by rule cannot_kneel" in page.text
        form = _form_of(page.text)
        form[f"m.{kneeling}.reason"] = ""
        form["do"] = "save"
        form["csrf_token"] = made.form_token(doc)
        refused = doc.post(url, data=form, follow_redirects=False)
        assert refused.status_code == 422 and "give a reason" in refused.text
        form[f"m.{kneeling}.reason"] = "checked in clinic"
        done = doc.post(url, data=form, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"].endswith("saved=2")
    finally:
        doc.close()


def _form_of(html: str) -> dict[str, Any]:
    """The builder form's fields as the browser would send them (no button)."""
    form: dict[str, Any] = {}
    builder = html.split('id="builder"', 1)[1].split("</form>", 1)[0]
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', builder):
        form.setdefault(name, []).append(value)
    for tag in re.findall(r"<input [^>]*>", builder):
        name = re.search(r'name="([^"]+)"', tag)
        if name is None or 'type="hidden"' in tag or 'type="search"' in tag:
            continue
        if 'type="checkbox"' in tag:
            if "checked" in tag:
                form[name[1]] = "1"
            continue
        value = re.search(r'value="([^"]*)"', tag)
        form[name[1]] = value[1] if value else ""
    for name, text in re.findall(r'<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', builder):
        form[name] = text
    for name, body in re.findall(r'<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>', builder):
        chosen = re.search(r'value="([^"]*)" selected', body) or re.search(r'value="([^"]*)"', body)
        form[name] = chosen[1] if chosen else ""
    return form


def test_the_page_form_reorders_adds_bans_and_saves_without_javascript(made: Install) -> None:
    doc = _api(made)
    url = f"/clinician/patients/{made.people['patient_a'].id}/programme"
    try:
        form = _form_of(doc.get(url).text)
        first, second = form["move"][0], form["move"][1]
        form["csrf_token"] = made.form_token(doc)
        moved = doc.post(url, data={**form, "do": f"down:{first}"})
        assert moved.status_code == 200
        form = {**_form_of(moved.text), "csrf_token": form["csrf_token"]}
        assert form["move"][:2] == [second, first]
        new = next(
            k for k in ("wall_angels", "shoulder_rolls", "neck_rotation") if k not in form["move"]
        )
        added = doc.post(url, data={**form, "do": f"add:{new}"})
        form = {**_form_of(added.text), "csrf_token": form["csrf_token"]}
        assert form["move"][-1] == new
        banned = doc.post(url, data={**form, "do": f"ban:{second}"})
        form = {**_form_of(banned.text), "csrf_token": form["csrf_token"]}
        assert second not in form["move"] and form["banned"] == [second]
        saved = doc.post(url, data={**form, "do": "save"}, follow_redirects=False)
        assert saved.status_code == 303
        versions = doc.get(_base(made) + "/versions").json()
        assert versions[0]["prescription"]["banned"] == [second]
        assert versions[0]["prescription"]["moves"][0]["exercise"] == first
    finally:
        doc.close()


def test_a_template_is_kept_and_applied_to_two_patients_at_once(made: Install) -> None:
    other = patient(made, "carl@example.org", "Carl Other")
    other.save_profile(Profile(minutes=10), at=NOW)
    found = made.database.directory().by_email("carl@example.org")
    assert found is not None
    carl = found.account
    doc = _api(made)
    try:
        draft = doc.get(_base(made)).json()["draft"]
        kept = doc.post(
            "/api/v1/clinician/templates", json={"name": "Low back, week 1", "prescription": draft}
        )
        assert kept.status_code == 201, kept.text
        ident = kept.json()["id"]
        assert [t["name"] for t in doc.get("/api/v1/clinician/templates").json()] == [
            "Low back, week 1"
        ]
        ids = [made.people["patient_a"].id, carl.id]
        applied = doc.post(f"/api/v1/clinician/templates/{ident}/apply", json={"patient_ids": ids})
        assert applied.status_code == 200, applied.text
        assert {a["patient_id"]: a["version"] for a in applied.json()} == {ids[0]: 1, ids[1]: 1}
        page = doc.get("/clinician/templates")
        assert page.status_code == 200 and "Low back, week 1" in page.text
        # The page form applies it again to both (version 2 each).
        again = doc.post(
            f"/clinician/templates/{ident}/apply",
            data={"patient": [str(p) for p in ids], "csrf_token": made.form_token(doc)},
        )
        assert again.status_code == 200 and "programme of 2 patients" in again.text
    finally:
        doc.close()
    assert other.latest_version() is not None and other.latest_version().number == 2  # type: ignore[union-attr]
    # Another clinic's clinician sees neither the template nor the patients.
    them = _api(made, "clinician_b")
    try:
        assert them.get("/api/v1/clinician/templates").json() == []
        refused = them.post(
            f"/api/v1/clinician/templates/{ident}/apply", json={"patient_ids": ids[:1]}
        )
        assert refused.status_code == 404
        assert them.get(_base(made)).status_code == 404
        assert them.post(_base(made), json=draft).status_code == 404
        assert them.get(_base(made) + "/versions").status_code == 404
    finally:
        them.close()
    # A patient not linked to clinician A is refused, and nothing is saved for anyone.
    doc = _api(made)
    try:
        mixed = [made.people["patient_a"].id, made.people["patient_b"].id]
        refused = doc.post(
            f"/api/v1/clinician/templates/{ident}/apply", json={"patient_ids": mixed}
        )
        assert refused.status_code == 404
        assert len(doc.get(_base(made) + "/versions").json()) == 2
    finally:
        doc.close()


def test_a_locked_move_offers_no_swap_and_a_banned_one_is_never_offered() -> None:
    from supple.planner.prescription import Prescribed
    from supple.planner.substitute import Substitution

    rule = Substitution(profile=Profile(), library=LIBRARY)
    ident = next(k for k, e in LIBRARY.items() if e.regressions and e.dose.duration_s is None)
    rx = Prescription(moves=[_move(ident).model_copy(update={"locked": True})])
    plan = routine(rx, LIBRARY)
    assert rule.variants(plan, ident) != []
    guarded = Prescribed.of(rule, rx)
    assert guarded.variants(plan, ident) == [] and guarded.easier(plan, 0) is None
    loose = Prescription(moves=[_move(ident)], banned=list(LIBRARY[ident].regressions))
    assert all(v.easier is False for v in Prescribed.of(rule, loose).variants(plan, ident))
