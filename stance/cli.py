"""The ``stance`` command line: a thin click layer over the library.

Each command parses options, calls library functions and formats their output; no analysis
happens here. Errors in the user's input become one line on stderr naming the file (and line)
with exit code 2; anything unexpected becomes one line with exit code 1 (set ``STANCE_DEBUG=1``
to see the traceback); Ctrl-C exits with 130.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from stance import __version__
from stance.errors import InputError, StanceError

DEFAULT_PROFILE = "korea-nato"


class InputFailure(click.ClickException):
    """Bad input: exit code 2, like a usage error, with the file and line in the message."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"error: {self.message}", err=True)


def handle_errors(func: Callable) -> Callable:
    """Turn library errors into one-line messages with the documented exit codes."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            raise InputFailure(str(exc)) from None
        except StanceError as exc:  # not the input's fault (a worker died): exit 1, one line
            raise click.ClickException(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            raise SystemExit(1) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks
            if os.environ.get("STANCE_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {type(exc).__name__}: {exc} (set STANCE_DEBUG=1 for details)"
            ) from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stance")
def cli() -> None:
    """Whose voice does each outlet carry about an event, and how does each voice lean?

    \b
    Example:
      stance report seeds -o reports/seeds     # the whole report for the seed corpus
      stance analyze seeds --format table      # one row per sentence
    """


def main() -> None:
    """Console-script entry point; Ctrl-C ends with exit code 130 and no traceback."""
    try:
        cli.main(prog_name="stance", standalone_mode=False)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    sys.exit(0)


# -- shared options ----------------------------------------------------------------------
def profile_option(func: Callable) -> Callable:
    return click.option(
        "--profile",
        "-p",
        default=DEFAULT_PROFILE,
        show_default=True,
        help="Bundled profile name or path to a profile TOML file.",
    )(func)


def model_options(func: Callable) -> Callable:
    func = click.option(
        "--rule",
        type=click.Choice(["blend", "lexicon", "classifier"]),
        default="classifier",
        show_default=True,
        help="How lexicon and classifier combine into the stance (see docs/method.md).",
    )(func)
    return click.option(
        "--model",
        "model_path",
        default="default",
        show_default=True,
        help="Model file from `stance train`, 'default' (shipped model) or 'none' (lexicon only).",
    )(func)


def paths_argument(func: Callable) -> Callable:
    return click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))(func)


def input_options(func: Callable) -> Callable:
    """Options for reading inputs, shared by analyze and report."""
    func = click.option(
        "--skip-bad",
        is_flag=True,
        help="Skip bad inputs (listed with reasons in skipped.jsonl) instead of stopping.",
    )(func)
    func = click.option(
        "--max-bytes",
        default=50_000_000,
        show_default=True,
        type=click.IntRange(1),
        help="Largest single article accepted.",
    )(func)
    func = click.option(
        "--encoding",
        default="utf-8",
        show_default=True,
        help="Input encoding: a codec name, or 'auto' to detect (noted per article).",
    )(func)
    return click.option("--no-clean", is_flag=True, help="Keep the text as given (no boilerplate removal).")(func)


def engine_options(func: Callable) -> Callable:
    """Options for how the pipeline runs: processes, Dask, progress display."""
    func = click.option("--quiet", "-q", is_flag=True, help="No progress display.")(func)
    func = click.option("--scheduler", default=None, help="Dask scheduler address (with --engine dask).")(func)
    func = click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local: this machine (with --jobs); dask: a dask.distributed cluster (pip install 'stance[dask]').",
    )(func)
    return jobs_option("Processes: this one and N-1 workers; output is identical to --jobs 1.")(func)


def jobs_option(help_text: str) -> Callable:
    """``--jobs/-j N`` (N >= 1, default 1) with the command's own help."""
    return click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1), help=help_text)


