"""Finding article URLs: RSS 2.0, Atom, sitemaps (and sitemap indexes), listing pages.

Feeds and sitemaps are read with a recovering XML parser (namespaces ignored), so a feed with a
stray ``&`` or a missing closing tag still yields the items before the damage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from lxml import etree

from pipeline.scrape.dates import iso_datetime
from pipeline.scrape.htmltext import clean_line
from pipeline.scrape.urls import canonical_url, is_http

# An article URL when nothing better is known: a long slug or a numeric id, ending like a page.
GENERIC_ARTICLE = re.compile(r"(?:\d{5,}|[a-z0-9]+(?:-[a-z0-9]+){3,})(?:\.[a-z]{2,5})?/?$", re.IGNORECASE)
_FEED_LINK = re.compile(r"(?:\.rss|\.xml|\.atom|/rss(?:/|$)|/feed/?$)", re.IGNORECASE)
_NOT_PAGES = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp4|mp3|zip|docx?|xlsx?|css|js)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    published: str | None = None  # ISO 8601 from the feed, when given
    title: str | None = None


@dataclass(slots=True)
class Discovered:
    kind: str  # rss | atom | sitemap | sitemapindex | html | unknown
    entries: list[Entry]  # article candidates
    feeds: list[str]  # more feeds / sitemaps to read (sitemap index members, feeds linked from HTML)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el:
        if _local(child.tag) in names and (child.text or "").strip():
            return clean_line(child.text or "")
    return None


def _xml_root(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body.lstrip(), parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def parse_xml_feed(body: bytes, base_url: str) -> Discovered | None:
    """Entries of an RSS/Atom feed or a sitemap; None when ``body`` is not one of those."""
    root = _xml_root(body)
    if root is None:
        return None
    kind = _local(root.tag)
    entries: list[Entry] = []
    feeds: list[str] = []
    if kind in ("rss", "rdf"):
        for item in root.iter():
            if _local(item.tag) != "item":
                continue
            link = _child_text(item, "link")
            guid = next((c for c in item if _local(c.tag) == "guid"), None)
            if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
                link = clean_line(guid.text or "")
            if link:
                published = _child_text(item, "pubdate", "date", "published")
                entries.append(
                    Entry(urljoin(base_url, link), iso_datetime(published), _child_text(item, "title"))
                )
        return Discovered("rss", entries, feeds)
    if kind == "feed":
        for entry in root:
            if _local(entry.tag) != "entry":
                continue
            links = [c for c in entry if _local(c.tag) == "link" and c.get("rel", "alternate") == "alternate"]
            href = links[0].get("href") if links else None
            if href:
                published = _child_text(entry, "published", "updated")
                entries.append(
                    Entry(urljoin(base_url, href), iso_datetime(published), _child_text(entry, "title"))
                )
        return Discovered("atom", entries, feeds)
    if kind in ("urlset", "sitemapindex"):
        for node in root:
            loc = _child_text(node, "loc")
            if not loc:
                continue
            if kind == "sitemapindex":
                feeds.append(urljoin(base_url, loc))
                continue
            published = None
            for sub in node.iter():
                if _local(sub.tag) in ("publication_date", "lastmod") and (sub.text or "").strip():
                    published = iso_datetime(sub.text)
                    if _local(sub.tag) == "publication_date":
                        break
            title = next((clean_line(s.text or "") for s in node.iter() if _local(s.tag) == "title"), None)
            entries.append(Entry(urljoin(base_url, loc), published, title or None))
        return Discovered("sitemap" if kind == "urlset" else "sitemapindex", entries, feeds)
    return None


def links_in_html(html: str, base_url: str, article_url: re.Pattern[str] | None = None) -> Discovered:
    """Article links (and feed links) on a listing page, same site only, in page order."""
    soup = BeautifulSoup(html, "lxml")
    host = (urlsplit(base_url).hostname or "").lower()
    entries: dict[str, Entry] = {}
    feeds: dict[str, None] = {}
    for link in soup.find_all("link", type=re.compile("rss|atom", re.I), href=True):
        feeds[urljoin(base_url, str(link["href"]))] = None
    for a in soup.find_all("a", href=True):
        url = urljoin(base_url, str(a["href"]).strip())
        parts = urlsplit(url)
        if not is_http(url) or (parts.hostname or "").lower() not in (
            host,
            "www." + host,
            host.removeprefix("www."),
        ):
            continue
        if _FEED_LINK.search(parts.path):
            feeds[url] = None
            continue
        if _NOT_PAGES.search(parts.path):
            continue
        pattern_ok = article_url.search(url) if article_url else GENERIC_ARTICLE.search(parts.path)
        if pattern_ok:
            key = canonical_url(url)
            entries.setdefault(key, Entry(key, None, clean_line(a.get_text(" ")) or None))
    return Discovered("html", list(entries.values()), list(feeds))


def discover(body: bytes, text: str, url: str, article_url: re.Pattern[str] | None = None) -> Discovered:
    """What a feed, sitemap or listing page points at."""
    head = body[:512].lstrip().lower()
    looks_html = head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
    if not looks_html:
        found = parse_xml_feed(body, url)
        if found is not None:
            if article_url is not None:
                found.entries = [e for e in found.entries if article_url.search(e.url)]
            return found
    return links_in_html(text, url, article_url)
