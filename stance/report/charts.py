"""Charts of a :class:`~stance.aggregate.Summary`: who is heard, how they lean, which frames.

Each chart function returns a :class:`matplotlib.figure.Figure` built directly (no ``pyplot``:
no global figure registry, no backend switch, nothing left open) inside
:func:`matplotlib.rc_context`, so the report's style never leaks into the caller's plots.
Colours are the Okabe–Ito palette, safe for the common colour-vision deficiencies; every voice
keeps one colour in every chart (:func:`voice_colors`), the outlet's own narration is always
grey. Stance uses the diverging ``PuOr`` map centred on 0: orange leans against, purple favours.

:func:`save_figures` writes every chart as PNG (150 dpi) and SVG with fixed metadata and a fixed
SVG hash salt, so the same summary gives byte-identical files.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from matplotlib import colormaps, rc_context
from matplotlib.colors import TwoSlopeNorm, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from stance.aggregate import Summary
from stance.records import SentenceRecord

__all__ = [
    "FIGURES",
    "OKABE_ITO",
    "article_strips_chart",
    "frame_mix_chart",
    "make_figures",
    "save_figures",
    "select_articles",
    "share_of_voice_chart",
    "stance_heatmap",
    "stance_intervals_chart",
    "voice_colors",
]

#: Okabe & Ito (2008), "Color Universal Design", in the order actors receive them.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")
#: Fixed colours of the two voices every profile has.
FIXED_COLORS = {"outlet": "#A0A0A0", "other": "#000000"}
#: Marker per outlet in the interval chart (colour already means voice there).
OUTLET_MARKERS = ("o", "s", "^", "v", "P", "X", "*", "h", "<", ">")
#: Articles shown in the per-article strip chart unless told otherwise.
DEFAULT_MAX_ARTICLES = 12
#: Stance colour map (diverging, colour-blind safe) and the colour of empty cells.
STANCE_CMAP = "PuOr"
PNG_DPI = 150
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "figure.facecolor": "white",
    "figure.titlesize": 13,
    "figure.titleweight": "bold",
    "legend.frameon": False,
    "svg.hashsalt": "stance-report",
    "svg.fonttype": "path",
    "savefig.dpi": PNG_DPI,
}


@contextmanager
def _style():
    """The report's matplotlib settings, restored on exit."""
    with rc_context(_STYLE):
        yield


def voice_colors(summary: Summary) -> dict[str, str]:
    """One colour per voice of ``summary.voice_order``: grey narration, black "other", actors
    in Okabe–Ito order (cycled past seven, which no sensible profile needs)."""
    colors: dict[str, str] = {}
    actors = [v for v in summary.voice_order if v not in FIXED_COLORS]
    for i, voice in enumerate(actors):
        colors[voice] = OKABE_ITO[i % len(OKABE_ITO)]
    return {v: FIXED_COLORS.get(v) or colors[v] for v in summary.voice_order}


def _ink(color: str) -> str:
    """Black or white, whichever reads better on ``color`` (relative luminance)."""
    r, g, b = to_rgb(color)
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 else "white"


def _empty(title: str, message: str = "No sentences to chart.") -> Figure:
    fig = Figure(figsize=(9, 2.2), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.45, message, ha="center", va="center", color="#555555", transform=ax.transAxes)
    return fig


def _outlet_tick(summary: Summary, outlet: str) -> str:
    return f"{outlet}\n(n = {summary.outlet(outlet).sentences:,})"


