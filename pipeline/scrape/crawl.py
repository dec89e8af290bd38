"""A crawl: discovery pages -> queue -> fetch -> parse -> raw store, with a summary of what happened.

Every step that can fail records its reason and moves on; nothing here raises for a bad page or a
bad server. The queue and the per-page outcomes live in :class:`~pipeline.scrape.state.CrawlState`,
so stopping a crawl (Ctrl-C, a crash, ``--max-articles``) and running it again picks up the rest.
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from pipeline.scrape.dates import date_part
from pipeline.scrape.discover import discover
from pipeline.scrape.fetch import Fetched, Fetcher
from pipeline.scrape.parse import ParsedPage, parse_page
from pipeline.scrape.settings import CrawlSettings
from pipeline.scrape.sources import Source
from pipeline.scrape.state import STATE_FILE, CrawlState, PageState, now_iso
from pipeline.scrape.store import RawStore, content_hash, source_dir_name
from pipeline.scrape.urls import canonical_url, host_of

log = logging.getLogger(__name__)
MAX_FEED_DEPTH = 2  # feed index -> feed -> items; sitemap index -> sitemap -> urls


class Drop(Exception):  # noqa: N818 (scrapy's name)
    """An item pipeline step's verdict: this page is not stored, and why."""

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


@dataclass(slots=True)
class Scraped:
    """A fetched and parsed page on its way through the item pipeline."""

    key: str  # canonical form of the URL asked for
    url: str
    fetched: Fetched
    page: ParsedPage
    canon: str  # the page's own canonical URL (rel=canonical), else ``key``
    digest: str  # content hash of the body text
    revisit: bool  # the URL was stored before (a conditional re-fetch that changed)


@dataclass(slots=True)
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    not_articles: list[tuple[str, str]] = field(default_factory=list)

    @property
    def responded(self) -> int:
        """Requests that got an answer worth having (200 with a page, or 304 not modified)."""
        return self.counts["fetched"] + self.counts["unchanged-304"]

    def line(self) -> str:
        c = self.counts
        parts = [
            f"fetched {c['fetched']}",
            f"new {c['new']}",
            f"updated {c['updated']}",
            f"unchanged {c['unchanged'] + c['unchanged-304']}",
            f"duplicates {c['duplicate']}",
            f"not articles {c['not-article']}",
            f"older than --since {c['too-old']}",
            f"kept better stored copy {c['kept']}",
            f"skipped by robots {c['robots']}",
            f"failed {c['failed']}",
        ]
        return ", ".join(parts)

    def report(self) -> list[str]:
        lines = [self.line()]
        lines += [f"  failed: {url}: {reason}" for url, reason in self.failures]
        lines += [f"  not an article: {url}: {reason}" for url, reason in self.not_articles]
        return lines