def record_stream(
    run, profile, model_path: str, rule: str, *, jobs=1, engine="local", scheduler=None, quiet=False, per_article=False
):
    """Sentence records for the run's articles, in input order, with progress on a terminal.

    One record at a time, or with ``per_article`` the list of each article's records. The
    progress line (articles, sentences, rate) and the end-of-run counts go to stderr only when
    it is a terminal and not ``quiet``: output piped or redirected stays clean.
    """
    from stance.engines import EngineSpec, run_engine

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    spec = EngineSpec(profile, model_path, rule)
    per_article_records = run_engine(run.articles(), spec, jobs=jobs, engine=engine, scheduler=scheduler)
    progress = Progress(enabled=not quiet and stderr_is_terminal())
    for records in per_article_records:
        progress.update(len(records))
        if per_article:
            yield records
        else:
            yield from records
    progress.close(run)


def stderr_is_terminal() -> bool:
    """Whether stderr is a terminal: progress and chatter are shown only then."""
    return sys.stderr.isatty()


class Progress:
    """Articles done, sentences per second, on one stderr line (only on a terminal)."""

    def __init__(self, enabled: bool) -> None:
        import time

        self.enabled = enabled
        self.clock = time.monotonic
        self.start = self.clock()
        self.articles = self.sentences = 0
        self.last = 0.0

    def update(self, sentences: int) -> None:
        self.articles += 1
        self.sentences += sentences
        now = self.clock()
        if self.enabled and now - self.last >= 0.5:
            self._show(now)
            self.last = now

    def _show(self, now: float) -> None:
        rate = self.sentences / max(now - self.start, 1e-9)
        click.echo(
            f"\r{self.articles:,} articles, {self.sentences:,} sentences, {rate:,.0f} sentences/s",
            err=True,
            nl=False,
        )

    def close(self, run) -> None:
        """End the progress line with the run's counts (on a terminal only; --skip-bad has its own)."""
        if self.enabled:
            self._show(self.clock())
            click.echo("", err=True)
            elapsed = self.clock() - self.start
            click.echo(
                f"read {run.processed + len(run.skipped):,} inputs: {run.processed:,} scored, "
                f"{len(run.skipped):,} skipped; {self.sentences:,} sentences in {elapsed:.1f} s",
                err=True,
            )


class InputRun:
    """Articles from PATHS under the input options, counting what was read and skipped."""

    def __init__(
        self, paths, *, no_clean=False, encoding="utf-8", max_bytes=50_000_000, skip_bad=False, show_removed=False
    ):
        from stance.corpus import ReadOptions
        from stance.decoding import check_encoding_name

        self.paths = paths
        self.options = ReadOptions(clean=not no_clean, encoding=check_encoding_name(encoding), max_bytes=max_bytes)
        self.skip_bad = skip_bad
        self.skipped: list = []
        self.processed = 0
        self.show_removed = show_removed

    def articles(self):
        from stance.corpus import iter_articles

        on_error = self.skipped.append if self.skip_bad else None
        for article in iter_articles(self.paths, self.options, on_error=on_error):
            self.processed += 1
            _echo_notes(article, self.show_removed)
            yield article

    def finish(self, skipped_path: Path | None) -> None:
        """Write skipped.jsonl, say what happened, and fail if nothing could be read."""
        if not self.skip_bad:
            return
        if skipped_path is not None:
            with click.open_file(str(skipped_path), "w", encoding="utf-8", atomic=True) as stream:
                for item in self.skipped:
                    stream.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            for item in self.skipped:
                line = f":{item.line}" if item.line else ""
                click.echo(f"skipped {item.source}{line}: {item.reason}", err=True)
        total = self.processed + len(self.skipped)
        where = f" (listed in {skipped_path})" if skipped_path is not None and self.skipped else ""
        click.echo(
            f"{total} inputs: {self.processed} processed, {len(self.skipped)} skipped{where}",
            err=True,
        )
        if self.processed == 0:
            raise InputFailure("no input could be processed")


def refuse_overwriting_inputs(paths, output: str | None) -> None:
    """An output file must never replace one of the inputs."""
    if output in (None, "-"):
        return
    target = Path(output).resolve()
    for raw in paths:
        source = Path(raw).resolve()
        if target == source or (
            source.is_dir()
            and source in target.parents
            and target.suffix.lower() in (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".csv")
        ):
            raise InputFailure(f"{output}: refusing to write output over (or into) the input {raw}")


def load_model_option(model_path: str):
    """The classifier named by ``--model``."""
    from stance.modelio import default_model, load_model

    if model_path == "none":
        return None
    if model_path == "default":
        return default_model()
    return load_model(model_path)