# -- (1) share of voice -----------------------------------------------------------------------
def share_of_voice_chart(summary: Summary) -> Figure:
    """Horizontal stacked bars: each outlet's sentences split by voice (percent).

    Why by sentences: it is the unit every stage codes; word shares are in the tables.
    """
    title = "Share of voice by outlet (% of each outlet's sentences)"
    with _style():
        if not summary.outlets:
            return _empty(title)
        colors = voice_colors(summary)
        outlets = [o.outlet for o in summary.outlets][::-1]  # first outlet on top
        fig = Figure(figsize=(9, 1.6 + 0.55 * len(outlets)), layout="constrained")
        ax = fig.add_subplot()
        left = np.zeros(len(outlets))
        for voice in summary.voice_order:
            shares = np.array([_share(summary, o, voice) for o in outlets]) * 100
            if not shares.any():
                continue
            bars = ax.barh(
                outlets,
                shares,
                left=left,
                color=colors[voice],
                height=0.62,
                label=summary.voice_labels[voice],
                edgecolor="white",
                linewidth=0.6,
            )
            labels = [f"{s:.0f}%" if s >= 6 else "" for s in shares]
            ax.bar_label(bars, labels=labels, label_type="center", fontsize=8.5, color=_ink(colors[voice]))
            left += shares
        ax.set_xlim(0, 100)
        ax.set_xlabel("Share of the outlet's sentences (%)")
        ax.set_yticks(range(len(outlets)), [_outlet_tick(summary, o) for o in outlets])
        ax.set_title(title)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        fig.legend(loc="outside lower center", ncols=min(4, len(summary.voice_order)), fontsize=9)
        return fig


def _share(summary: Summary, outlet: str, voice: str) -> float:
    cell = summary.outlet(outlet).cell(voice)
    return cell.sentence_share if cell else 0.0


# -- (2) stance heatmap ----------------------------------------------------------------------
def stance_heatmap(summary: Summary) -> Figure:
    """Outlet × voice grid of mean stance score, with the sentence count in each cell.

    Blank cells: the outlet never carries that voice (no score to average).
    """
    title = "Mean stance score by outlet and voice"
    with _style():
        if not summary.outlets:
            return _empty(title)
        outlets = [o.outlet for o in summary.outlets]
        voices = list(summary.voice_order)
        means = np.full((len(outlets), len(voices)), np.nan)
        counts = np.zeros_like(means, dtype=int)
        for i, outlet in enumerate(outlets):
            for j, voice in enumerate(voices):
                cell = summary.outlet(outlet).cell(voice)
                if cell is not None:
                    means[i, j], counts[i, j] = cell.score.mean, cell.sentences
        limit = _stance_limit(means)
        fig = Figure(figsize=(1.9 + 1.35 * len(voices), 1.7 + 0.62 * len(outlets)), layout="constrained")
        ax = fig.add_subplot()
        cmap = colormaps[STANCE_CMAP].with_extremes(bad="white")
        norm = TwoSlopeNorm(vcenter=0.0, vmin=-limit, vmax=limit)
        image = ax.imshow(np.ma.masked_invalid(means), cmap=cmap, norm=norm, aspect="auto")
        _annotate_heatmap(ax, means, counts, cmap, norm)
        ax.set_xticks(range(len(voices)), [_wrap(summary.voice_labels[v]) for v in voices])
        ax.set_yticks(range(len(outlets)), outlets)
        ax.set_xticks(np.arange(-0.5, len(voices)), minor=True)
        ax.set_yticks(np.arange(-0.5, len(outlets)), minor=True)
        ax.grid(which="minor", color="#DDDDDD", linewidth=1)
        ax.tick_params(which="both", length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xlabel("Voice")
        ax.set_title(title)
        bar = fig.colorbar(image, ax=ax, shrink=0.9, pad=0.02)
        bar.set_label("Mean score (−1 against … +1 favor)")
        return fig


def _stance_limit(means: np.ndarray) -> float:
    """Colour range: symmetric, at least ±0.25 so small means are not blown up to full colour."""
    finite = np.abs(means[np.isfinite(means)])
    top = float(finite.max()) if finite.size else 0.0
    return min(1.0, max(0.25, math.ceil(top * 4) / 4))


def _annotate_heatmap(ax, means, counts, cmap, norm) -> None:
    for (i, j), mean in np.ndenumerate(means):
        if not np.isfinite(mean):
            continue
        r, g, b, _ = cmap(norm(mean))
        ink = "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 else "white"
        ax.text(j, i, f"{_signed(mean)}\nn = {counts[i, j]:,}", ha="center", va="center", fontsize=9, color=ink)


def _signed(value: float) -> str:
    """``+0.12`` / ``−0.40`` with a true minus sign, as matplotlib's axes write it."""
    return f"{value:+.2f}".replace("-", "\N{MINUS SIGN}")


def _wrap(label: str, width: int = 14) -> str:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line]) if line else label


