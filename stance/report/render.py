"""Write the report directory: one self-contained HTML file, its Markdown twin, figures, data.

Layout of ``out_dir``::

    report.html            figures embedded as base64 PNG, inline CSS, no script, no request
    report.md              the same sections; figures linked as figures/<name>.png
    figures/<name>.png|svg every chart (see stance.report.charts.FIGURES)
    data/sentences.csv     every SentenceRecord, contract field order, lists joined by "|"
    data/summary.json      Summary.to_dict() plus "meta", sorted keys, indent 2

The records stream through once (:class:`~stance.report.collect.ReportCollector`): each is
written to ``sentences.csv`` as it arrives and offered to bounded keepers for the evidence
tables, the strip chart and the appendix, which lists at most ``appendix`` sentences and says
so when the corpus has more. Given an :class:`~stance.aggregate.Aggregator` instead of a
finished summary, :func:`write_report` feeds it in the same pass.

Every piece of article text is escaped by Jinja2's autoescape (HTML) or by a ``finalize`` hook
that backslash-escapes Markdown (``report.md``); cue highlighting goes through
:mod:`stance.report.highlight`, which escapes before it marks. The HTML also carries a
Content-Security-Policy that forbids scripts and every request but ``data:`` images, so even a
mistake in escaping could not run code or reach the network.

Same records, summary and meta give byte-identical files: no timestamps, sorted output.
"""

from __future__ import annotations

import base64
import json
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from stance.aggregate import Aggregator, Estimate, Summary
from stance.frames import load_codebook, merge_codebook
from stance.profile import Profile
from stance.records import SentenceRecord
from stance.report.charts import DEFAULT_MAX_ARTICLES, FIGURES, chart_outlets, save_figures, voice_colors
from stance.report.collect import DEFAULT_APPENDIX, DEFAULT_EVIDENCE, ReportCollector
from stance.report.highlight import highlight_html, highlight_markdown, markdown_escape

__all__ = [
    "DEFAULT_APPENDIX",
    "DEFAULT_EVIDENCE",
    "ReportPaths",
    "anchor_id",
    "headline_findings",
    "report_context",
    "write_report",
]

#: A voice needs this many sentences to be named most favourable / most against.
MIN_SENTENCES_FOR_HEADLINE = 5
_SAFE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


@dataclass(frozen=True)
class ReportPaths:
    """Where :func:`write_report` put each file."""

    out_dir: Path
    html: Path
    markdown: Path
    figures: tuple[Path, ...]
    sentences_csv: Path
    summary_json: Path


def write_report(
    records: Iterable[SentenceRecord],
    summary: Summary | Aggregator,
    out_dir: str | Path,
    *,
    profile: Profile,
    meta: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
    evidence: int = DEFAULT_EVIDENCE,
    max_articles: int = DEFAULT_MAX_ARTICLES,
    appendix: int = DEFAULT_APPENDIX,
) -> ReportPaths:
    """Write the whole report for ``records`` into ``out_dir``, reading the records once.

    Parameters
    ----------
    records
        The sentence records, any iterable (a generator from the pipeline is fine). They are
        streamed: only bounded samples are kept (see :mod:`stance.report.collect`).
    summary
        :func:`stance.aggregate.summarize` of the same records, or an empty
        :class:`~stance.aggregate.Aggregator` to feed them to on the way (its result is the
        summary).
    out_dir
        Created if missing; files of the same names are overwritten.
    profile
        The event profile (target, actors and aliases for the method section).
    meta
        Run facts for the method section and ``summary.json``: ``stance_version``,
        ``lexicon_version``, ``combine_rule``, ``model`` (dict with ``name``), ``validation``
        (list of ``{name, value, note}``), ``skipped`` (list of ``{source, line, reason}``);
        any other scalar entries are listed as run settings. Must not contain timestamps if
        byte-identical reruns matter. May be a function returning them, called once every
        record has been read (so it can count inputs skipped while reading).
    evidence
        Strongest statements shown per voice.
    max_articles
        Panels of the per-article strip chart.
    appendix
        Sentences listed in the appendix (all of them are in ``data/sentences.csv``).

    Returns
    -------
    ReportPaths
    """
    out = Path(out_dir)
    (out / "data").mkdir(parents=True, exist_ok=True)
    aggregator = summary if isinstance(summary, Aggregator) else None
    csv_path = out / "data" / "sentences.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as stream:
        collected = ReportCollector(stream, evidence=evidence, max_articles=max_articles, appendix=appendix)
        for record in records:
            if aggregator is not None:
                aggregator.add(record)
            collected.add(record)
    if aggregator is not None:
        summary = aggregator.result()
    assert isinstance(summary, Summary)
    meta = meta() if callable(meta) else meta
    sample = collected.sample.records()
    figures = tuple(save_figures(summary, sample, out / "figures", max_articles=max_articles))
    json_path = _write_summary(summary, meta, out / "data" / "summary.json")
    context = _context(collected, summary, profile=profile, meta=meta)
    html = out / "report.html"
    html.write_text(_render("html", context, images=_png_images(out / "figures")), encoding="utf-8", newline="\n")
    markdown = out / "report.md"
    markdown.write_text(_render("md", context, images={}), encoding="utf-8", newline="\n")
    return ReportPaths(out, html, markdown, figures, csv_path, json_path)


