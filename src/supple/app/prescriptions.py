"""The clinician's programme for a patient: started from Supple's suggestion, a template or the
latest version (never from nothing), checked against the patient's safety result, saved as a
new version (never edited in place), its history with what changed, and the clinic's templates.

And the patient's side: while a version exists, it is their programme; :func:`assigned` gives
the routine of today from it (locked moves and doses as set, banned moves never).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal, Protocol

from supple.app import audit, care, plans
from supple.app.errors import Conflict, NotFound, Refused
from supple.app.exports import ASSIGNED
from supple.app.identity import Account, Principal
from supple.app.ports import Records
from supple.app.prescription_records import Template, Version
from supple.app.screening import judge, saved_profile
from supple.library.model import Exercise
from supple.planner.dose import base_dose
from supple.planner.model import Excluded, Plan
from supple.planner.prescription import (
    Change,
    Dose,
    Exclusion,
    Move,
    Prescription,
    Problem,
    check,
    diff,
    dose_of,
    routine,
    summary,
    with_swaps,
)
from supple.presentation import render_plan
from supple.safety import exclusions, load_rules
from supple.safety.profile import Profile

if TYPE_CHECKING:
    from supple.app.access_ports import AccountsDatabase, AuditTrail
    from supple.app.plans import PlanRequest

Start = Literal["suggestion", "latest", "template"]


class PrescribedRecords(Records, Protocol):
    """A person's records with their programme versions."""

    def save_version(
        self,
        prescription: Prescription,
        *,
        author_id: int | None,
        author_name: str,
        summary: str,
        plan: Plan,
        plan_kind: str,
        at: datetime,
    ) -> int: ...

    def latest_version(self) -> Version | None: ...

    def versions(self, limit: int = 50) -> list[Version]: ...


class TemplateShelf(Protocol):
    """One clinic's templates."""

    def templates(self) -> list[Template]: ...

    def template(self, template_id: int) -> Template | None: ...

    def save_template(
        self,
        name: str,
        prescription: Prescription,
        *,
        author_id: int | None,
        author_name: str,
        at: datetime,
    ) -> int: ...


class ClinicDatabase(Protocol):
    """The database as the template use cases open its parts."""

    def clinic_templates(self, clinic_id: int) -> TemplateShelf: ...

    def for_person(self, person_id: int) -> PrescribedRecords: ...

    def audit_log(self) -> AuditTrail: ...


class Refusal(Refused):
    """The prescription may not be saved: each problem says why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(p.words for p in problems))
        self.problems = list(problems)


# -- the patient's safety result -----------------------------------------------------------


def excluded_for(profile: Profile, library: Mapping[str, Exercise]) -> dict[str, Exclusion]:
    """Every move the patient's answers leave out, with the rule, its sentence and its source."""
    rules = load_rules()
    sources = {r.id: r.source for r in rules.exclusions}
    return {
        ident: Exclusion(ruling.rule_id, ruling.sentence, sources.get(ruling.rule_id, ""))
        for ident, ruling in exclusions(profile, library.values(), rules).items()
    }


def patient_exclusions(store: Records, library: Mapping[str, Exercise]) -> dict[str, Exclusion]:
    """The exclusions of the patient's saved answers (NoProfile before they answered)."""
    return excluded_for(saved_profile(store), library)


# -- starting a draft ---------------------------------------------------------------------


def suggestion(*, store: Records, library: Mapping[str, Exercise], today: date) -> Prescription:
    """Supple's routine for the patient's saved answers, as a prescription to edit (Conflict
    when the answers call for a check first)."""
    req = plans.request(store=store, library=library, today=today)
    if not judge(req.profile, today=today).can_exercise:
        raise Conflict("the patient's answers say to get checked first: no routine to start from")
    plan = plans.make(req, library)
    if not plan.items:
        raise Conflict("the patient's answers lead to a referral, not a routine")
    days = plans.recent_records(store, today).days_per_week
    moves = [Move(exercise=i.exercise, dose=dose_of(i)) for i in plan.items]
    return Prescription(moves=moves, days_per_week=days)


def draft(
    *,
    store: PrescribedRecords,
    library: Mapping[str, Exercise],
    today: date,
    start: Start = "latest",
    template: Template | None = None,
) -> Prescription:
    """Where an edit starts: the latest version (the suggestion when there is none yet), the
    suggestion, or ``template``."""
    if start == "template":
        if template is None:
            raise NotFound("choose a template to start from")
        return template.prescription
    if start == "latest":
        latest = store.latest_version()
        if latest is not None:
            return latest.prescription
    return suggestion(store=store, library=library, today=today)