# -- (3) mean stance with intervals -------------------------------------------------------------
def stance_intervals_chart(summary: Summary) -> Figure:
    """Mean score per voice, pooled and per outlet, with 95 % bootstrap intervals."""
    pct = round(summary.confidence * 100)
    title = f"Mean stance by voice, with {pct}% bootstrap intervals"
    with _style():
        rows = _interval_rows(summary)
        if not rows:
            return _empty(title)
        colors = voice_colors(summary)
        height = rows[-1][0] + 1
        fig = Figure(figsize=(9, 1.5 + 0.24 * height), layout="constrained")
        ax = fig.add_subplot()
        ax.axvline(0, color="#444444", linewidth=1, zorder=1)
        for y, voice, estimate, marker, _ in rows:
            _interval_point(ax, y, estimate, colors[voice], marker, 8 if marker == "D" else 6)
        ax.set_yticks([r[0] for r in rows], [r[4] for r in rows])
        for tick, (_, _, _, marker, _) in zip(ax.get_yticklabels(), rows, strict=True):
            if marker == "D":
                tick.set_fontweight("bold")
            else:
                tick.set_color("#555555")
                tick.set_fontsize(9)
        ax.set_ylim(height - 0.4, -0.6)  # first voice on top
        ax.set_xlim(-1.15, 1.15)
        ax.set_xlabel("Mean stance score (−1 against … 0 neutral … +1 favor)")
        ax.set_title(title)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color="#EEEEEE")
        outlets = [o.outlet for o in summary.outlets]
        fig.legend(
            handles=_outlet_handles(outlets), loc="outside lower center", ncols=min(4, 1 + len(outlets)), fontsize=9
        )
        return fig


def _interval_rows(summary: Summary) -> list[tuple[float, str, object, str, str]]:
    """``(y, voice, estimate, marker, label)`` per row: each voice pooled, then its outlets."""
    rows: list[tuple[float, str, object, str, str]] = []
    y = 0.0
    for total in summary.voices:
        label = summary.voice_labels[total.voice]
        rows.append((y, total.voice, total.score, "D", f"{label} — all outlets"))
        for k, outlet in enumerate(summary.outlets):
            cell = outlet.cell(total.voice)
            if cell is not None:
                y += 1
                marker = OUTLET_MARKERS[k % len(OUTLET_MARKERS)]
                rows.append((y, total.voice, cell.score, marker, outlet.outlet))
        y += 2  # a blank row between voices
    return rows


def _interval_point(ax, y: float, estimate, color: str, marker: str, size: float) -> None:
    if estimate.mean is None:
        return
    if estimate.low is not None:
        ax.errorbar(
            estimate.mean,
            y,
            xerr=[[estimate.mean - estimate.low], [estimate.high - estimate.mean]],
            fmt="none",
            ecolor=color,
            elinewidth=1.6,
            capsize=3,
            zorder=2,
        )
    ax.plot(
        estimate.mean,
        y,
        marker=marker,
        markersize=size,
        color=color,
        markeredgecolor="black",
        markeredgewidth=0.7,
        linestyle="none",
        zorder=3,
    )
    right = estimate.high if estimate.high is not None else estimate.mean
    ax.text(min(right, 1.0) + 0.03, y, f"n = {estimate.n:,}", va="center", fontsize=7.5, color="#555555")


def _outlet_handles(outlets: Sequence[str]) -> list[Line2D]:
    def handle(marker: str, label: str, size: float) -> Line2D:
        return Line2D(
            [],
            [],
            marker=marker,
            color="#777777",
            markeredgecolor="black",
            linestyle="none",
            markersize=size,
            label=label,
        )

    pooled = handle("D", "All outlets (pooled)", 7)
    return [pooled] + [handle(OUTLET_MARKERS[k % len(OUTLET_MARKERS)], o, 6) for k, o in enumerate(outlets)]