def _write_summary(summary: Summary, meta: Mapping[str, Any], path: Path) -> Path:
    data = {**summary.to_dict(), "meta": dict(meta)}
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, default=str)
    path.write_text(text + "\n", encoding="utf-8", newline="\n")
    return path


# -- context: everything the templates show, computed once -----------------------------------
def report_context(
    records: Iterable[SentenceRecord],
    summary: Summary,
    *,
    profile: Profile,
    meta: Mapping[str, Any],
    evidence: int = DEFAULT_EVIDENCE,
    appendix: int = DEFAULT_APPENDIX,
) -> dict[str, Any]:
    """The data both templates render (plain values; formatting is done by template filters)."""
    collected = ReportCollector(evidence=evidence, appendix=appendix).update(records)
    return _context(collected, summary, profile=profile, meta=meta)


def _context(
    collected: ReportCollector, summary: Summary, *, profile: Profile, meta: Mapping[str, Any]
) -> dict[str, Any]:
    colors = voice_colors(summary)
    articles = collected.appendix.articles()
    divergence, divergence_note = _divergence_view(summary)
    return {
        "title": str(meta.get("title") or f"Voices and stance: {profile.target.label}"),
        "summary": summary,
        "profile": profile,
        "target": profile.target.label,
        "labels": summary.voice_labels,
        "colors": colors,
        "findings": headline_findings(summary, profile.target.label),
        "outlets": [_outlet_view(summary, o) for o in summary.outlets],
        "evidence": _evidence(collected, summary),
        "articles": articles,
        "appendix": _appendix_view(collected, articles),
        "figures": [{"name": n, "alt": alt} for n, alt in FIGURES.items()],
        "method": _method(summary, profile, meta),
        "divergence": divergence,
        "divergence_note": divergence_note,
    }


def headline_findings(summary: Summary, target: str) -> list[str]:
    """Plain-language sentences computed from the summary, for the overview."""
    if not summary.sentences:
        return ["No sentences were analysed: there is nothing to report."]
    found = [f"{summary.sentences:,} sentences from {summary.documents:,} articles in {len(summary.outlets)} outlets."]
    for outlet in summary.outlets:
        found.append(_dominant_voice(summary, outlet))
    found += _extreme_voices(summary, target)
    pair = _most_different_pair(summary)
    if pair:
        found.append(pair)
    return found


def _dominant_voice(summary: Summary, outlet) -> str:
    quoted = [c for c in outlet.cells if c.voice != "outlet"]
    head = f"{outlet.outlet}: its own narration is {_pct(outlet.narration_share)} of sentences"
    if not quoted:
        return head + "; it quotes no one."
    top = max(quoted, key=lambda c: (c.sentences, -summary.voice_order.index(c.voice)))
    return (
        f"{head}; the voice it carries most is {summary.voice_labels[top.voice]} "
        f"({_pct(top.sentence_share)} of sentences)."
    )


def _extreme_voices(summary: Summary, target: str) -> list[str]:
    """Most favourable and most against voices; small voices are named apart, never hidden."""
    scored = [v for v in summary.voices if v.voice != "outlet" and v.score.mean is not None]
    voices = [v for v in scored if v.sentences >= MIN_SENTENCES_FOR_HEADLINE]
    small = [v for v in scored if v.sentences < MIN_SENTENCES_FOR_HEADLINE]
    out = []
    if voices:
        best = max(voices, key=lambda v: v.score.mean)
        worst = min(voices, key=lambda v: v.score.mean)
        floor = f"among voices with at least {MIN_SENTENCES_FOR_HEADLINE} sentences"
        if best.score.mean > 0:
            out.append(
                f"Most favourable toward {target} ({floor}): {summary.voice_labels[best.voice]}, "
                f"mean score {_ci_text(best.score)}."
            )
        if worst.score.mean < 0:
            out.append(
                f"Most against {target} ({floor}): {summary.voice_labels[worst.voice]}, "
                f"mean score {_ci_text(worst.score)}."
            )
        elif worst.voice != best.voice:
            out.append(
                f"No voice {floor} leans against {target} on average; the least favourable "
                f"is {summary.voice_labels[worst.voice]}, mean score {_ci_text(worst.score)}."
            )
    if small:
        listed = "; ".join(
            f"{summary.voice_labels[v.voice]} {_ci_text(v.score)}" for v in sorted(small, key=lambda v: v.score.mean)
        )
        out.append(
            f"Voices heard in fewer than {MIN_SENTENCES_FOR_HEADLINE} sentences (too few to "
            f"rank with confidence): {listed}."
        )
    return out