def open_output(output: str | None):
    if output in (None, "-"):
        return contextlib.nullcontext(sys.stdout)
    return click.open_file(output, "w", encoding="utf-8", atomic=True)


# -- analyze -----------------------------------------------------------------------------
@cli.command()
@paths_argument
@profile_option
@model_options
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "table", "parquet"]),
    default="jsonl",
    show_default=True,
    help="parquet (needs pyarrow) only for a directory OUTPUT.",
)
@click.option(
    "-o",
    "--output",
    default=None,
    help="Output file (default: standard output), or a directory (existing, or ending in /) for partitioned "
    "output: part-00000.jsonl … (or .csv, .parquet), 1,000 articles each.",
)
@click.option(
    "--show-removed",
    is_flag=True,
    help="Also list the boilerplate lines cleaning removed (stderr).",
)
@engine_options
@handle_errors
def analyze(paths, profile, model_path, rule, fmt, output, show_removed, jobs, engine, scheduler, quiet, **input_opts):
    """One record per sentence: voice, speaker, quote type, stance, score, frames, cues.

    PATHS are files (.txt .md .html .jsonl .csv) or directories.

    \b
    Example:
      stance analyze seeds --format jsonl -o records.jsonl
      stance analyze articles/ --profile my-event.toml --format csv -o records.csv
      stance analyze big/ --engine dask --scheduler tcp://10.0.0.5:8786 -o records/
    """
    from stance.profile import load_profile
    from stance.writers import write_records

    partitioned = _is_directory_output(paths, output, fmt)
    refuse_overwriting_inputs(paths, output)
    prof = load_profile(profile)
    load_model_option(model_path)  # fail early and clearly on a bad model file
    run = InputRun(paths, show_removed=show_removed, **input_opts)
    if partitioned:
        from stance.partitions import write_partitions

        articles = record_stream(
            run, prof, model_path, rule, jobs=jobs, engine=engine, scheduler=scheduler, quiet=quiet, per_article=True
        )
        write_partitions(articles, output, fmt)
        run.finish(Path(output) / "skipped.jsonl")
        return
    records = record_stream(run, prof, model_path, rule, jobs=jobs, engine=engine, scheduler=scheduler, quiet=quiet)
    with open_output(output) as stream:
        write_records(records, stream, fmt)
    skipped_path = Path(output).parent / "skipped.jsonl" if output not in (None, "-") else None
    run.finish(skipped_path)


def _is_directory_output(paths, output: str | None, fmt: str) -> bool:
    """Whether ``-o`` names a directory for partitioned output; usage errors for what cannot be."""
    from stance.partitions import parquet_available

    is_dir = output not in (None, "-") and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    if not is_dir:
        if fmt == "parquet":
            raise click.UsageError("--format parquet writes a directory of parts: give -o DIR/")
        return False
    if fmt == "table":
        raise click.UsageError("--format table cannot be written to a directory; use jsonl, csv or parquet")
    if fmt == "parquet" and not parquet_available():
        raise click.UsageError("--format parquet needs pyarrow: pip install pyarrow")
    target = Path(output).resolve()
    for raw in paths:
        source = Path(raw).resolve()
        if source.is_dir() and (source == target or source in target.parents):
            raise InputFailure(f"{output}: refusing to write parts into the input directory {raw}")
    return True


def _echo_notes(article, show_removed: bool) -> None:
    """Say on stderr what reading did to an article (notes; removed lines on request)."""
    for note in article.notes:
        click.echo(f"note {article.source}: {note}", err=True)
    if show_removed:
        for removed in article.removed:
            click.echo(f"removed {article.source}:{removed.line}: [{removed.reason}] {removed.text}", err=True)


