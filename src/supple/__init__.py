"""Supple: an open-source back-care coach.

The package reads as the flow of the product. Pure domain packages, with no I/O:
``library`` (the exercises) → ``safety`` (screening and exclusions) → ``planner`` (the
routine) → ``session`` (the guided timeline) → ``tracking`` (progress maths), with
``figures`` drawing the illustrations. Adapters wrap them: ``store``, ``export``, ``web`` and
``cli``. Imports run one way, from the adapters down to the library, and no modules import each
other in a circle (``tests/test_architecture.py`` ranks the packages).
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
