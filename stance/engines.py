"""Run the pipeline over a corpus: in this process, in worker processes, or on a Dask cluster.

Every engine yields the records of one article at a time *in input order*, so the output of
``--jobs 4`` is byte-identical to ``--jobs 1`` and memory stays bounded by a small window of
articles in flight. Workers build their own :class:`~stance.pipeline.Analyzer` once (profile
matchers, model) from a picklable :class:`EngineSpec`, instead of receiving it per article.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from stance.corpus import Article
from stance.pipeline import DEFAULT_RULE, Analyzer
from stance.profile import Profile
from stance.records import SentenceRecord

__all__ = ["EngineSpec", "run_local", "run_jobs", "run_dask", "run_engine"]

#: Articles sent to a worker at a time; large enough to amortise transfer, small for memory.
CHUNK = 16


@dataclass(frozen=True)
class EngineSpec:
    """What a worker needs to build its analyzer: profile, model reference and rule.

    ``model`` is ``"default"``, ``"none"`` or a path to a model file; workers load it
    themselves (loading is safe: no pickle, see :mod:`stance.modelio`).
    """

    profile: Profile
    model: str = "default"
    rule: str = DEFAULT_RULE

    def build(self) -> Analyzer:
        from stance.modelio import default_model, load_model

        if self.model == "none":
            model = None
        elif self.model == "default":
            model = default_model()
        else:
            model = load_model(self.model)
        return Analyzer(self.profile, model, self.rule)


_worker_analyzer: Analyzer | None = None


def _init_worker(spec: EngineSpec) -> None:
    global _worker_analyzer  # one analyzer per worker process, built once
    _worker_analyzer = spec.build()


def _analyze_in_worker(article: Article) -> list[SentenceRecord]:
    assert _worker_analyzer is not None
    return _worker_analyzer.analyze_article(article)


def run_local(articles: Iterable[Article], analyzer: Analyzer) -> Iterator[list[SentenceRecord]]:
    """Records per article, in this process."""
    for article in articles:
        yield analyzer.analyze_article(article)


def run_jobs(articles: Iterable[Article], spec: EngineSpec, jobs: int) -> Iterator[list[SentenceRecord]]:
    """Records per article from ``jobs`` worker processes, in input order."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
        yield from pool.imap(_analyze_in_worker, articles, chunksize=CHUNK)


def _analyze_batch(spec: EngineSpec, batch: list[Article]) -> list[list[SentenceRecord]]:
    analyzer = _cached_analyzer(spec)
    return [analyzer.analyze_article(article) for article in batch]


_dask_cache: dict[EngineSpec, Analyzer] = {}


def _cached_analyzer(spec: EngineSpec) -> Analyzer:
    if spec not in _dask_cache:
        _dask_cache[spec] = spec.build()
    return _dask_cache[spec]


def run_dask(
    articles: Iterable[Article], spec: EngineSpec, scheduler: str | None, batch_size: int = 64
) -> Iterator[list[SentenceRecord]]:
    """Records per article computed on a Dask cluster, gathered back in input order.

    At most a few batches are in flight at once, so the client's memory stays bounded.
    """
    try:
        from dask.distributed import Client
    except ImportError:
        raise RuntimeError("the dask engine needs the extra: pip install 'stance[dask]'") from None
    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        window = []
        stream = iter(articles)
        while batch := list(itertools.islice(stream, batch_size)):
            window.append(client.submit(_analyze_batch, spec, batch, pure=False))
            if len(window) >= 4:
                yield from window.pop(0).result()
        for future in window:
            yield from future.result()
    finally:
        if isinstance(scheduler, str):
            client.close()


def run_engine(
    articles: Iterable[Article],
    spec: EngineSpec,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler=None,
) -> Iterator[list[SentenceRecord]]:
    """Dispatch to the engine the user chose."""
    if engine == "dask":
        return run_dask(articles, spec, scheduler)
    if jobs > 1:
        return run_jobs(articles, spec, jobs)
    return run_local(articles, spec.build())
