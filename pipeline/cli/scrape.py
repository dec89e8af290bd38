"""``vnnews scrape``: crawl a registered source, any feed or sitemap, or one page into ``data/raw``."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import click

from pipeline.cli import fail
from pipeline.scrape.crawl import Crawler, Summary
from pipeline.scrape.reparse import reparse as reparse_records
from pipeline.scrape.settings import BACKOFF, DOWNLOAD_DELAY, MAX_RETRIES, TIMEOUT, CrawlSettings
from pipeline.scrape.sources import SourcesError, load_sources
from pipeline.scrape.urls import is_http

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@click.command("scrape")
@click.argument("source", required=False)
@click.option(
    "--feed", "feeds", multiple=True, metavar="URL", help="An RSS/Atom feed or sitemap URL (generic)."
)
@click.option("--url", "urls", multiple=True, metavar="URL", help="One page to fetch and store.")
@click.option("--since", metavar="YYYY-MM-DD", help="Skip articles published before this date.")
@click.option("--max-articles", type=click.IntRange(min=1), help="Fetch at most this many article pages.")
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=DOWNLOAD_DELAY,
    show_default=True,
    help="Seconds between two requests to the same host.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=TIMEOUT,
    show_default=True,
    help="Seconds to wait for a server.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=MAX_RETRIES,
    show_default=True,
    help="Extra attempts after a 429, a 5xx, a timeout or a dropped connection.",
)
@click.option(
    "--backoff",
    type=click.FloatRange(min=0),
    default=BACKOFF,
    show_default=True,
    help="Seconds before the first retry (doubling; a longer Retry-After wins).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data/raw"),
    show_default=True,
    help="Where records go: OUT/<source>/<id>.json (crawl state: OUT/.crawl-state.sqlite).",
)
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A source registry file instead of the bundled one.",
)
@click.option(
    "--reparse", is_flag=True, help="Parse the records under OUT again from their stored HTML (no fetching)."
)
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
@click.option("-v", "--verbose", is_flag=True, help="Log every retry and failure as it happens.")
def command(
    source: str | None,
    feeds: tuple[str, ...],
    urls: tuple[str, ...],
    since: str | None,
    max_articles: int | None,
    delay: float,
    timeout: float,
    retries: int,
    backoff: float,
    out_dir: Path,
    sources_file: Path | None,
    reparse: bool,
    progress: bool,
    verbose: bool,
) -> None:
    """Scrape SOURCE (see `vnnews sources`), or --feed URL, or --url URL, politely, into OUT.

    With --reparse, parse the records already under OUT again from their stored HTML."""
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="vnnews: %(message)s")
    if reparse:
        if source or feeds or urls:
            fail("--reparse works on the stored records only: give no SOURCE, --feed or --url")
        if not out_dir.is_dir():
            fail(f"{out_dir}: no such directory")
        counts = reparse_records(out_dir)
        click.echo(
            "vnnews: scrape: reparsed " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), err=True
        )
        return
    if sum(map(bool, (source, feeds, urls))) != 1:
        fail("give exactly one of SOURCE, --feed URL or --url URL")
    if since and not _DATE.match(since):
        fail(f"--since wants a date like 2025-07-01, not {since!r}")
    for url in (*feeds, *urls):
        if not is_http(url):
            fail(f"not an http(s) URL: {url}")
    registered = None
    if source:
        try:
            registry = load_sources(sources_file)
        except (SourcesError, OSError) as exc:
            fail(f"source registry: {exc}")
            return
        registered = registry.get(source)
        if registered is None:
            fail(f"unknown source {source!r} (known: {', '.join(sorted(registry))})")
            return
    crawler = Crawler(
        out_dir,
        CrawlSettings(delay=delay, timeout=timeout, max_retries=retries, backoff=backoff),
        source=registered,
        since=since,
        max_articles=max_articles,
        progress=progress,
    )
    outcomes: list[str] = []
    try:
        if registered is not None:
            crawler.discover_feeds((*registered.feeds, *registered.sitemaps))
            crawler.discover_listings()
            crawler.run_queue()
        elif feeds:
            crawler.discover_feeds(feeds)
            crawler.run_queue()
        else:
            outcomes = [crawler.fetch_article(url) for url in urls]
    except KeyboardInterrupt:
        _report(crawler)
        click.echo(
            "vnnews: scrape: interrupted; what was done is saved, run the same command to resume", err=True
        )
        sys.exit(130)
    finally:
        crawler.close()
    summary = _report(crawler)
    if summary.responded == 0 and (summary.failures or summary.counts["robots"]):
        first = summary.failures[0] if summary.failures else (None, "every URL is disallowed by robots.txt")
        fail(f"nothing could be fetched ({first[1]})")
    stored = sum(summary.counts[k] for k in ("new", "updated", "unchanged", "unchanged-304", "kept"))
    if summary.failures and stored == 0:
        url, reason = summary.failures[0]
        fail(f"no article could be stored ({len(summary.failures)} failed; first: {url}: {reason})")
    if urls and not any(o in ("new", "updated", "unchanged", "unchanged-304", "kept") for o in outcomes):
        reason = summary.not_articles[0][1] if summary.not_articles else "no article stored"
        fail(f"{urls[0]}: {reason}")


def _report(crawler: Crawler) -> Summary:
    for line in crawler.summary.report():
        click.echo(f"vnnews: scrape: {line}", err=True)
    return crawler.summary
