"""Parse stored pages again (after a selector fix) without fetching them: the records keep the HTML."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.scrape.parse import parse_page
from pipeline.scrape.sources import source_for_url
from pipeline.scrape.store import RawStore


def reparse(root: Path) -> Counter[str]:
    """Re-run the parser on every record under ``root``; a record is only replaced by a better one.

    Counts: updated, unchanged, kept (the stored version is better), not-article, unreadable.
    """
    store = RawStore(root)
    counts: Counter[str] = Counter()
    for path in sorted(root.rglob("*.json")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        rec = store.read(path)
        if rec is None or not isinstance(rec.get("html"), str) or not rec.get("canonical_url"):
            counts["unreadable"] += 1
            continue
        url = rec.get("url") or rec["canonical_url"]
        page = parse_page(rec["html"], url, source_for_url(url) or source_for_url(rec["canonical_url"]))
        if not page.is_article:
            counts["not-article"] += 1
            continue
        new = {
            **rec,
            "title": page.title,
            "published": page.published_at,
            "author": page.author,
            "lead": page.lead,
            "text": page.text,
            "extractor": page.extractor,
        }
        outcome, _ = store.put(new)
        counts[outcome] += 1
    return counts
