"""The curated library: validated exercises and lessons loaded from packaged YAML files."""

from supple.library.lessons import TOPICS, Lesson, Lessons, UnknownLesson, load_lessons
from supple.library.loader import Library, LibraryError, UnknownExercise, load_library
from supple.library.model import Dose, Exercise

__all__ = [
    "TOPICS",
    "Dose",
    "Exercise",
    "Lesson",
    "Lessons",
    "Library",
    "LibraryError",
    "UnknownExercise",
    "UnknownLesson",
    "load_lessons",
    "load_library",
]
