"""Speed and memory of the foundation extractors (money, percentages, decisions) on real articles.

    python benchmarks/bench_extract_basic.py [--seconds 2] [DIR]
    pytest benchmarks/bench_extract_basic.py --benchmark-only

The articles are ``../shared/seeds`` when present, else the bundled ``data/raw/sample``. Script
mode prints articles per second for each extractor and for the three together (best of repeated
passes over all articles, each extractor's data files already loaded), then the peak memory of
one pass: Python allocations (tracemalloc) and the process's maximum resident set
(``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import decisions, money, percentages  # noqa: E402
from extractors.numbers import forget_figures  # noqa: E402
from pipeline.article import Article, Span  # noqa: E402
from pipeline.readers import Failure, iter_articles  # noqa: E402

EXTRACTORS: dict[str, Callable[[Article], list[Span]]] = {
    "money": money.extract,
    "percentages": percentages.extract,
    "decisions": decisions.extract,
}
CORPORA = (ROOT.parent / "shared" / "seeds", ROOT / "data" / "raw" / "sample")


def load_articles(directory: Path | None = None) -> tuple[Path | None, list[Article]]:
    for d in [directory] if directory else CORPORA:
        if d.is_dir():
            failures: list[Failure] = []
            arts = list(iter_articles([d], failures))
            if arts:
                return d, arts
    return None, []


def forget_per_article_caches() -> None:
    """Empty every small ``lru_cache`` of the extractors and the pipeline: those hold what was found
    in the last few article texts (figures, places, sentences), so a pass over the same articles
    again would find them there. Caches of data files and of single words stay."""
    forget_figures()
    for name, module in list(sys.modules.items()):
        if not name.startswith(("extractors", "pipeline")):
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if info is not None and info().maxsize is not None and info().maxsize <= 64:
                obj.cache_clear()


def run_all(articles: list[Article], names: tuple[str, ...]) -> int:
    """Spans found by running ``names`` over every article, as the pipeline would: what one
    article's money stage finds is reused by its percentages stage, never across passes."""
    forget_per_article_caches()
    found = 0
    for art in articles:
        for name in names:
            found += len(EXTRACTORS[name](art))
    return found


def articles_per_second(
    articles: list[Article], names: tuple[str, ...], seconds: float
) -> tuple[float, float]:
    """(articles per wall-clock second, articles per CPU second), best pass of those run in ``seconds``.

    The CPU rate is this process's own time, so it does not depend on what else the machine runs."""
    run_all(articles, names)  # warm up: data files loaded, patterns compiled
    best_wall = best_cpu = float("inf")
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        w0, c0 = time.perf_counter(), time.process_time()
        run_all(articles, names)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, max(time.process_time() - c0, 1e-9))
    return len(articles) / best_wall, len(articles) / best_cpu


def peak_memory(articles: list[Article]) -> tuple[float, float]:
    """(peak traced Python allocations, process max RSS), both in MiB, over one pass of all three."""
    tracemalloc.start()
    run_all(articles, tuple(EXTRACTORS))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return peak / 2**20, max_rss_kib / 2**10


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", nargs="?", type=Path,
                    help="articles to use (default: the seeds, else the sample)")
    ap.add_argument("--seconds", type=float, default=2.0, help="time spent per measurement")
    args = ap.parse_args(argv)
    where, articles = load_articles(args.directory)
    if not articles:
        print("no articles found", file=sys.stderr)
        return 1
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles ({chars:,} characters) from {where}")
    print(f"{'extractor':<28} {'articles/s':>11} {'per CPU-s':>10}")
    runs = [*((n, (n,)) for n in EXTRACTORS), ("money+percentages+decisions", tuple(EXTRACTORS))]
    for label, names in runs:
        wall, cpu = articles_per_second(articles, names, args.seconds)
        print(f"{label:<28} {wall:>11,.0f} {cpu:>10,.0f}")
    traced, rss = peak_memory(articles)
    print(f"peak traced allocations {traced:.2f} MiB; process max RSS {rss:.1f} MiB")
    return 0


# ------------------------------------------------------------------ pytest-benchmark


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    _, arts = load_articles()
    if not arts:
        pytest.skip("no articles (neither ../shared/seeds nor data/raw/sample)")
    return arts


@pytest.mark.parametrize("name", [*EXTRACTORS, "all"])
def test_bench_extract_basic(benchmark, articles, name):  # type: ignore[no-untyped-def]
    names = tuple(EXTRACTORS) if name == "all" else (name,)
    found = benchmark(run_all, articles, names)
    assert found > 0


if __name__ == "__main__":
    sys.exit(main())