def _most_different_pair(summary: Summary) -> str | None:
    div, best = summary.divergence, None
    for i, row in enumerate(div.voices):
        for j in range(i + 1, len(row)):
            if row[j] is not None and (best is None or row[j] > best[0]):
                best = (row[j], div.outlets[i], div.outlets[j])
    if best is None:
        return None
    return (
        f"The two outlets whose mix of voices differs most are {best[1]} and {best[2]} "
        f"(Jensen–Shannon divergence {best[0]:.2f}; 0 = same mix, 1 = no voice in common)."
    )


def _outlet_view(summary: Summary, outlet) -> dict[str, Any]:
    frames = sorted(
        ((f, s) for f, s in outlet.frame_shares.items() if s > 0),
        key=lambda fs: (-fs[1], summary.frame_order.index(fs[0])),
    )
    return {"o": outlet, "frames": frames}


def _evidence(collected: ReportCollector, summary: Summary) -> list[dict]:
    """Top ``k`` statements by |score| per voice, strongest first (ties: doc id, index)."""
    out = []
    for voice in summary.voice_order:
        chosen = collected.evidence.rows(voice)
        if chosen:
            out.append({"voice": voice, "rows": chosen})
    return out


def _appendix_view(collected: ReportCollector, articles: list[dict]) -> dict[str, Any]:
    """What the appendix lists: which rows exist (for links) and, if cut, what was left out."""
    shown = {(r.doc_id, r.index) for article in articles for r in article["rows"]}
    return {
        "shown": shown,
        "complete": collected.appendix.is_complete,
        "listed": len(shown),
        "total": collected.sentences,
    }


def _divergence_view(summary: Summary) -> tuple[list[dict], str]:
    """Pairs of outlets (the chart outlets when there are many) and a note if some were left out."""
    div = summary.divergence
    outlets, note = chart_outlets(summary)
    keep = {o.outlet for o in outlets}
    view = [
        {"a": div.outlets[i], "b": div.outlets[j], "voices": div.voices[i][j], "frames": div.frames[i][j]}
        for i in range(len(div.outlets))
        for j in range(i + 1, len(div.outlets))
        if div.outlets[i] in keep and div.outlets[j] in keep
    ]
    if note:
        note = f"Pairs among {note}; every pair is in data/summary.json."
    return view, note


def _method(summary: Summary, profile: Profile, meta: Mapping[str, Any]) -> dict[str, Any]:
    known = {"title", "profile", "validation", "skipped", "model"}
    settings = [(k, meta[k]) for k in sorted(meta) if k not in known and isinstance(meta[k], str | int | float | bool)]
    model = meta.get("model")
    codebook = {f.id: f for f in merge_codebook(load_codebook(), profile.frames)}
    return {
        "actors": [(a, len(a.aliases)) for a in profile.actors],
        "frames": [
            (summary.frame_labels[f], codebook[f].definition if f in codebook else "") for f in summary.frame_order
        ],
        "model": _model_lines(model),
        "settings": settings,
        "validation": [_validation_row(v) for v in meta.get("validation") or []],
        "skipped": [_skipped_row(s) for s in meta.get("skipped") or []],
        "bootstrap": summary.bootstrap,
        "seed": summary.seed,
        "reservoir": summary.reservoir,
        "confidence": round(summary.confidence * 100),
        "version": str(meta.get("stance_version") or ""),
    }


def _model_lines(model: Any) -> list[tuple[str, str]]:
    if not model:
        return [("model", "none (lexicon only)")]
    if not isinstance(model, Mapping):
        return [("model", str(model))]
    return [(str(k), _short(v)) for k, v in model.items() if isinstance(v, str | int | float | bool) or v is None]


