"""The packaged exercise entries and their figures (YAML files, read by the library)."""

__all__: list[str] = []
