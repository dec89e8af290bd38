"""Loader throughput: rows per second into the SQLite store (pipeline.load), bulk and re-load.

    python benchmarks/bench_load.py [--n 500] [--batch-size 100] [--contracts FILE.jsonl]

The articles are the first N of the generated corpus (benchmarks/corpus.py), extracted once with
the local engine (or read from ``--contracts``, a ``vnnews extract`` output), held in memory so
only loading is timed. Two timings, each into a store in a temporary directory:

- bulk: into an empty store (secondary indexes built after the load);
- re-load: the same articles again into the full store (upserts, old mention rows replaced).

Rows are every row the load writes: articles, mention rows and the people/organisations registries.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import MIXES, write_corpus  # noqa: E402

from pipeline.article import Article  # noqa: E402
from pipeline.engine import extract_articles  # noqa: E402
from pipeline.load import load_articles  # noqa: E402


def articles_for(n: int, seed: int, workers: int, contracts: Path | None, tmp: Path,
                 mix: str = "report") -> list[Article]:
    if contracts is not None:
        lines = contracts.read_text(encoding="utf-8").splitlines()
        return [Article.from_contract(json.loads(line)) for line in lines if line.strip()][:n]
    write_corpus(tmp / "corpus", n, seed, mix)
    return list(extract_articles([tmp / "corpus"], workers=workers))


def timed_load(db: Path, articles: list[Article], batch_size: int) -> tuple[float, int]:
    """(seconds, rows written) for one load of ``articles`` into ``db``."""
    t0 = time.perf_counter()
    report = load_articles(db, iter(articles), batch_size=batch_size)
    seconds = time.perf_counter() - t0
    if report.failed:
        sys.exit(f"bench_load: {len(report.failed)} articles failed to load, first: {report.failed[0]}")
    return seconds, sum(report.rows.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles to load")
    parser.add_argument("--batch-size", type=int, default=100, help="articles per transaction")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mix", choices=MIXES, default="report", help="the corpus mix (corpus.py)")
    parser.add_argument("--workers", type=int, default=2, help="extraction worker processes")
    parser.add_argument("--contracts", type=Path, default=None, help="a vnnews extract JSONL to load instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnnews-bench-load-") as tmp_name:
        tmp = Path(tmp_name)
        articles = articles_for(args.n, args.seed, args.workers, args.contracts, tmp, args.mix)
        mentions = sum(len(spans) for art in articles for spans in art.spans.values())
        print(f"{len(articles)} articles, {mentions} mentions (extracted; loading only is timed)")
        db = tmp / "store.db"
        for label in ("bulk into an empty store", "re-load into the full store"):
            seconds, rows = timed_load(db, articles, args.batch_size)
            print(f"{label}: {rows} rows in {seconds:.2f} s = {rows / seconds:,.0f} rows/s, "
                  f"{len(articles) / seconds:,.0f} articles/s (batch {args.batch_size})")


if __name__ == "__main__":
    main()
