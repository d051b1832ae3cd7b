"""Load and validate the library from the YAML files shipped in the package.

Reading the package's own read-only data is the one file access the domain makes; everything
a person writes goes through the adapters.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from supple.library.model import Exercise

DATA = "supple.library.data"
#: The fastest safe YAML loader available (libyaml when present).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Record = TypeVar("Record", bound=BaseModel)


class LibraryError(ValueError):
    """A library file that does not validate; the message names file, field and problem."""


class UnknownEntry(KeyError):
    """An id that is not in the library; the message suggests the closest ids."""

    #: What the id names, in the message ("no exercise 'x' in the library").
    noun = "entry"

    def __init__(self, entry_id: str, suggestions: list[str]) -> None:
        self.entry_id = entry_id
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no {self.noun} '{entry_id}' in the library{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownExercise(UnknownEntry):
    """An exercise id that is not in the library."""

    noun = "exercise"

    @property
    def exercise_id(self) -> str:
        return self.entry_id


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    # Checks written as validators arrive as "Value error, <our sentence>": keep the sentence.
    msg = first["msg"].removeprefix("Value error, ")
    given = first.get("input")
    if first["type"] == "string_type" and isinstance(given, dict):
        # YAML reads an unquoted "text: more text" as a mapping; say how to fix it.
        msg += " (got a mapping: put quotes around text that contains ': ')"
    elif first["type"] != "missing" and isinstance(given, str | int | float | bool):
        msg += f" (got {given!r})"
    more = len(error.errors()) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"field '{where}': {msg}{tail}"


def parse_record(text: str, source: str, model: type[Record]) -> Record:
    """Validate one YAML document as ``model`` whose ``id`` is the file's name.

    Raise LibraryError naming ``source``, the field and the problem.
    """
    try:
        raw = yaml.load(text, Loader=YAML_LOADER)  # a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise LibraryError(
            f"{source}:{line} is not valid YAML: {getattr(exc, 'problem', exc)}"
        ) from None
    if raw is None:
        raise LibraryError(f"{source}: the file is empty; expected a mapping of fields")
    if not isinstance(raw, dict):
        raise LibraryError(f"{source}: expected a mapping of fields, got {type(raw).__name__}")
    try:
        record = model.model_validate(raw)
    except ValidationError as exc:
        raise LibraryError(f"{source}: {_describe(exc)}") from None
    stem = Path(source).stem
    record_id = getattr(record, "id", None)
    if record_id != stem:
        raise LibraryError(f"{source}: field 'id': '{record_id}' must match the file name '{stem}'")
    return record


def parse_exercise(text: str, source: str) -> Exercise:
    """Validate one exercise file; raise LibraryError naming ``source``."""
    return parse_record(text, source, Exercise)


class Library(Mapping[str, Exercise]):
    """The validated exercises, by id, with their cross-references checked."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self._by_id: dict[str, Exercise] = {}
        for ex in exercises:
            if ex.id in self._by_id:
                raise LibraryError(f"{ex.id}.yaml: field 'id': '{ex.id}' appears twice")
            self._by_id[ex.id] = ex
        for ex in self._by_id.values():
            for field in ("regressions", "progressions"):
                for ref in getattr(ex, field):
                    if ref not in self._by_id:
                        raise LibraryError(
                            f"{ex.id}.yaml: field '{field}': no exercise '{ref}' in the library"
                        )

    def __getitem__(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]
        except KeyError:
            raise UnknownExercise(exercise_id, self.closest(exercise_id)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def closest(self, text: str, n: int = 3) -> list[str]:
        """Ids closest to ``text`` (a mistyped id or a name)."""
        slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
        return difflib.get_close_matches(slug, list(self._by_id), n=n, cutoff=0.5)

    def find(self, name: str) -> Exercise | None:
        """The exercise whose id, name or alias matches ``name`` (case and punctuation ignored)."""
        key = _norm(name)
        for ex in self._by_id.values():
            if key == _norm(ex.id) or any(key == _norm(n) for n in ex.names):
                return ex
        return None

    def select(
        self,
        *,
        regions: Iterable[str] = (),
        positions: Iterable[str] = (),
        kinds: Iterable[str] = (),
        equipment: Iterable[str] = (),
        text: str | None = None,
    ) -> list[Exercise]:
        """Exercises matching every given filter (any value within one filter), gentlest first.

        ``equipment`` keeps entries needing any of the named items; the value ``"none"`` keeps
        entries that need nothing. Moves Supple never prescribes come last.
        """
        wanted_regions, wanted_positions = set(regions), set(positions)
        wanted_kinds, wanted_equipment = set(kinds), set(equipment)
        found = self.search(text) if text and text.strip() else list(self._by_id.values())
        if wanted_regions:
            found = [ex for ex in found if wanted_regions & set(ex.regions)]
        if wanted_positions:
            found = [ex for ex in found if ex.position in wanted_positions]
        if wanted_kinds:
            found = [ex for ex in found if ex.kind in wanted_kinds]
        if wanted_equipment:
            bare = "none" in wanted_equipment
            found = [
                ex
                for ex in found
                if (bare and not ex.equipment) or wanted_equipment & set(ex.equipment)
            ]
        return sorted(found, key=lambda ex: (ex.avoid is not None, ex.level, ex.name))

    def search(self, text: str) -> list[Exercise]:
        """Exercises whose id, names, purpose or regions mention every word of ``text``."""
        words = _norm(text).split()
        found = []
        for ex in self._by_id.values():
            hay = _norm(" ".join([ex.id, *ex.names, ex.purpose, *ex.regions, ex.position]))
            if all(w in hay for w in words):
                found.append(ex)
        return found


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "")).split())


def load_dir(path: Path) -> Library:
    """Load every ``*.yaml`` in the folder ``path`` (a clinician's own library, or tests)."""
    if not path.is_dir():
        raise LibraryError(f"{path}: no such folder of exercise files")
    files = sorted(path.glob("*.yaml"))
    if not files:
        raise LibraryError(f"{path}: the folder holds no *.yaml exercise files")
    return Library(parse_exercise(_read(p), p.name) for p in files)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LibraryError(f"{path.name}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise LibraryError(f"{path.name}: cannot be read ({exc.strerror})") from None


def raw_files(kind: str = "exercises") -> Iterator[tuple[str, str]]:
    """The name and text of every packaged ``*.yaml`` file in the data folder ``kind``."""
    folder = resources.files(DATA).joinpath(kind)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            yield entry.name, entry.read_text(encoding="utf-8")


@cache
def load_library(folder: Path | None = None) -> Library:
    """The library, validated once per process and folder: the packaged one, or the ``*.yaml``
    entries in ``folder`` (a clinician's own set, or tests)."""
    if folder is not None:
        return load_dir(Path(folder))
    return Library(parse_exercise(text, name) for name, text in raw_files())


def as_mapping(exercise: Exercise) -> dict[str, Any]:
    """Every field of ``exercise`` as plain JSON-ready data."""
    return exercise.model_dump(mode="json")
