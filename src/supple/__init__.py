"""Supple: an open-source back-care coach.

The package reads as the flow of the product. Pure domain packages, with no I/O:
``library`` (the exercises) → ``safety`` (screening and exclusions) → ``planner`` (the
routine) → ``session`` (the guided timeline) → ``tracking`` (progress maths), with
``figures`` drawing the illustrations. Adapters wrap them: ``cli``, ``web``, ``store`` and
``export``. The domain never imports an adapter (``tests/test_architecture.py``).
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
