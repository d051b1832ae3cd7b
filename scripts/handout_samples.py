"""Render the sample handout pages shown in docs/exports.md (needs pdftoppm).

Usage: .venv/bin/python scripts/handout_samples.py
"""

from __future__ import annotations

import subprocess
import tempfile
from datetime import date
from pathlib import Path

from supple.export.handout import HandoutInput, render_handout
from supple.library import load_library
from supple.planner import make_plan
from supple.safety.profile import Profile

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
DPI = 45


def main() -> None:
    library = load_library()
    plan = make_plan(Profile(minutes=15, age=70), library, seed=3, day=date(2025, 3, 3))
    data = HandoutInput(
        plan=plan,
        library=library,
        person_name="Alex Morgan",
        days_per_week=5,
        clinician="Sam Patel, physiotherapist",
        notes={plan.items[1].exercise: "Keep the range small for the first week."},
        app_link="http://127.0.0.1:8000/today",
        made_on=date(2025, 3, 3),
    )
    pdf = render_handout(data, paper="a4")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "handout.pdf"
        source.write_bytes(pdf)
        for page, name in ((1, "handout-cover"), (3, "handout-moves")):
            target = OUT / name
            cmd = ["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page)]
            subprocess.run([*cmd, "-singlefile", str(source), str(target)], check=True)
            print(f"wrote {target}.png")


if __name__ == "__main__":
    main()
