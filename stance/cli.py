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
from stance.errors import InputError

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
        default="blend",
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
    return click.option(
        "--jobs",
        "-j",
        default=1,
        show_default=True,
        type=click.IntRange(1),
        help="Worker processes; output is identical to --jobs 1.",
    )(func)


def record_stream(run, profile, model_path: str, rule: str, *, jobs=1, engine="local", scheduler=None, quiet=False):
    """Sentence records for the run's articles, in input order, with progress on a terminal."""
    from stance.engines import EngineSpec, run_engine

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    spec = EngineSpec(profile, model_path, rule)
    per_article = run_engine(run.articles(), spec, jobs=jobs, engine=engine, scheduler=scheduler)
    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    for records in per_article:
        progress.update(len(records))
        yield from records
    progress.close(run)


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
            rate = self.sentences / max(now - self.start, 1e-9)
            click.echo(
                f"\r{self.articles:,} articles, {self.sentences:,} sentences, {rate:,.0f} sentences/s",
                err=True,
                nl=False,
            )
            self.last = now

    def close(self, run) -> None:
        if self.enabled:
            click.echo("", err=True)
        if self.enabled or run.skip_bad:
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
    type=click.Choice(["jsonl", "csv", "table"]),
    default="jsonl",
    show_default=True,
)
@click.option("-o", "--output", default=None, help="Output file (default: standard output).")
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
    """
    from stance.profile import load_profile
    from stance.writers import write_records

    refuse_overwriting_inputs(paths, output)
    prof = load_profile(profile)
    load_model_option(model_path)  # fail early and clearly on a bad model file
    run = InputRun(paths, show_removed=show_removed, **input_opts)
    records = record_stream(run, prof, model_path, rule, jobs=jobs, engine=engine, scheduler=scheduler, quiet=quiet)
    with open_output(output) as stream:
        write_records(records, stream, fmt)
    skipped_path = Path(output).parent / "skipped.jsonl" if output not in (None, "-") else None
    run.finish(skipped_path)


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
    records = list(stream)
    run.finish(skipped_path=None)
    meta = report_meta(prof, model, model_path, rule, run.skipped)
    build_report(records, out_dir, profile=prof, meta=meta, bootstrap=bootstrap)
    click.echo(f"report written to {out_dir}/report.html ({len(records)} sentences)", err=True)


# -- train / evaluate --------------------------------------------------------------------
@cli.command()
@click.argument("annotations", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, help="Model file to write (.npz).")
@click.option(
    "--profiles-dir",
    default=None,
    help="Directory of <event>.toml profiles for the annotations' events.",
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
    default="blend",
    show_default=True,
)
@click.option(
    "--profiles-dir",
    default=None,
    help="Directory of <event>.toml profiles for the annotations' events.",
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
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def evaluate(annotations, model_path, rule, profiles_dir, profile, article_paths, compare, folds, fmt) -> None:
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
        result = evaluation.compare_methods(annotations, profiles_dir=profiles_dir, profile=profile, folds=folds)
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


@profile_group.command("check")
@click.argument("path", type=click.Path(path_type=str))
@handle_errors
def profile_check(path) -> None:
    """Validate a profile file; exit 2 with file, key and line on the first problem.

    \b
    Example:
      stance profile check my-event.toml
    """
    from stance.profile import load_profile

    prof = load_profile(path)
    aliases = sum(len(a.aliases) for a in prof.actors)
    click.echo(
        f"ok: profile {prof.name}: {len(prof.actors)} actors, {aliases} aliases, {len(prof.target.terms)} target terms"
    )


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