def _validation_row(item: Any) -> dict[str, str]:
    if isinstance(item, Mapping):
        return {
            "name": str(item.get("name", "")),
            "value": _short(item.get("value", "")),
            "note": str(item.get("note") or ""),
        }
    return {"name": str(item), "value": "", "note": ""}


def _skipped_row(item: Any) -> dict[str, str]:
    if isinstance(item, Mapping):
        source = item.get("source") or item.get("path") or item.get("file") or ""
        line = item.get("line")
        return {
            "source": f"{source}:{line}" if line else str(source),
            "reason": str(item.get("reason") or item.get("message") or ""),
        }
    return {"source": str(item), "reason": ""}


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value == value else "n/a"
    return str(value)


# -- formatting filters (numbers only: their output is safe in both formats) -------------------
def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _num(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:+.{digits}f}".replace("-", "\N{MINUS SIGN}")


def _ci_text(est: Estimate) -> str:
    if est.mean is None:
        return "—"
    if est.low is None:
        return f"{_num(est.mean)} (n = {est.n:,}, no interval)"
    return f"{_num(est.mean)} [{_num(est.low)}, {_num(est.high)}] (n = {est.n:,})"


def _interval(est: Estimate) -> str:
    """Mean and interval without n (for tables that show n in their own column)."""
    if est.mean is None:
        return "—"
    interval = f" [{_num(est.low)}, {_num(est.high)}]" if est.low is not None else ""
    return _num(est.mean) + interval


def _ci_cell(est: Estimate) -> str:
    """HTML table cell form of :func:`_ci_text`: the interval, then n on its own line."""
    if est.mean is None:
        return "—"
    interval = f" [{_num(est.low)}, {_num(est.high)}]" if est.low is not None else ""
    return f'{_num(est.mean)}{interval}<br><span class="muted small">n = {est.n:,}</span>'


def anchor_id(doc_id: str, index: int) -> str:
    """The HTML id of a sentence row: ``s-<doc_id>-<index>``.

    Doc ids with characters unsafe in an id or a URL fragment are slugged and given a CRC of
    the original, so two ids never collide by slugging.
    """
    if _SAFE_ID.match(doc_id):
        return f"s-{doc_id}-{index}"
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", doc_id).strip("_") or "doc"
    return f"s-{slug}~{zlib.crc32(doc_id.encode('utf-8')):08x}-{index}"


def _safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (``javascript:``…) stays text."""
    return url if url and re.match(r"^https?://[^\s\"'<>]+$", url, re.IGNORECASE) else None


def _filters(markdown: bool) -> dict[str, Any]:
    def safe(fn):
        return lambda *args: Markup(fn(*args))

    return {
        "pct": safe(_pct),
        "num": safe(_num),
        "ci": safe(_ci_text),
        "ci_cell": safe(_ci_cell),
        "interval": safe(_interval),
        "pct0": safe(lambda v: f"{v * 100:.0f}%"),
        "thousands": safe(lambda n: f"{n:,}"),
        "jsd": safe(lambda v: "—" if v is None else f"{v:.3f}"),
        "balance": safe(lambda v: "—" if v is None else f"{v:.2f}"),
        "anchor": safe(anchor_id),
        "safe_url": _safe_url,
        "mark": highlight_markdown if markdown else highlight_html,
    }


# -- rendering -------------------------------------------------------------------------------
def _markdown_finalize(value: Any) -> Any:
    """Every ``{{ … }}`` in the Markdown template is escaped unless already Markup."""
    if isinstance(value, Markup):
        return str(value)
    return markdown_escape("" if value is None else str(value))


@cache
def _environment(kind: str) -> Environment:
    options: dict[str, Any] = {
        "loader": PackageLoader("stance.report", "templates"),
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        env = Environment(autoescape=True, **options)
    else:
        env = Environment(autoescape=False, finalize=_markdown_finalize, **options)
    env.filters.update(_filters(markdown=kind == "md"))
    return env


def _render(kind: str, context: Mapping[str, Any], images: Mapping[str, Mapping]) -> str:
    template = _environment(kind).get_template(f"report.{kind}.j2")
    return template.render(**context, images=images)


def _png_images(folder: Path) -> dict[str, dict[str, Any]]:
    """Each figure's PNG as a data URI with its pixel size (for width/height attributes)."""
    images = {}
    for name in FIGURES:
        data = (folder / f"{name}.png").read_bytes()
        width, height = struct.unpack(">II", data[16:24])  # IHDR, right after the signature
        uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
        images[name] = {"uri": Markup(uri), "width": width, "height": height}
    return images
