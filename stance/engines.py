"""Run the pipeline over a corpus: in this process, with worker processes, or on a Dask cluster.

Every engine yields the records of one article at a time *in input order*, so the output of
``--jobs 4`` is byte-identical to ``--jobs 1`` and memory stays bounded by a small window of
articles in flight. Workers build their own :class:`~stance.pipeline.Analyzer` once (profile
matchers, model) from a picklable :class:`EngineSpec`, instead of receiving it per article.
With ``--jobs N`` this process is one of the N: it analyses chunks too (see :func:`run_jobs`).
"""

from __future__ import annotations

import collections
import functools
import itertools
import multiprocessing
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from stance.corpus import Article
from stance.errors import WorkerDied
from stance.pipeline import DEFAULT_RULE, Analyzer
from stance.profile import Profile
from stance.records import SentenceRecord

__all__ = ["EngineSpec", "batches", "run_local", "run_jobs", "run_dask", "run_dask_partitions", "run_engine"]

#: Articles analysed together (one classifier call) and sent to a worker at a time: large
#: enough to amortise the per-call and transfer overhead, small enough for memory.
CHUNK = 16
#: Chunks per worker process submitted and not yet collected (``--jobs``).
IN_FLIGHT_PER_JOB = 6
#: Chunks analysed or submitted but not yet yielded, at most (bounds memory under ``--jobs``).
_MAX_PENDING = 32
#: Interpreter switch interval while ``--jobs`` runs (seconds; Python's default is 0.005).
SWITCH_INTERVAL = 0.001
#: Seconds between checks that the workers are alive while waiting for a chunk.
WORKER_CHECK_SECONDS = 1.0
#: Size asked for the pipe that carries the workers' records back (see :func:`_widen_result_pipe`).
RESULT_PIPE_BYTES = 1 << 20
#: Articles per Dask task.
DASK_PARTITION = 64


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
#: The parent's analyzer and its spec while a forked pool starts: a forked worker inherits it
#: (profile matchers, model) instead of building its own, which saves a second or two of
#: start-up per worker. Spawned workers (no fork) find ``None`` and build.
_inherited: tuple[EngineSpec, Analyzer] | None = None


def process_context():
    """The multiprocessing context for worker pools: fork where the platform has it, else spawn."""
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def ignore_interrupts() -> None:
    """A worker's initializer: leave Ctrl-C to the parent.

    A terminal sends SIGINT to the whole process group: workers ignore it so that only the
    parent stops (exit code 130) and terminates them, with no traceback from each worker.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_worker(spec: EngineSpec) -> None:
    """Get the worker's analyzer once (inherited from a fork, or built); leave Ctrl-C to the parent."""
    global _worker_analyzer  # one analyzer per worker process, built once
    ignore_interrupts()
    if _inherited is not None and _inherited[0] == spec:
        _worker_analyzer = _inherited[1]
    else:
        _worker_analyzer = spec.build()


def _analyze_in_worker(batch: list[Article]) -> list[list[SentenceRecord]]:
    assert _worker_analyzer is not None
    return _worker_analyzer.analyze_articles(batch)


def batches(articles: Iterable[Article], size: int = CHUNK) -> Iterator[list[Article]]:
    """Consecutive lists of at most ``size`` articles."""
    stream = iter(articles)
    while batch := list(itertools.islice(stream, size)):
        yield batch


def run_local(articles: Iterable[Article], analyzer: Analyzer) -> Iterator[list[SentenceRecord]]:
    """Records per article, in this process (the classifier scores :data:`CHUNK` articles at a time)."""
    for batch in batches(articles):
        yield from analyzer.analyze_articles(batch)


def run_jobs(articles: Iterable[Article], spec: EngineSpec, jobs: int) -> Iterator[list[SentenceRecord]]:
    """Records per article from ``jobs`` processes — this one and ``jobs - 1`` workers — in input order.

    Articles are read in this thread and go out :data:`CHUNK` at a time. A chunk goes to the
    workers while fewer than :data:`IN_FLIGHT_PER_JOB` chunks per worker are waiting there;
    otherwise this process analyses it itself, between reading and consuming records. So
    ``jobs`` processes share ``jobs`` cores with no process idle and no extra one competing,
    and only the workers' share of records crosses a pipe. (Measured: on 2 cores, one worker
    plus this process beats two workers fed by this process, and submitting from this thread
    beats ``Pool.imap``, whose task thread would read the articles while competing with this
    one for the interpreter lock.) At most a bounded number of chunks is pending, so memory
    stays bounded.
    """
    context = process_context()
    here = spec.build()
    workers = jobs - 1
    switch = sys.getswitchinterval()
    # The pool's threads pass chunks to and from the workers; they need the interpreter lock
    # while this thread computes, and with the default 5 ms turns the workers would wait.
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield from _share_work(articles, here, context, spec, workers)
    finally:
        sys.setswitchinterval(switch)


