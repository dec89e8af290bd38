"""Extraction engines: run the extraction over many files, in parallel, streaming, in input order.

:func:`extract_articles` is the one entry point (``vnnews run --engine …`` calls it):

- ``local`` — one process when ``workers=1``, else a pool of worker processes, each loading the
  extractors' data once and extracting chunks of files. At most ``2 × workers`` chunks are in
  flight, so memory stays flat however many files there are, and results come back in input order.
- ``dask`` — the same chunks as tasks on a Dask cluster (a ``LocalCluster`` of worker processes
  when no scheduler address is given). Every partition is written as
  ``<out_dir>/part-NNNNN.parquet`` (default ``data/processed/extract/``): one row per article with
  its ``seq`` (position in the input), ``id``, ``path``, ``title``, ``published`` and the full
  contract object as JSON in ``contract``. The articles are then rebuilt from those rows
  (:meth:`Article.from_contract`) and yielded in input order: the same rows as the local engine.

Workers read the files themselves, by absolute path: on a multi-machine cluster the inputs must
be on storage every worker sees at the same path. The Parquet files are written by the caller's
process, so they need no shared storage.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import marshal
import math
import os
import pickle
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from pipeline.article import CONTRACT_FIELDS, EXTRA_FIELDS, Article, Span
from pipeline.readers import Failure, InputError, article_files, iter_articles, read_file
from pipeline.runner import extract_all, extract_article, stages

ENGINES = ("local", "dask")
DEFAULT_OUT_DIR = Path("data") / "processed" / "extract"
CHUNK_FILES = 16  # files per local task: large enough to amortise IPC, small enough to keep order cheap
PARTITION_FILES = 500  # largest default Dask partition
CONNECT_TIMEOUT = "10s"
WORKER_WAIT_SECONDS = 30

# One input file: (absolute path to read, path as listed, path to report on its articles); or a
# failure found while listing. Failures name the file as listed, articles as given (pipeline.readers).
Source = tuple[str, str, str]
Item = Source | Failure


class EngineError(Exception):
    """The engine cannot run (bad option, unreachable scheduler, dead worker); ``str()`` is one line."""


def extract_articles(
    paths: Sequence[str | Path],
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    partitions: int | None = None,
    out_dir: str | Path | None = None,
    failures: list[Failure] | None = None,
) -> Iterator[Article]:
    """Extracted articles from every file under ``paths``, streaming, in input order.

    Unreadable inputs are appended to ``failures`` (when given) as they are passed, exactly as
    :func:`pipeline.readers.iter_articles` reports them. Raises :class:`EngineError` before the
    first article for a bad option, and while running for an unreachable cluster or a dead worker.
    """
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if workers is not None and workers < 1:
        raise EngineError(f"workers must be at least 1 (got {workers})")
    if partitions is not None and partitions < 1:
        raise EngineError(f"partitions must be at least 1 (got {partitions})")
    if engine == "local" and scheduler:
        raise EngineError("a scheduler address applies to the dask engine only")
    if engine == "local" and partitions is not None:
        raise EngineError("partitions apply to the dask engine only")
    sink: list[Failure] = failures if failures is not None else []
    stages()  # a broken stage order fails here, once, rather than in every worker
    if engine == "dask":
        from pipeline.engines.cluster import run_dask

        return run_dask(list(paths), workers, scheduler, partitions, Path(out_dir or DEFAULT_OUT_DIR), sink)
    return _run_local(list(paths), workers, Path(out_dir) if out_dir else None, sink)


# ---------------------------------------------------------------- inputs


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every article file under ``paths`` as a :data:`Source`, or a :class:`Failure`, in input order."""
    for given in paths:
        try:
            files = article_files(Path(given))
        except InputError as exc:
            yield Failure(exc.path, exc.reason)
            continue
        is_file = Path(given).is_file()
        for f in files:
            # absolute, not resolved: a worker opens it from any directory, and ``resolve`` would
            # read every component of the path again to follow links that ``open`` follows anyway
            yield (os.path.abspath(f), str(f), str(given) if is_file else str(f))


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of ``size`` sources each (failures ride along in the chunk before them)."""
    chunk: list[Item] = []
    n = 0
    for item in items:
        if not isinstance(item, Failure):
            if n == size:
                yield chunk
                chunk, n = [], 0
            n += 1
        chunk.append(item)
    if chunk:
        yield chunk


def extract_chunk(items: list[Item]) -> list[Article | Failure]:
    """Read and extract one chunk (runs in a worker); articles and failures in input order."""
    out: list[Article | Failure] = []
    for item in items:
        if isinstance(item, Failure):
            out.append(item)
            continue
        read_path, listed, label = item
        try:
            arts = read_file(Path(read_path))
        except InputError as exc:
            out.append(Failure(listed, exc.reason))
            continue
        for art in arts:
            art.path = label
            try:
                out.append(extract_article(art))
            except Exception as exc:  # one broken article must not stop the run or lose the others
                out.append(Failure(label, f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


# An article as a worker sends it back: its fields, then its spans without their text, which the
# parent slices again from the article's text (about a third fewer bytes and less pickling).
PackedArticle = tuple[Any, ...]
_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name != "spans")


def pack(art: Article) -> PackedArticle:
    spans = {key: [(s.start, s.end, s.attrs) for s in found] for key, found in art.spans.items()}
    return (*(getattr(art, name) for name in _FIELDS), spans)


def unpack(packed: PackedArticle) -> Article:
    """The article :func:`pack` was given (its text already NFC, its id already set)."""
    art = Article.__new__(Article)
    for name, value in zip(_FIELDS, packed, strict=False):
        setattr(art, name, value)
    text = art.text
    art.spans = {key: [Span(a, b, text[a:b], attrs) for a, b, attrs in found]
                 for key, found in packed[-1].items()}
    return art


# A chunk's results as a worker sends them back: one ``bytes``, a marker byte then the list of
# (True, packed article) or (False, (path, reason)) for a failure. ``marshal`` writes and reads
# plain values in half the time ``pickle`` takes; it is only ever read by the same interpreter
# that wrote it (a worker of this run). Span attributes that are not plain values fall back to
# ``pickle``.
_MARSHAL, _PICKLE = b"M", b"P"


def encode_results(results: list[Article | Failure]) -> bytes:
    items = [(True, pack(r)) if isinstance(r, Article) else (False, (r.path, r.reason)) for r in results]
    try:
        return _MARSHAL + marshal.dumps(items)
    except ValueError:  # an attribute marshal cannot write
        return _PICKLE + pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)


def decode_results(blob: bytes) -> list[Article | Failure]:
    """The articles and failures :func:`encode_results` was given, in order."""
    load = marshal.loads if blob[:1] == _MARSHAL else pickle.loads
    items = load(memoryview(blob)[1:])
    return [unpack(payload) if is_article else Failure(*payload) for is_article, payload in items]


def extract_packed(items: list[Item]) -> bytes:
    """:func:`extract_chunk`, its results encoded by :func:`encode_results` (runs in a local worker)."""
    return encode_results(extract_chunk(items))


# A short article of our own that takes every stage down the paths that build patterns on first
# use (issuers, sittings, posts, totals raised, places), so that workers forked after it do not
# each build them again.
WARM_TEXT = (
    "Ngày 12/3/2024, Chủ tịch UBND tỉnh Nguyễn Văn An ký Quyết định số 529/QĐ-UBND phê duyệt đề án. "
    "Tại kỳ họp thứ 15, HĐND tỉnh khóa XVIII thông qua Nghị quyết số 12/NQ-HĐND.\n"
    "Năm 2024, tỉnh thu ngân sách đạt 1.455 tỷ đồng, bằng 65% dự toán; kết nạp 312 đảng viên mới, "
    "nâng tổng số đảng viên lên 45.210 đồng chí.\n"
    "Đồng chí Trần Thị Bình, Phó Bí thư Thường trực Tỉnh ủy, dự hội nghị tại xã Tân Lập, huyện Đan Phượng."
)


_warm = False  # has this process (or the fork server it was forked from) run warm_worker?


def warm_worker() -> None:
    """Load every stage and its data files once per worker process, before the first chunk."""
    global _warm
    if not _warm:
        extract_article(Article(text=WARM_TEXT))
        _warm = True


# ---------------------------------------------------------------- rows (Parquet)


def article_row(art: Article, seq: int) -> dict[str, Any]:
    """One Parquet row: the article's keys and its contract object as JSON."""
    contract = art.to_contract()
    contract["fetched_at"] = art.fetched_at
    return {
        "seq": seq,
        "id": art.id,
        "path": art.path,
        "title": art.title,
        "published": art.published,
        "contract": json.dumps(contract, ensure_ascii=False),
    }


