"""A chart of pain and adherence, written as PNG or SVG with matplotlib (imported lazily)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from supple.tracking import TrackingInput
from supple.tracking.adherence import weekly
from supple.tracking.pain import daily_means, mean

#: Days of pain shown.
DAYS = 90
WEEKS = 13


def write_chart(data: TrackingInput, path: Path) -> Path:
    """Draw daily pain with its 7-day average above weekly adherence; return ``path``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.dates import DateFormatter

    longer = daily_means(data, DAYS + 6)  # six more days so the first average is whole
    means = longer[6:]
    days = [data.today - timedelta(days=DAYS - 1 - i) for i in range(DAYS)]
    rolling: list[float | None] = []
    for i in range(DAYS):
        rolling.append(mean(v for v in longer[i : i + 7] if v is not None))

    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(8, 5.5), gridspec_kw={"height_ratios": [3, 2]}, constrained_layout=True
    )
    scored = [(d, v) for d, v in zip(days, means, strict=True) if v is not None]
    if scored:
        top.scatter(
            [d for d, _ in scored],
            [v for _, v in scored],
            s=12,
            color="#9aa5b1",
            label="daily score",
        )
    top.plot(
        days,
        [float("nan") if v is None else v for v in rolling],
        color="#1f6f8b",
        linewidth=2.2,
        label="7-day average",
    )
    top.set_ylim(0, 10)
    top.set_ylabel("pain (0–10)")
    top.set_title(f"Pain, last {DAYS} days")
    top.grid(alpha=0.3)
    top.legend(loc="lower left", ncol=2, fontsize=8, framealpha=0.9)
    top.xaxis.set_major_formatter(DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
    if not scored:
        top.text(0.5, 0.5, "no pain scores yet", transform=top.transAxes, ha="center")

    weeks = weekly(data, weeks=WEEKS)
    labels = [w.start.strftime("%d %b") for w in weeks]
    bottom.bar(labels, [w.done for w in weeks], color="#3c9d5d", label="days done")
    bottom.axhline(
        data.days_per_week,
        color="#c0392b",
        linestyle="--",
        linewidth=1,
        label=f"plan: {data.days_per_week} days",
    )
    bottom.set_ylim(0, 9)
    bottom.set_ylabel("days")
    bottom.set_title("Sessions per week")
    bottom.tick_params(axis="x", labelrotation=45, labelsize=8)
    bottom.legend(loc="upper left", ncol=2, fontsize=8, frameon=False)
    fig.savefig(path, format=path.suffix.lower().lstrip("."), dpi=110)
    plt.close(fig)
    return path