# -- quotes ------------------------------------------------------------------------------
@cli.command()
@paths_argument
@profile_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@click.option("-o", "--output", default=None, help="Output file (default: standard output).")
@click.option("--all", "show_all", is_flag=True, help="Also list the outlet's own narration.")
@handle_errors
def quotes(paths, profile, fmt, output, show_all) -> None:
    """The attributed statements: speaker, voice, quote type, text, document and offsets.

    \b
    Example:
      stance quotes seeds
      stance quotes seeds --format jsonl -o statements.jsonl
    """
    from stance.corpus import iter_articles
    from stance.profile import load_profile
    from stance.text import split_sentences
    from stance.voices import attribute
    from stance.writers import write_statements

    prof = load_profile(profile)

    def statements():
        for article in iter_articles(paths):
            sentences = split_sentences(article.text)
            for sentence, attribution in zip(sentences, attribute(article, prof, sentences), strict=True):
                if show_all or attribution.voice != "outlet":
                    yield article, sentence, attribution

    with open_output(output) as stream:
        write_statements(statements(), stream, fmt)


# -- report ------------------------------------------------------------------------------
@cli.command()
@paths_argument
@profile_option
@model_options
@input_options
@click.option("-o", "--output", "out_dir", default="report", show_default=True, help="Report directory.")
@click.option(
    "--bootstrap",
    default=2000,
    show_default=True,
    type=click.IntRange(100),
    help="Bootstrap resamples for the 95 % intervals (seeded).",
)
@engine_options
@handle_errors
def report(paths, profile, model_path, rule, out_dir, bootstrap, jobs, engine, scheduler, quiet, **input_opts):
    """The whole report: HTML, Markdown, charts, sentences.csv and summary.json.

    The report is built in a temporary directory and moved into OUTPUT when complete.

    \b
    Example:
      stance report seeds -o reports/seeds
      stance report articles/ --profile my-event.toml -o out/ --skip-bad
    """
    from stance.profile import load_profile
    from stance.reporting import build_report, report_meta

    refuse_overwriting_inputs(paths, str(Path(out_dir) / "report.html"))
    prof = load_profile(profile)
    model = load_model_option(model_path)
    run = InputRun(paths, **input_opts)
    stream = record_stream(run, prof, model_path, rule, jobs=jobs, engine=engine, scheduler=scheduler, quiet=quiet)

    def meta() -> dict:  # called after the last record, when the skipped inputs are known
        run.finish(skipped_path=None)
        return report_meta(prof, model, model_path, rule, run.skipped)

    build_report(stream, out_dir, profile=prof, meta=meta, bootstrap=bootstrap)  # streams: one pass, bounded memory
    if not quiet and stderr_is_terminal():
        click.echo(f"report written to {out_dir}/report.html", err=True)


# -- train / evaluate --------------------------------------------------------------------
@cli.command()
@click.argument("annotations", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, help="Model file to write (.npz).")
@click.option(
    "--profiles-dir",
    multiple=True,
    help="Directory of <event>.toml profiles for the annotations' events (repeatable; the first "
    "directory that has an event's file wins).",
)
@click.option("--profile", "-p", default=None, help="One profile for all sentences (overrides events).")
@handle_errors
def train(annotations, output, profiles_dir, profile) -> None:
    """Train a stance classifier on hand-coded sentences (JSONL) and save it without pickle.

    \b
    Example:
      stance train my_coding.jsonl -o my-model.npz --profile my-event.toml
      stance analyze articles/ --model my-model.npz
    """
    from stance.training import train_model

    result = train_model(annotations, output, profiles_dir=profiles_dir, profile=profile)
    click.echo(f"trained on {result['n']} sentences ({result['classes']}); saved to {output}", err=True)