def article_from_row(row: dict[str, Any]) -> Article:
    """The article a row holds, with the same span lists (an empty list stays a list, not a gap)."""
    contract = json.loads(row["contract"])
    art = Article.from_contract(contract)
    for key in (*CONTRACT_FIELDS, *EXTRA_FIELDS):
        if isinstance(contract.get(key), list):
            art.spans.setdefault(key, [])
    return art


class PartWriter:
    """Writes ``part-NNNNN.parquet`` files into ``out_dir`` (stale parts of a previous run removed)."""

    def __init__(self, out_dir: Path) -> None:
        import pyarrow as pa

        self.out_dir = out_dir
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            for old in out_dir.glob("part-*.parquet"):
                old.unlink()
        except OSError as exc:
            raise EngineError(f"cannot write Parquet under {out_dir}: {exc.strerror or exc}") from None
        self.schema = pa.schema(
            [("seq", pa.int64()), ("id", pa.string()), ("path", pa.string()), ("title", pa.string()),
             ("published", pa.string()), ("contract", pa.string())]
        )
        self._open: Any = None
        self._wrote_part = False

    def write_part(self, index: int, rows: list[dict[str, Any]]) -> Path:
        """The rows of one partition as their own file."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = self.out_dir / f"part-{index:05d}.parquet"
        self._wrote_part = True
        pq.write_table(pa.Table.from_pylist(rows, schema=self.schema), path)
        return path

    def append(self, rows: list[dict[str, Any]]) -> None:
        """The rows as one more row group of ``part-00000.parquet`` (the local engine's single part)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._open is None:
            self._open = pq.ParquetWriter(self.out_dir / "part-00000.parquet", self.schema)
        self._open.write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        """Finish the open part; an empty run still leaves one (empty) part, so readers see the schema."""
        if self._open is not None:
            self._open.close()
            self._open = None
        elif not self._wrote_part:
            self.write_part(0, [])


# ---------------------------------------------------------------- local engine


def _run_local(paths: list[str | Path], workers: int | None, out_dir: Path | None,
               failures: list[Failure]) -> Iterator[Article]:
    writer = PartWriter(out_dir) if out_dir else None
    sources = iter_sources(paths)
    n_workers = workers or usable_cpus()
    if workers is None:  # auto: a pool only pays for itself past a couple of chunks per worker
        head = list(itertools.islice(sources, 2 * CHUNK_FILES * n_workers))
        if sum(not isinstance(s, Failure) for s in head) < 2 * CHUNK_FILES * n_workers:
            n_workers = 1
        sources = itertools.chain(head, sources)
    if n_workers == 1:
        articles = extract_all(iter_articles(paths, failures))
    else:
        articles = _pooled(chunked(sources, CHUNK_FILES), n_workers, failures)
    return _writing(articles, writer) if writer else articles


def usable_cpus() -> int:
    """The CPUs this process may run on (the affinity mask where the platform has one)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def _writing(articles: Iterator[Article], writer: PartWriter) -> Iterator[Article]:
    rows: list[dict[str, Any]] = []
    try:
        for seq, art in enumerate(articles):
            rows.append(article_row(art, seq))
            if len(rows) >= 256:
                writer.append(rows)
                rows = []
            yield art
        if rows:
            writer.append(rows)
    finally:
        writer.close()


def _pooled(chunks: Iterator[list[Item]], n_workers: int, failures: list[Failure]) -> Iterator[Article]:
    pool = ProcessPoolExecutor(n_workers, mp_context=worker_context(), initializer=warm_worker)
    pending: deque[Future[bytes]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(extract_packed, chunk))
            if len(pending) >= 2 * n_workers:
                yield from _collect(pending.popleft(), failures)
        while pending:
            yield from _collect(pending.popleft(), failures)
    except BrokenProcessPool:
        raise EngineError("a worker process died while extracting (out of memory?)") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def worker_context() -> BaseContext:
    """How worker processes start: forked from a fork server that has loaded every stage's data.

    The fork server is a fresh single-threaded process (safe however many threads the caller runs),
    started once per run; it imports :mod:`pipeline.engines.preload`, which loads the extractors'
    data, so every worker begins with the data in memory instead of loading it again (≈0.7 s of CPU
    per worker). Where there is no fork server (Windows), workers are spawned and load it themselves.
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["pipeline.engines.preload"])
    return ctx


def _collect(future: Future[bytes], failures: list[Failure]) -> Iterator[Article]:
    for item in decode_results(future.result()):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            yield item


def default_partitions(n_files: int, n_workers: int) -> int:
    """Two partitions per worker at least, and none larger than :data:`PARTITION_FILES` files."""
    return max(1, min(n_files, max(2 * n_workers, math.ceil(n_files / PARTITION_FILES))))


def run_id() -> str:
    return uuid.uuid4().hex[:12]
