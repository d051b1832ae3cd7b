"""Rich rendering of plans, referrals and programmes for `supple plan` and `supple program`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from supple.planner import Plan
    from supple.planner.program import Programme


def show_referral(out: Console, result: Plan, *, routine_follows: bool = True) -> None:
    """The referral in a panel (red when it is today or now, amber within two weeks);
    ``routine_follows`` says whether the routine its advice speaks of is printed below it."""
    from rich.panel import Panel

    from supple.presentation import advice_elsewhere

    referral = result.referral
    if referral is None:
        return
    severe = referral.urgency in ("emergency", "urgent")
    title = {
        "emergency": "Get checked now",
        "urgent": "Get checked today",
        "soon": "Get checked soon (within one to two weeks)",
    }[referral.urgency]
    advice = referral.advice
    if not routine_follows:
        advice = advice_elsewhere(advice, "that `supple plan` prints")
    body = "\n".join(f"- {r}" for r in referral.reasons) + f"\n\n{advice}"
    out.print(Panel(body, title=title, border_style="red" if severe else "yellow"))


def show_plan(out: Console, result: Plan, minutes: int, *, explain: bool) -> None:
    from rich.table import Table

    from supple.presentation import clock, item_dose, position, why

    show_referral(out, result, routine_follows=bool(result.items))
    if not result.items:
        if result.referral is not None:
            out.print("No exercises today: please get checked first.")
        else:
            out.print("No exercise in the library fits these answers.")
            show_excluded(out, result, explain)
        return
    out.print(f"[bold]Your routine[/bold]  ({minutes} minutes asked)")
    if result.bias_reason:
        out.print(f"Direction: [bold]{result.bias}[/bold]. {result.bias_reason}")
    table = Table(show_lines=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Exercise", ratio=2)
    table.add_column("Dose", ratio=2)
    table.add_column("Time", justify="right", no_wrap=True)
    table.add_column("Why", ratio=5)
    for n, item in enumerate(result.items, 1):
        table.add_row(
            str(n),
            f"{item.name}\n[dim]{position(item.position)}[/dim]",
            item_dose(item),
            clock(item.seconds),
            why(item),
        )
    out.print(table)
    out.print(
        f"Total [bold]{clock(result.total_seconds)}[/bold], counting set-up, side changes and "
        "moving between positions."
    )
    for line in result.advice:
        out.print(f"[yellow]![/yellow] {line}")
    show_beside(out, result)
    show_excluded(out, result, explain)


def show_beside(out: Console, result: Plan) -> None:
    """Today's lesson and walk, beside the routine."""
    from supple.presentation.programme import walk_minutes

    if result.lesson is not None:
        out.print(
            f"Today's lesson: {result.lesson.title} (`supple learn {result.lesson.id}`)",
            markup=False,
        )
    if result.walk is not None:
        out.print(
            f"Today's walk: {walk_minutes(result.walk.seconds)} (week {result.walk.week} of your "
            "walking plan; `supple log walk MINUTES` when done)",
            markup=False,
        )


def show_excluded(out: Console, result: Plan, explain: bool) -> None:
    from rich.table import Table

    from supple.presentation import plural

    if not result.excluded:
        return
    if not explain:
        names = ", ".join(e.exercise for e in result.excluded[:6])
        more = "" if len(result.excluded) <= 6 else ", ..."
        out.print(
            f"[dim]{plural(len(result.excluded), 'exercise')} left out ({names}{more}); "
            "add --explain to see why.[/dim]"
        )
        return
    table = Table(title="Left out, and why", expand=True)
    table.add_column("Exercise", ratio=1, overflow="fold")
    table.add_column("Rule", ratio=3)
    for e in result.excluded:
        table.add_row(e.exercise, e.rule)
    out.print(table)


# --- supple program -------------------------------------------------------------------------


def show_program(out: Console, result: Programme) -> None:
    from rich.table import Table

    from supple.presentation import clock, item_dose

    if not result.weeks:
        from supple.planner import Plan

        show_referral(out, Plan(status="refer", referral=result.referral))
        out.print("No programme: please get checked first.")
        return
    if result.referral is not None:
        show_referral(out, result.weeks[0].plan)
    for week in result.weeks:
        table = Table(
            title=f"Week {week.week} (from {week.starts.isoformat()}): "
            f"{clock(week.plan.total_seconds)} a day",
            caption=" ".join(week.changes),
            expand=True,
        )
        table.add_column("Exercise", ratio=2)
        table.add_column("Dose", ratio=2)
        table.add_column("Time", justify="right", no_wrap=True)
        for item in week.plan.items:
            table.add_row(item.name, item_dose(item), clock(item.seconds))
        out.print(table)
