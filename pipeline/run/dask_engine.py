"""The Dask engine of `claims extract --engine dask`: chunks of papers run on Dask workers.

The client (the `claims` process) reads the inputs, makes ids unique and cuts the papers into chunks
exactly as the single-process engine does; each chunk goes to the workers in partitions
(`client.submit` of plain Paper records), and the results - each table's rows as Arrow tables and
CSV lines, and the rejects and warnings met, never a spaCy object - come back and are written in
input order. So
the tables are byte-identical to the single-process run's, row for row and row group for row group.
At most a few partitions per worker are in flight, so the client's memory stays flat too.

Each worker process builds the pipeline (Extractor, unit registry) once, from the rules the client
loaded and broadcast, and keeps it for later tasks, keyed by the rules directory and its content.
Workers need the `claimscope` package installed; they need neither the inputs nor the rules files
(both travel with the tasks), and write nothing: the client writes the tables.

The per-paper time limit works on a worker as in one process: a worker runs its tasks in a thread,
where no signal arrives, so `core.deadline` interrupts a paper from a watchdog thread instead.

Dask is imported here only, so the single-process path does not pay for it.
"""
from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.core.errors import ClaimscopeError
from pipeline.core.records import Paper
from pipeline.core.rules import Rules
from pipeline.run.chunk import ChunkResult, ChunkWorker

# Papers per task (two per default chunk). Measured on 10,000 abstracts with two local workers, 1,000
# took 12.5 s where 250 took 14.2 s: fewer tasks cost the client and the workers less CPU, and a task
# of ~1.6 s still leaves the workers at most one task apart at the end.
PARTITION_SIZE = 1_000
# Partitions in flight per worker: the next is always there when one finishes.
IN_FLIGHT_PER_WORKER = 4
WORKER_WAIT_SECONDS = 120

_worker_state: dict[str, ChunkWorker] = {}  # on a worker: rules key -> its pipeline (one at a time)


def run(pieces: Iterable[tuple[list[Paper], tuple]], rules: Rules, rules_dir: str | Path, *, strict: bool,
        time_limit: float | None, debug: bool, scheduler: str | None = None, workers: int | None = None,
        partition_size: int = PARTITION_SIZE) -> Iterator[ChunkResult]:
    """Results of the chunks in input order, computed on a Dask cluster: the one at `scheduler`, or a
    LocalCluster of `workers` processes (default: one per core) started here and closed at the end."""
    client, cluster = _connect(scheduler, workers)
    try:
        key = rules_key(rules_dir)
        [shared_rules] = client.scatter([rules], broadcast=True, hash=False)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = IN_FLIGHT_PER_WORKER * n_workers
        pending: deque = deque()  # (ingest problems, [futures of the chunk's partitions])
        in_flight = 0
        for chunk, read_problems in pieces:
            futures = [client.submit(run_partition, chunk[i:i + partition_size], shared_rules, key, strict, time_limit,
                                     debug, pure=False)
                       for i in range(0, len(chunk), partition_size)]
            pending.append((read_problems, futures))
            in_flight += len(futures)
            while pending and in_flight - len(pending[0][1]) >= window:
                in_flight -= len(pending[0][1])
                yield _gathered(client, *pending.popleft())
        while pending:
            yield _gathered(client, *pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _gathered(client, read_problems: tuple, futures: list) -> ChunkResult:
    result = ChunkResult.joined(client.gather(futures))
    result.problems["ingest"] = read_problems
    return result


def run_partition(papers: list[Paper], rules: Rules, key: str, strict: bool, time_limit: float | None,
                  debug: bool) -> ChunkResult:
    """On a worker: extract + normalize a partition with this process's pipeline (built on first use)."""
    worker = _worker_state.get(key)
    if worker is None:
        _worker_state.clear()  # one pipeline per worker process: a new rules set replaces the old
        worker = _worker_state[key] = ChunkWorker(rules)
    return worker.run(papers, strict=strict, time_limit=time_limit, debug=debug)


def rules_key(rules_dir: str | Path) -> str:
    """The rules directory and a digest of its files: a worker rebuilds its pipeline when either changes."""
    root = Path(rules_dir).resolve()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{root}@{digest.hexdigest()[:16]}"


def _connect(scheduler: str | None, workers: int | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ClaimscopeError("--engine dask needs dask[distributed] (pip install 'dask[distributed]')") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s", direct_to_workers=True)
        except OSError as exc:
            raise ClaimscopeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            client.wait_for_workers(workers or 1, timeout=WORKER_WAIT_SECONDS)
        except TimeoutError as exc:
            client.close()
            raise ClaimscopeError(f"fewer than {workers or 1} Dask worker(s) joined the scheduler at {scheduler} "
                                  f"within {WORKER_WAIT_SECONDS} s") from exc
        return client, None
    n = workers or os.cpu_count() or 1
    # a random port for the scheduler's HTTP server: two runs at once do not fight over 8787
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0")
    return Client(cluster, direct_to_workers=True), cluster
