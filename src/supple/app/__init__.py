"""The application layer: every use case written once, called by every adapter.

Plain functions with keyword-only arguments; the store (a :class:`~supple.app.ports.Records`
of one person) and the library are passed in, nothing is opened here. The command line, the web
pages and the JSON API parse their input, call one of these, and render what comes back.

- ``screening``: judge and keep the answers; the minutes per day.
- ``plans``: today's plan for a person (answers, feedback adjustments, swaps, minutes, day),
  the swaps it allows, keeping a plan.
- ``sessions``: begin, record, take the easier variant, resume; the timeline to play.
- ``tracking``: pain, PSFS, progress, history.
- ``backups``: export, import, backup.

Refusals are :mod:`supple.app.errors`; store failures pass through as the store's own errors.
"""

__all__: list[str] = []
