"""``vnnews sources``: the registered news sites and how each is crawled."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pipeline.cli import fail
from pipeline.scrape.sources import Source, SourcesError, load_sources


def _discovery(src: Source) -> str:
    parts = []
    if src.feeds:
        parts.append(f"{len(src.feeds)} feed{'s' if len(src.feeds) > 1 else ''}")
    if src.sitemaps:
        parts.append(f"{len(src.sitemaps)} sitemap{'s' if len(src.sitemaps) > 1 else ''}")
    if src.listings:
        pages = sum(lst.max_pages for lst in src.listings)
        parts.append(f"{len(src.listings)} listing{'s' if len(src.listings) > 1 else ''} ({pages} pages)")
    return ", ".join(parts)


def _as_json(src: Source) -> dict[str, object]:
    sel = src.selectors
    return {
        "name": src.name,
        "site": src.site,
        "title": src.title,
        "home": src.home,
        "status": src.status,
        "feeds": list(src.feeds),
        "sitemaps": list(src.sitemaps),
        "listings": [{"url": lst.url, "page": lst.page, "max_pages": lst.max_pages} for lst in src.listings],
        "article_url": src.article_url.pattern if src.article_url else None,
        "selectors": [k for k in ("title", "published", "author", "lead", "body") if getattr(sel, k)],
        "notes": src.notes,
    }


@click.command("sources")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A source registry file instead of the bundled one (validated).",
)
def command(as_json: bool, sources_file: Path | None) -> None:
    """List the news sites `vnnews scrape SOURCE` knows."""
    try:
        sources = load_sources(sources_file)
    except (SourcesError, OSError) as exc:
        fail(f"source registry: {exc}")
        return
    if as_json:
        for src in sources.values():
            click.echo(json.dumps(_as_json(src), ensure_ascii=False))
        return
    rows = [("name", "site", "status", "discovery", "site selectors")]
    for src in sources.values():
        sel = [k for k in ("title", "published", "author", "body") if getattr(src.selectors, k)]
        rows.append((src.name, src.site, src.status, _discovery(src), ", ".join(sel) or "generic"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