# -- (4) frame mix ---------------------------------------------------------------------------
def frame_mix_chart(summary: Summary) -> Figure:
    """Grouped bars: the share of each outlet's sentences that carry each frame.

    A sentence may carry several frames or none, so an outlet's bars need not add up to 100 %.
    Outlets get shades of the colour-blind-safe ``cividis`` map: colour means voice elsewhere.
    """
    title = "Frame mix by outlet (% of each outlet's sentences carrying the frame)"
    with _style():
        if not summary.outlets or not summary.frame_order:
            return _empty(title, "No sentences or no frames to chart.")
        frames = list(summary.frame_order)
        outlets = summary.outlets
        n = len(outlets)
        height = 0.8 / n
        fig = Figure(figsize=(9, 1.6 + len(frames) * (0.2 + 0.16 * n)), layout="constrained")
        ax = fig.add_subplot()
        shades = colormaps["cividis"](np.linspace(0.15, 0.85, n)) if n > 1 else ["#0072B2"]
        for k, outlet in enumerate(outlets):
            ys = np.arange(len(frames)) - 0.4 + height * (k + 0.5)
            values = [outlet.frame_shares[f] * 100 for f in frames]
            bars = ax.barh(ys, values, height=height * 0.92, color=shades[k], label=outlet.outlet)
            ax.bar_label(
                bars, labels=[f"{v:.0f}%" if v > 0 else "" for v in values], padding=2, fontsize=7.5, color="#333333"
            )
        ax.set_yticks(range(len(frames)), [summary.frame_labels[f] for f in frames])
        ax.invert_yaxis()
        top = max((o.frame_shares[f] for o in outlets for f in frames), default=0.0) * 100
        ax.set_xlim(0, max(10.0, top * 1.15))
        ax.set_xlabel("Sentences carrying the frame (% of the outlet's sentences)")
        ax.set_title(title)
        ax.tick_params(axis="y", length=0)
        fig.legend(loc="outside lower center", ncols=min(4, n), fontsize=9)
        return fig


# -- (5) per-article strips --------------------------------------------------------------------
def select_articles(
    records: Iterable[SentenceRecord], max_articles: int = DEFAULT_MAX_ARTICLES
) -> tuple[list[str], int]:
    """Which articles the strip chart shows, and how many there are.

    Deterministic and fair to outlets: articles are sorted by id within each outlet and taken
    round-robin across outlets (sorted by name) until ``max_articles`` are chosen, so every outlet
    appears when there is room. Returns ``(doc_ids in display order, total articles)``.
    """
    by_outlet: dict[str, set[str]] = {}
    for record in records:
        by_outlet.setdefault(record.outlet, set()).add(record.doc_id)
    queues = [sorted(by_outlet[o]) for o in sorted(by_outlet)]
    total = sum(len(q) for q in queues)
    chosen: list[str] = []
    depth = 0
    while len(chosen) < min(max_articles, total):
        for queue in queues:
            if depth < len(queue) and len(chosen) < max_articles:
                chosen.append(queue[depth])
        depth += 1
    return chosen, total


def article_strips_chart(
    summary: Summary,
    records: Sequence[SentenceRecord],
    *,
    max_articles: int = DEFAULT_MAX_ARTICLES,
) -> Figure:
    """One panel per article: sentences in reading order, placed by score, coloured by voice.

    Shows how an article moves between voices and leanings; limited to ``max_articles``
    panels (see :func:`select_articles`), as the figure title says.
    """
    with _style():
        chosen, total = select_articles(records, max_articles)
        if not chosen:
            return _empty("Sentences in reading order")
        docs: dict[str, list[SentenceRecord]] = {d: [] for d in chosen}
        for record in records:
            if record.doc_id in docs:
                docs[record.doc_id].append(record)
        ncols = min(3, len(chosen))
        nrows = math.ceil(len(chosen) / ncols)
        fig = Figure(figsize=(3.4 * ncols + 0.6, 2.3 * nrows + 1.3), layout="constrained")
        axes = fig.subplots(nrows, ncols, squeeze=False, sharey=True)
        colors = voice_colors(summary)
        for ax, doc_id in zip(axes.flat, chosen, strict=False):
            _strip_panel(ax, sorted(docs[doc_id], key=lambda r: r.index), colors)
        for ax in list(axes.flat)[len(chosen) :]:
            ax.set_axis_off()
        for ax in axes[:, 0]:
            ax.set_ylabel("Stance score")
        for col in range(ncols):  # x label under the lowest panel of each column
            lowest = max(r for r in range(nrows) if r * ncols + col < len(chosen))
            axes[lowest, col].set_xlabel("Sentence number (reading order)")
        shown = (
            f"all {total} articles"
            if len(chosen) == total
            else (f"{len(chosen)} of {total} articles (taken in turn from each outlet, by id)")
        )
        fig.suptitle(f"Sentences in reading order, by stance score and voice\n{shown}", x=0.01, ha="left")
        heard = {r.voice for doc in docs.values() for r in doc}
        used = [v for v in summary.voice_order if v in heard]
        handles = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                color=colors[v],
                markeredgecolor="black",
                markeredgewidth=0.4,
                label=summary.voice_labels[v],
            )
            for v in used
        ]
        fig.legend(handles=handles, loc="outside lower center", ncols=min(6, len(handles)), fontsize=9)
        return fig


