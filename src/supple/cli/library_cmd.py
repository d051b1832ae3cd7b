"""`supple library`: list the exercise library with filters, or show one entry in full.

Rich, PyYAML and Pydantic load only inside the commands, so `supple --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from supple.cli.common import fail, library_of, print_json

if TYPE_CHECKING:
    from supple.library import Exercise, Library

library_app = typer.Typer(
    help="Browse the exercise library: a filtered table, or one entry laid out for reading.",
    add_completion=False,
    rich_markup_mode=None,
)

_JSON_HELP = "Print the full entries (every field) as JSON instead of a table."


def register(app: typer.Typer) -> None:
    """Add `supple library` and `supple library show` to ``app``."""
    app.add_typer(library_app, name="library")


@library_app.callback(invoke_without_command=True)
def list_exercises(
    ctx: typer.Context,
    region: list[str] | None = typer.Option(
        None,
        "--region",
        "-r",
        metavar="REGION",
        help="Only entries for this body region, e.g. lower_back, hips, neck (repeat for any of "
        "several).",
    ),
    position: list[str] | None = typer.Option(
        None,
        "--position",
        "-p",
        metavar="POSITION",
        help="Only entries done in this position, e.g. standing, seated_chair, supine.",
    ),
    kind: list[str] | None = typer.Option(
        None,
        "--kind",
        "-k",
        metavar="KIND",
        help="Only this kind: warm_up, stretch, mobility, strength, relaxation or aerobic.",
    ),
    equipment: list[str] | None = typer.Option(
        None,
        "--equipment",
        "-e",
        metavar="ITEM",
        help="Only entries that use this equipment, e.g. chair, wall; 'none' for entries that "
        "need nothing.",
    ),
    search: str | None = typer.Option(
        None,
        "--search",
        "-s",
        metavar="TEXT",
        help="Only entries whose id, names, purpose or regions contain every word of TEXT.",
    ),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
) -> None:
    """List the exercises of the library as a table, filtered by the options."""
    if ctx.invoked_subcommand is not None:
        return
    from supple.library import vocab

    wanted = {
        "regions": _choices("region", region, vocab.REGIONS),
        "positions": _choices("position", position, vocab.POSITIONS),
        "kinds": _choices("kind", kind, vocab.KINDS),
        "equipment": _choices("equipment", equipment, (*vocab.EQUIPMENT, "none")),
    }
    found = library_of(ctx).load().select(**wanted, text=search)
    if as_json:
        print_json([_as_mapping(ex) for ex in found])
        return
    _render_table(found)


@library_app.command("show")
def show_exercise(
    ctx: typer.Context,
    exercise_id: str = typer.Argument(
        ..., metavar="ID", help="The exercise id (or one of its names), e.g. cat_cow."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full entry as JSON."),
    # Text, not Path: Typer's Path validator adds about 100 ms to every start.
    svg: str | None = typer.Option(
        None, "--svg", metavar="FILE", help="Write the exercise's illustration to FILE as SVG."
    ),
    png: str | None = typer.Option(
        None, "--png", metavar="FILE", help="Write the illustration's still to FILE as PNG."
    ),
    size: str | None = typer.Option(
        None,
        "--size",
        metavar="SIZE",
        help="thumb (96 px), player (240 px, animated SVG) or print (90 mm still); "
        "the default is player for --svg and print for --png.",
    ),
    dpi: int = typer.Option(300, "--dpi", help="Dots per inch of the PNG (72 to 1200)."),
) -> None:
    """Show one exercise in full: dose, steps, breathing, what to feel, when to stop."""
    library = library_of(ctx).load()
    exercise = _lookup(library, exercise_id)
    if size is not None and size not in ("thumb", "player", "print"):
        fail(f"unknown size '{size}'; choose from: thumb, player, print")
    if not 72 <= dpi <= 1200:
        fail(f"--dpi {dpi} is out of range; give 72 to 1200")
    if svg is not None:
        _write_svg(exercise, Path(svg), size or "player")
    if png is not None:
        _write_png(exercise, Path(png), size or "print", dpi)
    if as_json:
        print_json(_as_mapping(exercise))
        return
    for written in (svg, png):
        if written is not None:
            typer.echo(f"Wrote the illustration of {exercise.id} to {written}.")
    if svg is None and png is None:
        _render_entry(exercise, library)


def _lookup(library: Library, text: str) -> Exercise:
    from supple.library import UnknownExercise

    try:
        return library[text]
    except UnknownExercise as exc:
        by_name = library.find(text)
        if by_name is not None:
            return by_name
        fail(str(exc))


def _choices(option: str, given: list[str] | None, allowed: tuple[str, ...]) -> list[str]:
    """The values of a filter option, normalised; an unknown value stops the command."""
    values = [v.strip().lower().replace("-", "_").replace(" ", "_") for v in given or []]
    for raw, value in zip(given or [], values, strict=True):
        if value not in allowed:
            fail(f"unknown {option} '{raw}'; choose from: {', '.join(allowed)}")
    return values


def _as_mapping(exercise: Exercise) -> dict[str, Any]:
    from supple.library.loader import as_mapping

    return as_mapping(exercise)


def _write_svg(exercise: Exercise, path: Path, size: Any) -> None:
    from supple.figures import render_exercise_svg

    # A print handout and a thumbnail are stills; the player size moves.
    _write(
        exercise, path, lambda: render_exercise_svg(exercise, size=size, animated=size == "player")
    )


def _write_png(exercise: Exercise, path: Path, size: Any, dpi: int) -> None:
    from supple.export.figure_png import PngUnavailable, figure_png

    try:
        _write(exercise, path, lambda: figure_png(exercise, size=size, dpi=dpi))
    except PngUnavailable as exc:
        fail(str(exc))


def _write(exercise: Exercise, path: Path, draw: Any) -> None:
    try:
        data = draw()
    except LookupError:
        fail(f"'{exercise.id}' has no illustration yet")
    except ValueError as exc:  # a figure file that does not validate (FigureError)
        fail(f"the illustration of '{exercise.id}' could not be drawn: {exc}")
    try:
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")


def _render_table(found: list[Exercise]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from supple.presentation.words import terms

    out = Console(highlight=False)
    if not found:
        out.print("No exercise matches those filters.")
        return
    # Narrow terminals stack id, name and sidedness in one cell, and kind over level, so that
    # every id stays whole within 80 columns.
    wide = out.width >= 120
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0))
    if wide:
        table.add_column("id", no_wrap=True)
        table.add_column("name")
    else:  # a fixed width: Rich would otherwise shrink it below the longest id
        table.add_column("id / name", width=max(len(ex.id) for ex in found))
    table.add_column("kind")
    table.add_column("position")
    table.add_column("regions", min_width=len("hamstrings,"))
    table.add_column("equipment")
    if wide:
        table.add_column("sided")
        table.add_column("level", justify="right")
    for ex in found:
        ident = Text(ex.id, style="bold")
        name = Text(ex.name)
        if ex.avoid is not None:
            name.append(" (not prescribed)", style="italic red")
        kind = terms([ex.kind])
        if wide:
            cells = [ident, name, Text(kind)]
        else:
            sided = Text(", each side" if ex.sided else "", style="italic")
            cells = [Text("\n").join([ident, name + sided]), Text(f"{kind}\nlevel {ex.level}")]
        # Text cells, not strings: Rich then skips markup parsing and highlighting per cell.
        cells += [
            Text(terms([ex.position])),
            Text(terms(list(ex.regions))),
            Text(terms(list(ex.equipment)) if ex.equipment else "-"),
        ]
        if wide:
            cells += [Text("each side" if ex.sided else "-"), Text(str(ex.level))]
        table.add_row(*cells, style="dim" if ex.avoid is not None else None)
    out.print(table)
    out.print(
        f"{len(found)} exercise{'s' if len(found) != 1 else ''}. Level 1 is the gentlest, 3 the "
        "hardest. Moves marked 'not prescribed' are listed only to explain why Supple leaves "
        "them out. Details: supple library show ID",
        markup=False,
        highlight=False,
    )


def _render_entry(ex: Exercise, library: Library) -> None:
    import textwrap

    from rich.console import Console
    from rich.text import Text

    from supple.presentation.words import entry_dose, terms

    out = Console(highlight=False)
    width = max(40, min(out.width, 100))

    def wrapped(text: str, first: str = "  ", rest: str = "  ", style: str = "") -> None:
        lines = textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest)
        out.print(Text(lines, style=style), soft_wrap=True)

    def section(title: str, *lines: str) -> None:
        out.print()
        out.print(Text(title, style="bold"))
        for line in lines:
            wrapped(line)

    def items(title: str, values: list[str], numbered: bool = False) -> None:
        out.print()
        out.print(Text(title, style="bold"))
        for i, value in enumerate(values, 1):
            mark = f"  {i}. " if numbered else "  - "
            wrapped(value, mark, " " * len(mark))

    def variants(ids: list[str]) -> str:
        return "; ".join(f"{i} ({library[i].name})" for i in ids) or "none"

    out.print(Text.assemble((ex.name, "bold"), "  ", (f"({ex.id})", "dim")))
    if ex.avoid:
        wrapped(f"Not prescribed. {ex.avoid}", "", "", style="bold red")
    wrapped(
        f"{terms([ex.kind])}, level {ex.level} of 3, {terms([ex.position])}; "
        f"regions: {terms(list(ex.regions))}; equipment: {terms(list(ex.equipment))}",
        "",
        "",
    )
    if ex.aliases:
        wrapped(f"Also called: {', '.join(ex.aliases)}", "", "", style="dim")
    section("Why", ex.purpose)
    section("Dose", entry_dose(ex))
    items("Steps", list(ex.steps), numbered=True)
    section("Breathing", ex.breathing)
    section("What you should feel", ex.feel)
    items("Common mistakes", list(ex.mistakes))
    items("Stop if", list(ex.stop_if))
    section(
        "Variants",
        f"easier: {variants(list(ex.regressions))}",
        f"harder: {variants(list(ex.progressions))}",
    )
    lines = [f"loads: {terms(list(ex.loads))}"]
    if ex.end_range:
        lines.append(f"to the end of the range: {terms(list(ex.end_range))}")
    section("What it asks of the body", *lines)
    out.print()
    wrapped(f"Licence: {ex.licence}. {ex.attribution}.", "", "", style="dim")