class Crawler:
    def __init__(
        self,
        out_dir: Path,
        settings: CrawlSettings | None = None,
        *,
        source: Source | None = None,
        since: str | None = None,
        max_articles: int | None = None,
        progress: bool = True,
    ) -> None:
        self.out_dir = out_dir
        self.source = source
        self.source_name = source.name if source else None
        self.since = since
        self.max_articles = max_articles
        self.progress = progress
        legacy = (source.site,) if source is not None and source.status == "legacy-tls" else ()
        self.fetcher = Fetcher(settings, legacy_tls_sites=legacy)
        self.store = RawStore(out_dir)
        self.state = CrawlState(out_dir / STATE_FILE)
        self.summary = Summary()
        self._seen: set[str] = set()

    def close(self) -> None:
        self.state.close()
        self.fetcher.session.close()

    # ------------------------------------------------------------ discovery

    def _fetch_tracked(self, url: str, kind: str) -> Fetched | None:
        """Fetch a discovery page conditionally; None when it failed, was blocked or is unchanged."""
        key = canonical_url(url)
        prior = self.state.page(key)
        got = self.fetcher.fetch(url, prior.etag if prior else None, prior.last_modified if prior else None)
        if got.robots_blocked:
            self.summary.counts["robots"] += 1
            self.state.save(key, "robots", source=self.source_name, reason=got.error)
            return None
        if got.not_modified:
            self.summary.counts["unchanged-304"] += 1
            return None
        if not got.ok:
            self._fail(url, got.error or f"HTTP {got.status}")
            self.state.save(key, "failed", source=self.source_name, status=got.status, reason=got.error)
            return None
        self.summary.counts["fetched"] += 1
        self.state.save(
            key,
            kind,
            source=self.source_name,
            status=got.status,
            etag=got.headers.get("ETag"),
            last_modified=got.headers.get("Last-Modified"),
        )
        return got

    def discover_feeds(self, urls: Iterable[str], depth: int = 0) -> int:
        """Read feeds/sitemaps (and what they link to); queue their articles. Returns how many were queued."""
        queued = 0
        for url in urls:
            got = self._fetch_tracked(url, "feed")
            if got is None:
                continue
            pattern = self.source.article_url if self.source else None
            found = discover(got.body, got.text, got.final_url, pattern)
            queued += self._enqueue(e.url for e in found.entries if self._wanted(e.url, e.published))
            nested = [f for f in found.feeds if host_of(f) == host_of(got.final_url)]
            if nested and depth < MAX_FEED_DEPTH:
                queued += self.discover_feeds(nested, depth + 1)
        return queued

    def discover_listings(self) -> int:
        queued = 0
        if self.source is None:
            return 0
        for listing in self.source.listings:
            for page_url in listing.pages():
                got = self._fetch_tracked(page_url, "listing")
                if got is None:
                    break
                found = discover(got.body, got.text, got.final_url, self.source.article_url)
                added = self._enqueue(e.url for e in found.entries if self._wanted(e.url, None))
                queued += added
                if not added:  # nothing new further back
                    break
        return queued

    def _wanted(self, url: str, published: str | None) -> bool:
        if self.source is not None and not self.source.is_article_url(url):
            return False
        if self.since and published and (date_part(published) or "") < self.since:
            self.summary.counts["too-old"] += 1
            return False
        return True

    def _enqueue(self, urls: Iterable[str]) -> int:
        count = 0
        for url in urls:
            key = canonical_url(url)
            prior = self.state.page(key)
            # ask again: a failure (it may have been passing), a robots skip (checked locally, no
            # request), a stored page the server can answer "not modified" about
            revisit = prior is not None and (
                prior.outcome in ("failed", "robots") or bool(prior.etag or prior.last_modified)
            )
            count += self.state.enqueue(key, self.source_name, None, revisit)
        return count

    # ------------------------------------------------------------ articles

    def run_queue(self) -> None:
        items = self.state.pending(self.source_name)
        if self.max_articles is not None:
            items = items[: self.max_articles]
        bar = tqdm(
            items,
            desc="articles",
            unit="page",
            file=sys.stderr,
            disable=not self.progress or None,
            leave=False,
        )
        for item in bar:
            self.fetch_article(item.url)
            self.state.mark_done(item.url)
        bar.close()

    def fetch_article(self, url: str) -> str:
        """Fetch, parse and store one article page; returns its outcome."""
        key = canonical_url(url)
        if key in self._seen:
            return self._count("duplicate")
        self._seen.add(key)
        prior = self.state.page(key)
        stored = prior if prior is not None and prior.outcome == "stored" else None
        got = self.fetcher.fetch(
            url, stored.etag if stored else None, stored.last_modified if stored else None
        )
        if got.robots_blocked:
            self.state.save(key, "robots", source=self.source_name, reason=got.error)
            return self._count("robots")
        if got.not_modified:
            self.state.touch(key, 304)
            return self._count("unchanged-304")
        if not got.ok:
            reason = got.error or f"HTTP {got.status}"
            self._fail(url, reason)
            self.state.save(key, "failed", source=self.source_name, status=got.status, reason=reason)
            return "failed"
        self.summary.counts["fetched"] += 1
        page = parse_page(got.text, got.final_url, self.source)
        item = Scraped(
            key,
            url,
            got,
            page,
            page.canonical_url or canonical_url(got.final_url),
            content_hash(page.text),
            revisit=stored is not None,
        )
        try:
            for step in self.item_pipeline:
                item = step(item)
        except Drop as drop:
            if drop.outcome == "not-article":
                self.summary.not_articles.append((url, drop.reason))
            self.state.save(key, drop.outcome, source=self.source_name, status=got.status, reason=drop.reason)
            return self._count(drop.outcome)
        return self._count(self._store(item, stored))

    # ------------------------------------------------------------ item pipeline (in order)

    @property
    def item_pipeline(self) -> tuple[Callable[[Scraped], Scraped], ...]:
        return (self.drop_non_articles, self.drop_same_url, self.drop_same_text, self.drop_too_old)

    def drop_non_articles(self, item: Scraped) -> Scraped:
        if not item.page.is_article:
            raise Drop("not-article", item.page.reason or "no article")
        return item

    def drop_same_url(self, item: Scraped) -> Scraped:
        """A page whose rel=canonical names an article already seen or stored under another URL."""
        if (
            item.canon != item.key
            and not item.revisit
            and (item.canon in self._seen or self._stored_elsewhere(item.canon))
        ):
            raise Drop("duplicate", f"same as {item.canon}")
        self._seen.add(item.canon)
        return item

    def drop_same_text(self, item: Scraped) -> Scraped:
        twin = self.state.url_with_hash(item.digest, item.canon)
        if twin:
            raise Drop("duplicate", f"same text as {twin}")
        return item

    def drop_too_old(self, item: Scraped) -> Scraped:
        published = item.page.published
        if self.since and published and published < self.since:
            raise Drop("too-old", f"published {published}, before --since {self.since}")
        return item

    def _store(self, item: Scraped, stored: PageState | None) -> str:
        got, page = item.fetched, item.page
        source = self.source_name or source_dir_name(page.source or host_of(got.final_url))
        record = {
            "id": self.store.path_for(source, item.canon).stem,
            "url": got.final_url,
            "canonical_url": item.canon,
            "source": source,
            "fetched_at": now_iso(),
            "status": got.status,
            "title": page.title,
            "published": page.published_at,
            "author": page.author,
            "lead": page.lead,
            "text": page.text,
            "html": got.text,
            "encoding": got.encoding,
            "extractor": page.extractor,
        }
        outcome, path = self.store.put(record)
        digest = item.digest if outcome != "kept" else (stored.content_hash if stored else None)
        for url_key in {item.key, item.canon}:
            self.state.save(
                url_key,
                "stored",
                source=self.source_name,
                status=got.status,
                etag=got.headers.get("ETag"),
                last_modified=got.headers.get("Last-Modified"),
                content_hash=digest if url_key == item.canon else None,
                record=str(path),
            )
        return outcome

    def _stored_elsewhere(self, canon: str) -> bool:
        prior = self.state.page(canon)
        return prior is not None and prior.outcome == "stored" and prior.record is not None

    def _count(self, outcome: str) -> str:
        self.summary.counts[outcome] += 1
        return outcome

    def _fail(self, url: str, reason: str) -> None:
        log.warning("%s: %s", url, reason)
        self.summary.counts["failed"] += 1
        self.summary.failures.append((url, reason))
