"""The source registry: which sites to crawl, how to find their articles, how to read their pages.

Data lives in ``sources.yaml`` beside this module (one entry per site), validated on load: an entry
with an unknown key, a bad URL, a regex or CSS selector that does not compile stops with one line
naming the entry and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import soupsieve
import yaml

from pipeline.scrape.urls import is_http, same_site

SOURCES_FILE = Path(__file__).with_name("sources.yaml")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_SELECTOR = re.compile(r"^(?P<css>.+?)(?:@(?P<attr>[\w:-]+))?$", re.DOTALL)
_ENTRY_KEYS = {
    "name",
    "site",
    "title",
    "home",
    "status",
    "feeds",
    "sitemaps",
    "listings",
    "article_url",
    "selectors",
    "notes",
}
_SELECTOR_KEYS = {
    "title",
    "published",
    "author",
    "lead",
    "body",
    "drop",
    "drop_text",
    "author_pick",
    "keep_captions",
}
_LISTING_KEYS = {"url", "page", "max_pages"}
STATUSES = ("active", "frozen", "legacy-tls", "unverified")


class SourcesError(ValueError):
    """A registry entry that does not validate; ``str()`` is one line."""


@dataclass(frozen=True, slots=True)
class Selector:
    """A CSS selector, optionally reading an attribute: ``meta[name=pubdate]@content``."""

    css: str
    attr: str | None = None

    @classmethod
    def parse(cls, spec: str) -> Selector:
        m = _SELECTOR.match(spec.strip())
        if not m:
            raise ValueError(f"empty selector {spec!r}")
        css, attr = m.group("css").strip(), m.group("attr")
        soupsieve.compile(css)  # raises on a bad selector
        return cls(css, attr)


@dataclass(frozen=True, slots=True)
class SiteSelectors:
    title: tuple[Selector, ...] = ()
    published: tuple[Selector, ...] = ()
    author: tuple[Selector, ...] = ()
    lead: tuple[Selector, ...] = ()
    body: tuple[Selector, ...] = ()
    drop: tuple[str, ...] = ()  # CSS of elements removed from the body (related lists, ads, captions …)
    drop_text: tuple[re.Pattern[str], ...] = ()  # body lines removed when they match
    author_pick: str = "first"  # or "last": which match is the byline
    keep_captions: bool = False  # True where the story is told in captions (tienphong photo stories)


@dataclass(frozen=True, slots=True)
class Listing:
    url: str
    page: str | None = None  # URL of page n, with "{n}"
    max_pages: int = 1

    def pages(self, limit: int | None = None) -> list[str]:
        count = self.max_pages if limit is None else min(limit, self.max_pages)
        urls = [self.url]
        if self.page:
            urls += [self.page.format(n=n) for n in range(2, count + 1)]
        return urls


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    site: str
    title: str
    home: str
    status: str = "active"
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    article_url: re.Pattern[str] | None = None
    selectors: SiteSelectors = field(default_factory=SiteSelectors)
    notes: str = ""

    def owns(self, url: str) -> bool:
        return same_site(url, self.site)

    def is_article_url(self, url: str) -> bool:
        return self.owns(url) and (self.article_url is None or bool(self.article_url.search(url)))


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SourcesError(f"{where}: want a string or a list of strings")
    return tuple(v.strip() for v in value)


def _urls(value: Any, where: str) -> tuple[str, ...]:
    urls = _strings(value, where)
    for url in urls:
        if not is_http(url.replace("{n}", "1")):
            raise SourcesError(f"{where}: not an http(s) URL: {url}")
    return urls


def _selectors(raw: Any, where: str) -> SiteSelectors:
    if raw is None:
        return SiteSelectors()
    if not isinstance(raw, dict):
        raise SourcesError(f"{where}: want a mapping")
    unknown = set(raw) - _SELECTOR_KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    parsed: dict[str, Any] = {}
    try:
        for key in ("title", "published", "author", "lead", "body"):
            parsed[key] = tuple(Selector.parse(s) for s in _strings(raw.get(key), f"{where}.{key}"))
        drop = _strings(raw.get("drop"), f"{where}.drop")
        for css in drop:
            soupsieve.compile(css)
        parsed["drop"] = drop
        parsed["drop_text"] = tuple(
            re.compile(p) for p in _strings(raw.get("drop_text"), f"{where}.drop_text")
        )
    except (soupsieve.SelectorSyntaxError, re.error, ValueError) as exc:
        if isinstance(exc, SourcesError):
            raise
        raise SourcesError(f"{where}: {str(exc).splitlines()[0]}") from None
    pick = raw.get("author_pick", "first")
    if pick not in ("first", "last"):
        raise SourcesError(f"{where}.author_pick: want first or last, not {pick!r}")
    keep = raw.get("keep_captions", False)
    if not isinstance(keep, bool):
        raise SourcesError(f"{where}.keep_captions: want true or false")
    return SiteSelectors(author_pick=pick, keep_captions=keep, **parsed)


def _listing(raw: Any, where: str) -> Listing:
    if isinstance(raw, str):
        raw = {"url": raw}
    if not isinstance(raw, dict) or "url" not in raw:
        raise SourcesError(f"{where}: want a URL or a mapping with url, page, max_pages")
    unknown = set(raw) - _LISTING_KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    (url,) = _urls(raw["url"], f"{where}.url")
    page = _urls(raw.get("page"), f"{where}.page")
    if page and "{n}" not in page[0]:
        raise SourcesError(f"{where}.page: must contain {{n}} (the page number)")
    max_pages = raw.get("max_pages", 1)
    if not isinstance(max_pages, int) or max_pages < 1:
        raise SourcesError(f"{where}.max_pages: want a positive integer")
    return Listing(url, page[0] if page else None, max_pages)


def source_from_entry(raw: Any, index: int) -> Source:
    where = f"sources entry {index + 1}"
    if not isinstance(raw, dict):
        raise SourcesError(f"{where}: want a mapping")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SourcesError(f"{where}: 'name' must be a lower-case slug")
    where = f"source {name!r}"
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("site", "title", "home"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise SourcesError(f"{where}: missing '{key}'")
    (home,) = _urls(raw["home"], f"{where}.home")
    status = raw.get("status", "active")
    if status not in STATUSES:
        raise SourcesError(f"{where}.status: want one of {', '.join(STATUSES)}")
    listings = raw.get("listings") or []
    if not isinstance(listings, list):
        raise SourcesError(f"{where}.listings: want a list")
    pattern = raw.get("article_url")
    try:
        article_url = re.compile(pattern) if pattern else None
    except re.error as exc:
        raise SourcesError(f"{where}.article_url: {exc}") from None
    source = Source(
        name=name,
        site=raw["site"].strip().lower(),
        title=raw["title"].strip(),
        home=home,
        status=status,
        feeds=_urls(raw.get("feeds"), f"{where}.feeds"),
        sitemaps=_urls(raw.get("sitemaps"), f"{where}.sitemaps"),
        listings=tuple(_listing(item, f"{where}.listings[{i}]") for i, item in enumerate(listings)),
        article_url=article_url,
        selectors=_selectors(raw.get("selectors"), f"{where}.selectors"),
        notes=str(raw.get("notes") or "").strip(),
    )
    if not (source.feeds or source.sitemaps or source.listings):
        raise SourcesError(f"{where}: no way to discover articles (feeds, sitemaps or listings)")
    for url in (*source.feeds, *source.sitemaps, *(lst.url for lst in source.listings)):
        if not source.owns(url):
            raise SourcesError(f"{where}: {url} is not on {source.site}")
    return source


def parse_sources(text: str, origin: str = "sources") -> dict[str, Source]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SourcesError(f"{origin}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(raw, list) or not raw:
        raise SourcesError(f"{origin}: want a non-empty list of source entries")
    sources: dict[str, Source] = {}
    for i, entry in enumerate(raw):
        source = source_from_entry(entry, i)
        if source.name in sources:
            raise SourcesError(f"{origin}: source {source.name!r} is listed twice")
        sources[source.name] = source
    return sources


def load_sources(path: Path | None = None) -> dict[str, Source]:
    """All sources by name (the bundled registry unless ``path`` is given)."""
    if path is None:
        return _bundled()
    return parse_sources(path.read_text(encoding="utf-8"), str(path))


@cache
def _bundled() -> dict[str, Source]:
    return parse_sources(SOURCES_FILE.read_text(encoding="utf-8"), SOURCES_FILE.name)


def source_for_url(url: str | None, sources: dict[str, Source] | None = None) -> Source | None:
    """The registered source whose site hosts ``url`` (the most specific one), else None."""
    if not url:
        return None
    matches = [s for s in (sources or load_sources()).values() if s.owns(url)]
    return max(matches, key=lambda s: len(s.site)) if matches else None