def _share_work(articles, here: Analyzer, context, spec: EngineSpec, workers: int) -> Iterator[list[SentenceRecord]]:
    global _inherited  # seen by the workers forked below, then cleared
    _inherited = (spec, here)
    try:
        pool = context.Pool(workers, initializer=_init_worker, initargs=(spec,))
    finally:
        _inherited = None
    _widen_result_pipe(pool)
    watched = list(getattr(pool, "_pool", ()))  # the worker processes, to notice one dying
    with pool:
        window: collections.deque = collections.deque()  # per chunk: records done here, or a pending result
        for batch in batches(articles):
            waiting = sum(1 for item in window if not isinstance(item, list) and not item.ready())
            if waiting < workers * IN_FLIGHT_PER_JOB:
                window.append(pool.apply_async(_analyze_in_worker, (batch,)))
            else:
                window.append(here.analyze_articles(batch))
            while window and (isinstance(window[0], list) or window[0].ready() or len(window) > _MAX_PENDING):
                yield from _records_of(window.popleft(), watched)
        while window:
            yield from _records_of(window.popleft(), watched)


def _widen_result_pipe(pool) -> None:
    """Let a worker write a whole chunk's records without waiting for this process to read.

    A chunk's pickled records (about 90 kB for 16 articles) overflow Linux's default 64 kB
    pipe, and the worker then blocks until this process's result thread gets the interpreter
    lock back (measured: 7 % of the worker's time). A pipe of :data:`RESULT_PIPE_BYTES` holds
    several chunks. Where the pipe cannot grow (not Linux, a lower system limit, another
    ``multiprocessing`` layout) nothing changes but the speed.
    """
    try:
        import fcntl

        fcntl.fcntl(pool._outqueue._reader.fileno(), fcntl.F_SETPIPE_SZ, RESULT_PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


def _records_of(chunk, watched: list) -> list[list[SentenceRecord]]:
    """A chunk's records: analysed here (a list) or by a worker (wait for its result).

    A worker killed mid-chunk (the kernel's out-of-memory killer, a ``kill -9``) loses that
    chunk and ``multiprocessing`` silently starts another worker, so the result would never
    come: while waiting, the workers are checked every :data:`WORKER_CHECK_SECONDS`.
    """
    if isinstance(chunk, list):
        return chunk
    while not chunk.ready():
        chunk.wait(WORKER_CHECK_SECONDS)
        dead = next((p for p in watched if p.exitcode is not None), None)
        if dead is not None and not chunk.ready():
            raise WorkerDied(
                f"a --jobs worker process died during the run (exit code {dead.exitcode}"
                f"{', killed by a signal: out of memory?' if dead.exitcode < 0 else ''}); "
                "its articles were not analysed, nothing was written. Rerun, with fewer --jobs if memory is short"
            )
    return chunk.get()


@functools.lru_cache(maxsize=4)
def _dask_analyzer(spec: EngineSpec) -> Analyzer:
    """The analyzer of ``spec`` in a Dask worker process, built once per process and spec."""
    return spec.build()


def _analyze_partition(spec: EngineSpec, batch: list[Article]) -> list[list[SentenceRecord]]:
    return _dask_analyzer(spec).analyze_articles(batch)


def run_dask_partitions(
    articles: Iterable[Article],
    spec: EngineSpec,
    scheduler,
    *,
    partition_size: int = DASK_PARTITION,
    in_flight: int | None = None,
) -> Iterator[list[list[SentenceRecord]]]:
    """Per partition of ``partition_size`` consecutive articles, the records of each article.

    Partitions are submitted to the cluster's workers as tasks and gathered back in input
    order; at most ``in_flight`` (default: twice the number of workers, at least 4) are
    submitted and not yet gathered, so the client's memory stays bounded whatever the corpus.

    Parameters
    ----------
    scheduler
        A scheduler address (``tcp://host:8786``), a ``dask.distributed.Client``, or anything
        a ``Client`` accepts (e.g. a ``LocalCluster``).
    """
    try:
        from dask.distributed import Client
    except ImportError:
        raise RuntimeError("the dask engine needs the extra: pip install 'stance[dask]'") from None
    owned = not isinstance(scheduler, Client)
    client = Client(scheduler) if owned else scheduler
    window: collections.deque = collections.deque()
    try:
        limit = in_flight or max(4, 2 * len(client.scheduler_info().get("workers", {})))
        for batch in batches(articles, partition_size):
            window.append(client.submit(_analyze_partition, spec, batch, pure=False))
            if len(window) >= limit:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        for future in window:
            future.cancel()
        if owned:
            client.close()


def run_dask(
    articles: Iterable[Article], spec: EngineSpec, scheduler, partition_size: int = DASK_PARTITION
) -> Iterator[list[SentenceRecord]]:
    """Records per article computed on a Dask cluster, in input order (see :func:`run_dask_partitions`)."""
    for partition in run_dask_partitions(articles, spec, scheduler, partition_size=partition_size):
        yield from partition


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