@cli.command()
@click.argument("annotations", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--model",
    "model_path",
    default="default",
    show_default=True,
    help="Model file, 'default' or 'none'.",
)
@click.option(
    "--rule",
    type=click.Choice(["blend", "lexicon", "classifier"]),
    default="classifier",
    show_default=True,
)
@click.option(
    "--profiles-dir",
    multiple=True,
    help="Directory of <event>.toml profiles for the annotations' events (repeatable; the first "
    "directory that has an event's file wins).",
)
@click.option("--profile", "-p", default=None, help="One profile for all sentences (overrides events).")
@click.option(
    "--articles",
    "article_paths",
    multiple=True,
    type=click.Path(path_type=str),
    help="Run the whole pipeline on these coded articles and score voice and stance end to end.",
)
@click.option(
    "--compare",
    is_flag=True,
    help="Grouped cross-validation table: VADER, lexicon, classifier, combination.",
)
@click.option("--folds", default=5, show_default=True, help="Folds for --compare.")
@jobs_option("Folds of --compare fitted at a time, in worker processes; the figures do not change.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def evaluate(annotations, model_path, rule, profiles_dir, profile, article_paths, compare, folds, jobs, fmt) -> None:
    """Compare automatic stance with hand coding (or two coders with each other).

    One file: accuracy, macro-F1, per-class precision/recall/F1, confusion matrix and
    Krippendorff's alpha of the model's stance against the file's gold labels.
    Two files whose sentences match and whose coders differ: inter-coder agreement.
    --compare: grouped (by document and event) cross-validation of all methods.

    \b
    Example:
      stance evaluate stance/data/annotations/seeds.jsonl
      stance evaluate coder_a.jsonl coder_b.jsonl
      stance evaluate eval/heldout/gold.jsonl --articles eval/heldout/articles --profiles-dir eval/heldout/profiles
      stance evaluate stance/data/annotations/*.jsonl --profiles-dir eval/profiles --compare
    """
    from stance import evaluation

    if article_paths:
        if len(annotations) != 1:
            raise click.UsageError("--articles takes exactly one gold annotation file")
        model = load_model_option(model_path)
        result = evaluation.evaluate_articles(
            article_paths, annotations[0], profiles_dir=profiles_dir, model=model, rule=rule
        )
    elif compare:
        result = evaluation.compare_methods(
            annotations, profiles_dir=profiles_dir, profile=profile, folds=folds, jobs=jobs
        )
    elif evaluation.is_two_coders(annotations):
        result = evaluation.coder_agreement(*annotations)
    else:
        model = load_model_option(model_path)
        result = evaluation.evaluate_files(annotations, model, rule, profiles_dir=profiles_dir, profile=profile)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, sort_keys=True))
    else:
        click.echo(evaluation.format_result(result))


# -- profile -----------------------------------------------------------------------------
@cli.group("profile")
def profile_group() -> None:
    """Show and check profiles (target + actors with aliases)."""


@profile_group.command("show")
@click.argument("name_or_path")
@handle_errors
def profile_show(name_or_path) -> None:
    """Print a profile: target, actors and their aliases.

    \b
    Example:
      stance profile show korea-nato
    """
    from stance.profile import load_profile

    prof = load_profile(name_or_path)
    click.echo(f"profile {prof.name}  ({prof.source})")
    if prof.description:
        click.echo(f"  {prof.description}")
    click.echo(f"target: {prof.target.label}")
    click.echo(f"  terms: {', '.join(prof.target.terms) or '-'}")
    for actor in prof.actors:
        click.echo(f"actor {actor.id}: {actor.label} ({len(actor.aliases)} aliases)")
        click.echo(f"  {', '.join(actor.aliases)}")
    for frame in prof.frames:
        click.echo(f"frame {frame.id}: {'replaces' if frame.replace else 'adds'} {', '.join(frame.terms)}")
    for cue in prof.cues:
        click.echo(f"cue {cue.weight:+.1f} {cue.phrase}")


@profile_group.command("init")
@paths_argument
@click.option("-o", "--output", default=None, help="Profile TOML to write (default: standard output).")
@click.option("--name", default=None, help="Profile name (default: the output file's stem, else 'draft').")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists (an edited draft is lost).")
@handle_errors
def profile_init(paths, output, name, force) -> None:
    """Draft a profile from a corpus, for you to edit: actors with aliases, target terms.

    The speakers the attribution rules find (with counts and an example sentence) are grouped
    into candidate actors by name, title, organisation and country; target terms are phrases
    frequent in PATHS and rare in the background corpus. Every guess is marked "check:".

    \b
    Example:
      stance profile init articles/ -o my-event.toml
      stance profile check my-event.toml --corpus articles/
    """
    from stance.authoring import draft_profile
    from stance.corpus import iter_articles

    refuse_overwriting_inputs(paths, output)
    to_file = output not in (None, "-")
    if to_file and Path(output).exists() and not force:
        raise InputFailure(f"{output}: already exists; use --force to overwrite it")
    draft = draft_profile(iter_articles(paths), name=name or (Path(output).stem if to_file else "draft"), sources=paths)
    with open_output(output) as stream:
        stream.write(draft.to_toml())
    actors = draft.active_actors
    click.echo(
        f"draft profile{' written to ' + output if to_file else ''}: {len(actors)} actors, "
        f"{sum(len(a.aliases) for a in actors)} aliases, {len(draft.actors) - len(actors)} other voices "
        f"(commented out), from {draft.attributed} attributed sentences in {draft.articles} articles. "
        "It is a DRAFT: read its 'check:' lines before use.",
        err=True,
    )


