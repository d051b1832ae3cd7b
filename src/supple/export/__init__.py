"""Export and import: every record of a person as JSON or CSV, and back, losing nothing."""

__all__: list[str] = []
