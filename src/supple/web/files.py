"""Where the web app's templates and static files are (inside the package)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The folder of the ``supple.web`` package: ``templates/`` and ``static/`` are in it.
HERE = Path(str(resources.files("supple.web")))
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
