"""The command-line adapter: each module parses arguments, calls the domain, and renders.

The entry point is ``supple.cli.app:main`` (the ``supple`` console script).
"""

__all__: list[str] = []
