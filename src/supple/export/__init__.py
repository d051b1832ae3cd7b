"""Outward formats: what leaves Supple for people and other programs (the progress chart, the
printed handout, the calendar, reminders, FHIR).

An exporter takes domain objects or the export snapshot (``supple.store.backup.ExportFile``),
never a database session. The store's own backup format lives in ``supple.store.backup``.
"""

__all__: list[str] = []
