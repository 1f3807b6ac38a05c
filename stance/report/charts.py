"""Charts of a :class:`~stance.aggregate.Summary`: who is heard, how they lean, which frames.

Each chart function returns a :class:`matplotlib.figure.Figure` built directly (no ``pyplot``:
no global figure registry, no backend switch, nothing left open) inside
:func:`matplotlib.rc_context`, so the report's style never leaks into the caller's plots.
Colours are the Okabe–Ito palette, safe for the common colour-vision deficiencies; every voice
keeps one colour in every chart (:func:`voice_colors`), the outlet's own narration is always
grey. Stance uses the diverging ``PuOr`` map centred on 0: orange leans against, purple favours.

:func:`save_figures` writes every chart as PNG (150 dpi) and SVG with fixed metadata and a fixed
SVG hash salt, so the same summary gives byte-identical files.

Readable at any corpus size: charts with one row or bar per outlet show at most
:data:`MAX_CHART_OUTLETS` outlets (the largest by sentence count, saying so in the title), and
the per-article strips show at most ``max_articles`` articles chosen by a fixed rule
(:class:`ArticleSample`), whose records are the only ones a streaming report keeps.
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

from stance.aggregate import OutletSummary, Summary
from stance.records import SentenceRecord

__all__ = [
    "FIGURES",
    "MAX_CHART_OUTLETS",
    "OKABE_ITO",
    "ArticleSample",
    "article_strips_chart",
    "chart_outlets",
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
OUTLET_MARKERS = ("o", "s", "^", "v", "P", "X", "*", "h", "<", ">", "d", "p")
#: Outlets shown in the charts with one row or bar per outlet (the largest by sentences).
MAX_CHART_OUTLETS = 12
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


def chart_outlets(summary: Summary, limit: int = MAX_CHART_OUTLETS) -> tuple[list[OutletSummary], str]:
    """The outlets a per-outlet chart shows, in name order, and the note its title gets.

    Every outlet when there are at most ``limit``; otherwise the ``limit`` outlets with the most
    sentences (ties broken by name) and a note saying so. The tables and ``summary.json`` keep
    every outlet.
    """
    outlets = list(summary.outlets)
    if len(outlets) <= limit:
        return outlets, ""
    largest = {o.outlet for o in sorted(outlets, key=lambda o: (-o.sentences, o.outlet))[:limit]}
    note = f"the {limit} largest of {len(outlets):,} outlets by sentence count"
    return [o for o in outlets if o.outlet in largest], note


def _titled(title: str, note: str) -> str:
    return f"{title}\n({note})" if note else title


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
        shown, note = chart_outlets(summary)
        outlets = [o.outlet for o in shown][::-1]  # first outlet on top
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
        ax.set_title(_titled(title, note))
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
        shown, note = chart_outlets(summary)
        outlets = [o.outlet for o in shown]
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
        ax.set_title(_titled(title, note))
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
        shown, note = chart_outlets(summary)
        rows = _interval_rows(summary, shown)
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
        ax.set_title(_titled(title, note))
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color="#EEEEEE")
        outlets = [o.outlet for o in shown]
        fig.legend(
            handles=_outlet_handles(outlets), loc="outside lower center", ncols=min(4, 1 + len(outlets)), fontsize=9
        )
        return fig


def _interval_rows(summary: Summary, outlets: Sequence[OutletSummary]) -> list[tuple[float, str, object, str, str]]:
    """``(y, voice, estimate, marker, label)`` per row: each voice pooled, then its outlets."""
    rows: list[tuple[float, str, object, str, str]] = []
    y = 0.0
    for total in summary.voices:
        label = summary.voice_labels[total.voice]
        rows.append((y, total.voice, total.score, "D", f"{label} — all outlets"))
        for k, outlet in enumerate(outlets):
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
        outlets, note = chart_outlets(summary)
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
        ax.set_title(_titled(title, note))
        ax.tick_params(axis="y", length=0)
        fig.legend(loc="outside lower center", ncols=min(4, n), fontsize=9)
        return fig


# -- (5) per-article strips --------------------------------------------------------------------
class ArticleSample:
    """The articles the strip chart shows, kept while records stream past, in bounded memory.

    The rule (stated in the chart's title): outlets in name order take turns, each giving its
    articles in id order, until ``max_articles`` are chosen, so every outlet appears when there
    is room. Only the ``max_articles`` first outlet names can take a turn, and each gives at
    most ``max_articles`` articles, so those are all that is kept (their records, at most
    ``max_articles²`` articles), whatever the corpus size and order of arrival.

    Examples
    --------
    >>> sample = ArticleSample(max_articles=12)
    >>> for record in records:  # doctest: +SKIP
    ...     sample.add(record)
    >>> sample.chosen()  # doctest: +SKIP
    ['global-0', 'inquirer-0', 'korea-0', 'global-1', ...]
    """

    def __init__(self, max_articles: int = DEFAULT_MAX_ARTICLES) -> None:
        self.max_articles = max_articles
        self._outlets: dict[str, dict[str, list[SentenceRecord]]] = {}
        self._last_outlet: str | None = None  # the largest kept name, once the outlets are full
        self._last_doc: dict[str, str] = {}  # per outlet, the largest kept id once it is full

    def add(self, record: SentenceRecord) -> None:
        """Keep ``record`` if its article may be shown."""
        docs = self._outlets.get(record.outlet)
        if docs is None:
            docs = self._admit_outlet(record.outlet)
            if docs is None:
                return
        rows = docs.get(record.doc_id)
        if rows is None:
            rows = self._admit_doc(record.outlet, docs, record.doc_id)
            if rows is None:
                return
        rows.append(record)

    def _admit_outlet(self, outlet: str) -> dict[str, list[SentenceRecord]] | None:
        if len(self._outlets) >= self.max_articles:
            if self._last_outlet is None or outlet > self._last_outlet:
                return None  # it comes after every kept outlet: it never gets a turn
            del self._outlets[self._last_outlet]
            self._last_doc.pop(self._last_outlet, None)
        docs = self._outlets[outlet] = {}
        if len(self._outlets) >= self.max_articles:
            self._last_outlet = max(self._outlets)
        return docs

    def _admit_doc(self, outlet: str, docs: dict, doc_id: str) -> list[SentenceRecord] | None:
        if len(docs) >= self.max_articles:
            last = self._last_doc[outlet]
            if doc_id > last:
                return None
            del docs[last]
        rows = docs[doc_id] = []
        if len(docs) >= self.max_articles:
            self._last_doc[outlet] = max(docs)
        return rows

    def chosen(self) -> list[str]:
        """Ids of the articles to show, in display order."""
        queues = [sorted(self._outlets[o]) for o in sorted(self._outlets)]
        total = sum(len(q) for q in queues)
        chosen: list[str] = []
        depth = 0
        while len(chosen) < min(self.max_articles, total):
            for queue in queues:
                if depth < len(queue) and len(chosen) < self.max_articles:
                    chosen.append(queue[depth])
            depth += 1
        return chosen

    def records(self) -> list[SentenceRecord]:
        """The records of the chosen articles (what :func:`article_strips_chart` needs)."""
        by_id = {doc_id: rows for docs in self._outlets.values() for doc_id, rows in docs.items()}
        return [record for doc_id in self.chosen() for record in by_id[doc_id]]


def select_articles(
    records: Iterable[SentenceRecord], max_articles: int = DEFAULT_MAX_ARTICLES
) -> tuple[list[str], int]:
    """Which articles the strip chart shows, and how many there are.

    Deterministic and fair to outlets: articles are sorted by id within each outlet and taken
    round-robin across outlets (sorted by name) until ``max_articles`` are chosen, so every outlet
    appears when there is room (see :class:`ArticleSample`). Returns ``(doc_ids in display
    order, total articles)``.
    """
    sample = ArticleSample(max_articles)
    seen: set[tuple[str, str]] = set()
    for record in records:
        sample.add(record)
        seen.add((record.outlet, record.doc_id))
    return sample.chosen(), len(seen)


def article_strips_chart(
    summary: Summary,
    records: Sequence[SentenceRecord],
    *,
    max_articles: int = DEFAULT_MAX_ARTICLES,
) -> Figure:
    """One panel per article: sentences in reading order, placed by score, coloured by voice.

    Shows how an article moves between voices and leanings; limited to ``max_articles``
    panels (see :class:`ArticleSample`), as the figure title says. ``records`` need only hold
    the shown articles (:meth:`ArticleSample.records`); the article count comes from
    ``summary``.
    """
    with _style():
        chosen, seen = select_articles(records, max_articles)
        total = max(summary.documents, seen)
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
            f"all {total:,} articles"
            if len(chosen) == total
            else f"{len(chosen)} of {total:,} articles: outlets take turns in name order, each giving its next by id"
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
    """Every report chart, keyed by the names of :data:`FIGURES`.

    ``records`` are only used by the strip chart and need only cover the articles it shows
    (:meth:`ArticleSample.records`); everything else comes from ``summary``.
    """
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
