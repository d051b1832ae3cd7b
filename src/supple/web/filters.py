"""The presentation module's words as Jinja filters, so a page says a dose, a position or a
time exactly as the terminal does."""

from __future__ import annotations

from jinja2 import Environment

from supple.presentation import (
    advice_elsewhere,
    clock,
    entry_dose,
    item_dose,
    item_time,
    level_words,
    other_names,
    position,
    status_word,
    term,
    terms,
    when_words,
    why,
    without_rule_id,
)
from supple.presentation.programme import walk_minutes


def install(env: Environment) -> None:
    """Register the filters: ``dose``, ``item_time``, ``entry_dose``, ``why``, ``position``,
    ``term``, ``terms``, ``clock``, ``status``, ``level``, ``other_names``, ``when``,
    ``plain_rule``, ``elsewhere`` and ``walk_minutes``."""
    env.filters.update(
        dose=item_dose,
        item_time=item_time,
        entry_dose=entry_dose,
        why=why,
        position=position,
        term=term,
        terms=terms,
        clock=clock,
        walk_minutes=walk_minutes,
        status=status_word,
        level=level_words,
        other_names=other_names,
        when=when_words,
        plain_rule=without_rule_id,
        elsewhere=advice_elsewhere,
    )
