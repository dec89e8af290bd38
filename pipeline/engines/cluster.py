"""The Dask engine: extraction partitions as tasks on a Dask cluster, written as partitioned Parquet.

The caller's process lists the input files, cuts them into partitions of consecutive files and
submits one task per partition (at most ``2 × workers`` in flight). A worker reads and extracts its
files and returns one row per article (:func:`pipeline.engine.article_row`). The caller writes
each partition's rows to ``part-NNNNN.parquet`` as it comes back, in input order, and yields the
articles rebuilt from those rows, so what the loader stores is exactly what the Parquet holds.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.article import Article
from pipeline.engine import (
    CONNECT_TIMEOUT,
    WORKER_WAIT_SECONDS,
    EngineError,
    Item,
    PartWriter,
    article_from_row,
    article_row,
    chunked,
    default_partitions,
    extract_chunk,
    iter_sources,
    run_id,
    warm_worker,
)
from pipeline.readers import Failure

LOCAL_WORKERS = 2
INSTALL_HINT = "install vnnews (pip install -e .) on every worker machine"


def extract_partition(items: list[Item]) -> list[dict[str, Any] | Failure]:
    """Read and extract one partition (runs on a Dask worker): rows (``seq`` unset) and failures."""
    return [item if isinstance(item, Failure) else article_row(item, -1) for item in extract_chunk(items)]


def run_dask(paths: list[str | Path], workers: int | None, scheduler: str | None, partitions: int | None,
             out_dir: Path, failures: list[Failure]) -> Iterator[Article]:
    """Extract on a cluster, write ``out_dir/part-*.parquet``, yield the articles in input order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("the dask engine needs dask.distributed: pip install 'dask[distributed]'") from None
    sources = list(iter_sources(paths))
    writer: PartWriter | None = None
    cluster: Any = None
    client: Any = None
    try:
        if scheduler:
            client = _connect(Client, scheduler)
        else:
            cluster = _local_cluster(LocalCluster, workers or LOCAL_WORKERS)
            client = Client(cluster)
        n_workers = max(1, sum(client.nthreads().values()))  # task slots: one task per worker thread
        try:
            client.run(warm_worker)
        except ImportError as exc:
            raise EngineError(f"a Dask worker cannot import the pipeline ({exc}): {INSTALL_HINT}") from None
        writer = PartWriter(out_dir)  # only now: a run that cannot start leaves the last run's parts
        n_files = sum(not isinstance(s, Failure) for s in sources)
        per_part = -(-n_files // (partitions or default_partitions(n_files, n_workers))) if n_files else 1
        yield from _partitions(client, chunked(sources, per_part), 2 * n_workers, writer, failures)
    finally:
        if writer is not None:
            writer.close()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def _local_cluster(cluster_cls: Any, n_workers: int) -> Any:
    try:
        return cluster_cls(n_workers=n_workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    except (OSError, RuntimeError) as exc:
        raise EngineError(f"cannot start a local Dask cluster of {n_workers} workers ({exc})") from None


def _connect(client_cls: Any, scheduler: str) -> Any:
    try:
        client = client_cls(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({reason})") from None
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
    except TimeoutError:
        client.close()
        raise EngineError(
            f"the Dask scheduler at {scheduler} has no workers (start some: dask worker {scheduler})"
        ) from None
    return client


def _partitions(client: Any, parts: Iterator[list[Item]], window: int, writer: PartWriter,
                failures: list[Failure]) -> Iterator[Article]:
    run = run_id()
    pending: deque[Any] = deque()
    seq = 0
    index = 0

    def collect(future: Any, part: int) -> Iterator[Article]:
        nonlocal seq
        results = _result(future, part)
        rows = []
        for item in results:
            if isinstance(item, Failure):
                failures.append(item)
                continue
            item["seq"] = seq
            seq += 1
            rows.append(item)
        writer.write_part(part, rows)
        for row in rows:
            yield article_from_row(row)

    try:
        for part in parts:
            future = client.submit(extract_partition, part, key=f"vnnews-extract-{run}-{index:05d}")
            pending.append((future, index))
            index += 1
            if len(pending) >= window:
                yield from collect(*pending.popleft())
        while pending:
            yield from collect(*pending.popleft())
    finally:
        for future, _ in pending:
            future.cancel()


def _result(future: Any, part: int) -> list[dict[str, Any] | Failure]:
    from distributed.scheduler import KilledWorker

    try:
        result: list[dict[str, Any] | Failure] = future.result()
    except KilledWorker:
        raise EngineError(f"Dask workers died extracting partition {part} (out of memory?)") from None
    except ImportError as exc:
        raise EngineError(f"a Dask worker cannot import the pipeline ({exc}): {INSTALL_HINT}") from None
    finally:
        future.release()
    return result
