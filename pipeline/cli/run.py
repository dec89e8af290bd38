"""``vnnews run [INPUT...]``: extract every article and load it into the store, then summarise."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from extractors import PipelineConfigError
from pipeline.article import Article
from pipeline.cli import fail
from pipeline.readers import Failure, InputError, article_files, iter_articles
from pipeline.runner import PROJECT_ROOT, extract_article, stages
from pipeline.store.display import render_summary
from pipeline.store.loader import default_db, load_articles

SAMPLE_DIR = PROJECT_ROOT / "data" / "raw" / "sample"


def count_files(paths: list[str | Path]) -> int | None:
    """How many articles the inputs hold, when that is known without reading them (no .jsonl)."""
    total = 0
    for p in paths:
        try:
            files = article_files(Path(p))
        except InputError:
            continue
        if any(f.suffix.lower() == ".jsonl" for f in files):
            return None
        total += len(files)
    return total


def engine_articles(
    paths: list[str | Path], engine: str, failures: list[Failure], **options: Any
) -> Iterator[Article]:
    """Articles extracted by ``pipeline.engine`` (imported only when asked for: worker pools, Dask)."""
    try:
        from pipeline.engine import EngineError, extract_articles
    except ImportError as exc:
        fail(f"--engine {engine} is not available ({exc})")
    try:
        for item in extract_articles(paths, engine=engine, failures=failures, **options):
            yield item if isinstance(item, Article) else Article.from_contract(item)
    except EngineError as exc:
        fail(f"--engine {engine}: {exc}")


def extract_each(articles: Iterable[Article], failures: list[Failure]) -> Iterator[Article]:
    """Run the stages on each article; an article whose extraction raises is reported and skipped."""
    try:
        names = [c.name for c in stages()]
    except PipelineConfigError as exc:
        fail(f"pipeline configuration: {exc}")
    for art in articles:
        try:
            yield extract_article(art, names)
        except Exception as exc:  # one broken article must not stop the run or lose the others
            failures.append(Failure(art.path or art.id, f"extraction failed: {type(exc).__name__}: {exc}"))


def with_progress(articles: Iterable[Article], total: int | None) -> Iterator[Article]:
    from tqdm import tqdm

    with tqdm(articles, total=total, unit="article", file=sys.stderr, desc="extract+load",
              disable=None, dynamic_ncols=True) as bar:
        yield from bar


@click.command("run", short_help="Extract articles and load them into the store.")
@click.argument("inputs", nargs=-1)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The store to write (default: data/processed/vnnews.db, or $VNNEWS_DB).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this process, or a Dask cluster.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (local engine) or workers of the local Dask cluster.")
@click.option("--scheduler", default=None, help="Dask: address of a running scheduler (tcp://HOST:PORT).")
@click.option("--partitions", type=int, default=None, help="Dask: number of partitions.")
@click.option("--batch-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="Articles per load transaction (each article is still atomic).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many indicators the summary lists.")
def command(inputs: tuple[str, ...], db: Path | None, engine: str, workers: int | None,
            scheduler: str | None, partitions: int | None, batch_size: int, top: int) -> None:
    """Extract INPUT files or directories (default: the bundled sample) and load them into the store."""
    paths: list[str | Path] = list(inputs)
    if not paths:
        if not SAMPLE_DIR.is_dir() or not any(SAMPLE_DIR.iterdir()):
            fail(f"no bundled sample in {SAMPLE_DIR}; give INPUT files or directories")
        paths = [SAMPLE_DIR]
    db_path = db or default_db()
    failures: list[Failure] = []
    if engine == "local" and (workers or 1) == 1:
        articles: Iterable[Article] = extract_each(iter_articles(paths, failures), failures)
    elif engine == "local":
        articles = engine_articles(paths, engine, failures, workers=workers)
    else:
        articles = engine_articles(paths, engine, failures, workers=workers, scheduler=scheduler,
                                   partitions=partitions, out_dir=db_path.parent / "extract")
    try:
        report = load_articles(db_path, with_progress(articles, count_files(paths)), batch_size=batch_size)
    except sqlite3.DatabaseError as exc:
        fail(f"{db_path}: cannot write the store ({exc})")
    for f in failures:
        click.echo(f"vnnews: error: {f.path}: {f.reason}", err=True)
    for article_id, reason in report.failed:
        click.echo(f"vnnews: error: article {article_id} not loaded: {reason}", err=True)
    click.echo(render_summary(str(db_path), report, top=top))
    if failures or report.failed:
        sys.exit(1)