def move_for(*, store: Records, library: Mapping[str, Exercise], exercise_id: str) -> Move:
    """A move from the library, dosed for the patient as the planner would start it (NotFound
    for an id the library does not have)."""
    exercise = library.get(exercise_id)
    if exercise is None:
        raise NotFound(f"there is no move '{exercise_id[:60]}' in the library")
    profile = store.latest_profile()
    gentle = profile is not None and load_rules().gentle(profile)
    choice = base_dose(exercise, gentle=gentle, age=None if profile is None else profile.age)
    effort = None if choice.effort is None else choice.effort.high
    dose = Dose(
        hold_s=choice.hold_s,
        duration_s=None if choice.hold_s is not None else choice.duration_s,
        reps=choice.reps,
        sets=choice.sets,
        rest_s=min(choice.rest_s, 300),
        effort=effort,
    )
    return Move(exercise=exercise.id, dose=dose)


# -- saving and history --------------------------------------------------------------------


def author_name(account: Account) -> str:
    """How the patient is told who their programme is from."""
    return account.email


def validate(
    prescription: Prescription, *, store: Records, library: Mapping[str, Exercise]
) -> None:
    """Refusal unless ``prescription`` keeps to the library and the patient's safety result
    (an excluded move needs an override naming its rule, with a reason)."""
    problems = check(prescription, library, patient_exclusions(store, library))
    if problems:
        raise Refusal(problems)


def names_of(library: Mapping[str, Exercise]) -> dict[str, str]:
    return {ident: ex.name for ident, ex in library.items()}


def save(
    *,
    store: PrescribedRecords,
    library: Mapping[str, Exercise],
    prescription: Prescription,
    author: Account,
    now: datetime,
    trail: AuditTrail | None = None,
    address: str = "",
    about: Account | None = None,
) -> Version:
    """Keep ``prescription`` as the patient's next version (Refusal when it does not pass the
    check), and as their assigned routine, so exports and the calendar follow it; with
    ``trail``, the change goes in the audit log."""
    validate(prescription, store=store, library=library)
    before = store.latest_version()
    changes = diff(None if before is None else before.prescription, prescription, names_of(library))
    said = summary(changes) if before is not None else "first version"
    number = store.save_version(
        prescription,
        author_id=author.id,
        author_name=author_name(author),
        summary=said[:2000],
        plan=_shown(routine(prescription, library), prescription),
        plan_kind=ASSIGNED,
        at=now,
    )
    if trail is not None:
        overridden = [m.exercise for m in prescription.moves if m.override is not None]
        detail = f"programme version {number}"
        if overridden:
            detail += f" (override: {', '.join(overridden)})"
        audit.record(
            trail,
            at=now,
            action="records_changed",
            by=author,
            address=address,
            about=about,
            detail=detail[:300],
        )
    return Version(number, author.id, author_name(author), now, prescription, said)


@dataclass(frozen=True)
class VersionChanges:
    """A version and what changed from the one before it."""

    version: Version
    changes: list[Change]


def history(
    *, store: PrescribedRecords, library: Mapping[str, Exercise], limit: int = 50
) -> list[VersionChanges]:
    """The patient's versions, newest first, each with its changes."""
    found = store.versions(limit + 1)
    names = names_of(library)
    out = []
    for k, version in enumerate(found[:limit]):
        older = found[k + 1].prescription if k + 1 < len(found) else None
        out.append(VersionChanges(version, diff(older, version.prescription, names)))
    return out


# -- templates -----------------------------------------------------------------------------


def _shelf(db: ClinicDatabase, principal: Principal) -> tuple[Account, TemplateShelf]:
    account = care.clinician_only(principal)
    assert account.clinic_id is not None
    return account, db.clinic_templates(account.clinic_id)


def templates(*, db: ClinicDatabase, principal: Principal) -> list[Template]:
    """The templates of the clinician's clinic."""
    return _shelf(db, principal)[1].templates()


def template(*, db: ClinicDatabase, principal: Principal, template_id: int) -> Template:
    """One template of the clinician's clinic (NotFound for any other)."""
    found = _shelf(db, principal)[1].template(template_id) if 0 < template_id < 2**31 else None
    if found is None:
        raise NotFound(f"no template {template_id} in your clinic")
    return found


def save_template(
    *,
    db: ClinicDatabase,
    principal: Principal,
    name: str,
    prescription: Prescription,
    library: Mapping[str, Exercise],
    now: datetime,
) -> Template:
    """Keep ``prescription`` as the clinic's template ``name`` (its overrides are dropped: they
    were for one patient's answers)."""
    account, shelf = _shelf(db, principal)
    name = " ".join(name.split())
    if not 1 <= len(name) <= 100:
        raise Refused("a template's name is 1 to 100 characters")
    unknown = [m.exercise for m in prescription.moves if m.exercise not in library]
    if unknown or not prescription.moves:
        raise Refused("a template needs moves of the library")
    general = prescription.model_copy(
        update={"moves": [m.model_copy(update={"override": None}) for m in prescription.moves]}
    )
    ident = shelf.save_template(
        name, general, author_id=account.id, author_name=author_name(account), at=now
    )
    assert account.clinic_id is not None
    return Template(ident, name, account.clinic_id, account.id, author_name(account), now, general)


