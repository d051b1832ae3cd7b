"""The curated exercise library: validated entries loaded from packaged YAML files."""

from supple.library.loader import Library, LibraryError, UnknownExercise, load_library
from supple.library.model import Dose, Exercise

__all__ = ["Dose", "Exercise", "Library", "LibraryError", "UnknownExercise", "load_library"]