@profile_group.command("check")
@click.argument("path", type=click.Path(path_type=str))
@click.argument("more_corpus", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--corpus",
    multiple=True,
    type=click.Path(path_type=str),
    help="Articles to measure coverage on: --corpus DIR [MORE...] (files or directories).",
)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="Unmatched speakers listed.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--max-other",
    default=None,
    type=click.FloatRange(0, 1),
    help="Exit 1 when the share of attributed sentences falling to 'other' is above this.",
)
@handle_errors
def profile_check(path, more_corpus, corpus, top, fmt, max_other) -> None:
    """Validate a profile; with --corpus, also measure how well its actors cover the corpus.

    Without --corpus: exit 2 with file, key and line on the first problem. With --corpus: the
    share of attributed sentences that fall to 'other', the most frequent unmatched speakers,
    aliases that never match and aliases found inside other actors' names.

    \b
    Example:
      stance profile check my-event.toml
      stance profile check my-event.toml --corpus articles/ --max-other 0.2
    """
    from stance.profile import load_profile

    if more_corpus and not corpus:
        raise click.UsageError(f"unexpected argument {more_corpus[0]!r}; corpus paths go after --corpus")
    prof = load_profile(path)
    aliases = sum(len(a.aliases) for a in prof.actors)
    terms = len(prof.target.terms)
    summary = f"ok: profile {prof.name}: {len(prof.actors)} actors, {aliases} aliases, {terms} target terms"
    if (prof.description or "").lstrip().startswith("DRAFT"):
        click.echo(f"warning: {path}: still marked DRAFT in its description (from `stance profile init`)", err=True)
    if not corpus:
        click.echo(summary)
        return
    from stance.authoring import CoverageBuilder
    from stance.corpus import iter_articles
    from stance.pipeline import Analyzer

    analyzer = Analyzer(prof, model=None, rule="lexicon")
    builder = CoverageBuilder(prof)
    for article in iter_articles([*corpus, *more_corpus]):
        builder.add_records(analyzer.analyze_article(article))
        builder.add_article(article)
    coverage = builder.result()
    if fmt == "json":
        click.echo(json.dumps(coverage.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(summary)
        click.echo(coverage.format(top=top))
    if max_other is not None and coverage.other_share > max_other:
        share = f"{coverage.other_share:.1%}"
        raise click.ClickException(f"{share} of attributed sentences fall to 'other' (more than {max_other:.1%})")


# -- lexicon -----------------------------------------------------------------------------
@cli.group("lexicon")
def lexicon_group() -> None:
    """Show the stance-cue lexicon and check user lexicons."""


@lexicon_group.command("show")
@click.option("--profile", "-p", default=None, help="Also show the cues a profile adds.")
@click.option("--file", "path", default=None, help="A user lexicon TSV instead of the shipped one.")
@handle_errors
def lexicon_show(profile, path) -> None:
    """Print the cue lexicon: phrase, weight, category.

    \b
    Example:
      stance lexicon show | grep -i partnership
    """
    from stance.lexicon import format_lexicon, load_lexicon

    click.echo(format_lexicon(load_lexicon(path)))
    if profile:
        from stance.profile import load_profile

        for cue in load_profile(profile).cues:
            click.echo(f"{cue.phrase}\t{cue.weight:+.2f}\tprofile")


@lexicon_group.command("check")
@click.argument("path", type=click.Path(path_type=str))
@handle_errors
def lexicon_check(path) -> None:
    """Validate a user lexicon TSV (phrase, weight, category, note).

    \b
    Example:
      stance lexicon check my-cues.tsv
    """
    from stance.lexicon import check_lexicon

    problems = check_lexicon(path)
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"ok: {path}" + (f" ({len(problems)} warnings)" if problems else ""))


if __name__ == "__main__":  # pragma: no cover
    main()