def _strip_panel(ax, records: Sequence[SentenceRecord], colors: dict[str, str]) -> None:
    first = records[0]
    ax.axhline(0, color="#888888", linewidth=0.8, zorder=1)
    xs = [r.index for r in records]
    ax.plot(xs, [r.score for r in records], color="#DDDDDD", linewidth=0.8, zorder=1)
    ax.scatter(
        xs,
        [r.score for r in records],
        c=[colors.get(r.voice, "#000000") for r in records],
        s=26,
        edgecolors="black",
        linewidths=0.4,
        zorder=2,
    )
    ax.set_ylim(-1.1, 1.1)
    ax.set_yticks([-1, 0, 1], ["−1", "0", "+1"])
    ax.set_xlim(-1, max(xs) + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", color="#F0F0F0")
    name = first.title or first.doc_id
    name = name if len(name) <= 42 else name[:41] + "…"
    ax.set_title(f"{first.outlet}\n{name}", fontsize=8.5, fontweight="normal")


# -- all of them -------------------------------------------------------------------------------
#: Report figures by file name, in report order, with their alt text.
FIGURES: dict[str, str] = {
    "share_of_voice": "Share of voice by outlet: stacked bars of each outlet's sentences by voice",
    "stance_heatmap": "Heatmap of mean stance score for each outlet and voice, with counts",
    "stance_by_voice": "Mean stance by voice and outlet with 95% bootstrap intervals",
    "frame_mix": "Share of each outlet's sentences carrying each frame",
    "article_strips": "Per-article strips: sentences in reading order placed by stance score",
}


def make_figures(
    summary: Summary,
    records: Sequence[SentenceRecord],
    *,
    max_articles: int = DEFAULT_MAX_ARTICLES,
) -> dict[str, Figure]:
    """Every report chart, keyed by the names of :data:`FIGURES`."""
    builders: dict[str, Callable[[], Figure]] = {
        "share_of_voice": lambda: share_of_voice_chart(summary),
        "stance_heatmap": lambda: stance_heatmap(summary),
        "stance_by_voice": lambda: stance_intervals_chart(summary),
        "frame_mix": lambda: frame_mix_chart(summary),
        "article_strips": lambda: article_strips_chart(summary, records, max_articles=max_articles),
    }
    return {name: builders[name]() for name in FIGURES}


def save_figures(
    summary: Summary,
    records: Sequence[SentenceRecord],
    out_dir: str | Path,
    *,
    max_articles: int = DEFAULT_MAX_ARTICLES,
) -> list[Path]:
    """Write every chart to ``out_dir`` as ``<name>.png`` (150 dpi) and ``<name>.svg``.

    Output is reproducible: no dates in the metadata and a fixed SVG id salt.

    Returns
    -------
    list of Path
        The files written, PNG then SVG for each chart, in :data:`FIGURES` order.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with _style():
        for name, fig in make_figures(summary, records, max_articles=max_articles).items():
            png, svg = out / f"{name}.png", out / f"{name}.svg"
            fig.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None})
            fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
            written += [png, svg]
    return written