def apply_template(
    *,
    db: AccountsDatabase,
    clinic: ClinicDatabase,
    principal: Principal,
    template_id: int,
    patient_ids: Iterable[int],
    library: Mapping[str, Exercise],
    now: datetime,
    address: str,
) -> dict[int, Version]:
    """Save the template as a new version for each patient (all linked to the clinician, and
    each passing their own safety check, or none is saved); the versions by patient id."""
    account = care.clinician_only(principal)
    chosen = template(db=clinic, principal=principal, template_id=template_id)
    wanted = list(dict.fromkeys(patient_ids))
    if not 1 <= len(wanted) <= 200:
        raise Refused("choose 1 to 200 patients")
    links = [care.patient(db=db, principal=principal, patient_id=p) for p in wanted]
    records: list[tuple[Account, PrescribedRecords]] = []
    problems: list[Problem] = []
    for link in links:
        assert link.patient.person_id is not None
        store = clinic.for_person(link.patient.person_id)
        try:
            validate(chosen.prescription, store=store, library=library)
        except Refusal as exc:
            problems += [
                Problem(p.exercise, f"{link.patient.email}: {p.words}", p.rule)
                for p in exc.problems
            ]
        records.append((link.patient, store))
    if problems:
        raise Refusal(problems)
    return {
        patient.id: save(
            store=store,
            library=library,
            prescription=chosen.prescription,
            author=account,
            now=now,
            trail=clinic.audit_log(),
            address=address,
            about=patient,
        )
        for patient, store in records
    }


# -- the patient's side --------------------------------------------------------------------


@dataclass(frozen=True)
class Assigned:
    """Today's routine from the patient's current programme version."""

    version: Version
    plan: Plan
    #: the week of the programme today is in (1 first; the last once it has run its weeks)
    week: int
    #: the clinician's note per move, by exercise id
    notes: dict[str, str]
    #: the moves nobody may swap
    locked: frozenset[str]


def week_of(version: Version, today: date) -> int:
    """The week of ``version``'s programme that ``today`` is in."""
    days = (today - version.created_at.astimezone().date()).days
    return max(1, min(days // 7 + 1, version.prescription.weeks))


def _shown(plan: Plan, prescription: Prescription) -> Plan:
    """``plan`` in words, each move with the clinician's note as its reason."""
    notes = {m.exercise: m.note for m in prescription.moves}
    rendered = render_plan(plan)
    items = [i.model_copy(update={"why": notes.get(i.exercise) or i.why}) for i in rendered.items]
    return rendered.model_copy(update={"items": items})


def assigned(
    *,
    store: PrescribedRecords,
    library: Mapping[str, Exercise],
    req: PlanRequest,
    version: Version | None = None,
) -> Assigned | None:
    """Today's routine from the latest version (None when there is none): locked moves and
    doses exactly as set; unlocked ones a rung harder each week if progression is on, left out
    after painful feedback, and swapped as the patient chose; banned moves never. A move the
    patient's current answers exclude without the clinician's override for that rule is left
    out too (the answers may have changed since the version was saved). ``version``: the
    latest, when the caller has read it already."""
    version = version or store.latest_version()
    if version is None:
        return None
    prescription = version.prescription
    out_now = excluded_for(req.profile, library)
    unsafe = {
        m.exercise: out_now[m.exercise].rule
        for m in prescription.moves
        if m.exercise in out_now
        and (m.override is None or m.override.rule != out_now[m.exercise].rule)
    }
    kept = prescription.model_copy(
        update={"moves": [m for m in prescription.moves if m.exercise not in unsafe]}
    )
    week = week_of(version, req.day)
    leave_out = req.adjustments.leave_out if kept.progression else {}
    gentle = load_rules().gentle(req.profile)
    plan = routine(kept, library, week=week, leave_out=leave_out, gentle=gentle)
    swaps = with_swaps(kept, dict(req.swaps))
    if swaps:
        plan = req.substitution(library).swap_all(plan, swaps)
    plan = plan.model_copy(
        update={
            "lesson": req.lesson,
            "walk": req.walk,
            "excluded": [Excluded(exercise=e, rule=r) for e, r in unsafe.items()],
        }
    )
    return Assigned(
        version=version,
        plan=_shown(plan, kept),
        week=week,
        notes={m.exercise: m.note for m in kept.moves if m.note},
        locked=frozenset(m.exercise for m in kept.moves if m.locked),
    )


__all__ = [
    "Assigned",
    "ClinicDatabase",
    "PrescribedRecords",
    "Refusal",
    "Start",
    "TemplateShelf",
    "VersionChanges",
    "apply_template",
    "assigned",
    "author_name",
    "draft",
    "excluded_for",
    "history",
    "move_for",
    "patient_exclusions",
    "save",
    "save_template",
    "suggestion",
    "template",
    "templates",
    "validate",
    "week_of",
]
