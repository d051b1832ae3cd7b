"""The presentation module's words as Jinja filters, so a page says a dose, a position or a
time exactly as the terminal does."""

from __future__ import annotations

from jinja2 import Environment

from supple.presentation import clock, entry_dose, item_dose, position, term, terms, why
from supple.presentation.programme import walk_minutes


def install(env: Environment) -> None:
    """Register the filters: ``dose``, ``entry_dose``, ``why``, ``position``, ``term``,
    ``terms``, ``clock`` and ``walk_minutes``."""
    env.filters.update(
        dose=item_dose,
        entry_dose=entry_dose,
        why=why,
        position=position,
        term=term,
        terms=terms,
        clock=clock,
        walk_minutes=walk_minutes,
    )
