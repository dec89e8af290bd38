"""Page metadata: ``<meta>`` tags, JSON-LD objects, the canonical link; title, date and author rules."""

from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup, Tag

from pipeline.scrape.dates import date_in_text, iso_datetime
from pipeline.scrape.htmltext import clean_line, element_text
from pipeline.scrape.sources import Selector

_TITLE_PARTS = re.compile(r"(?:^|\s+)[-|–—]\s+")
_ORG_WORDS = re.compile(
    r"https?:|www\.|\.(?:vn|com|net|org)\b|^báo\b|^tạp chí\b|^đài\b|online$|^vnexpress$", re.IGNORECASE
)
DATE_META = (
    "article:published_time",
    "pubdate",
    "datepublished",
    "og:published_time",
    "publishdate",
    "dc.date.issued",
    "date",
)


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """``<meta>`` content by lower-case property/name/itemprop (the first non-empty one wins)."""
    found: dict[str, str] = {}
    for m in soup.find_all("meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop")
        value = clean_line(str(m.get("content") or ""))
        if isinstance(key, str) and value:
            found.setdefault(key.strip().lower(), value)
    return found


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, ``@graph`` members and lists flattened; bad JSON skipped."""
    out: list[dict[str, Any]] = []

    def add(obj: Any) -> None:
        if isinstance(obj, list):
            for item in obj:
                add(item)
        elif isinstance(obj, dict):
            out.append(obj)
            if "@graph" in obj:
                add(obj["@graph"])

    for script in soup.find_all("script", type="application/ld+json"):
        try:
            add(json.loads(script.string or script.get_text() or ""))
        except (json.JSONDecodeError, TypeError):
            continue
    return out


def canonical_link(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    if isinstance(href, str) and href.strip():
        return href.strip()
    return meta.get("og:url")


def select_values(
    soup: BeautifulSoup | Tag, selectors: tuple[Selector, ...], pick: str = "first"
) -> list[str]:
    """Text (or attribute) of the matches of the first selector that matches anything non-empty."""
    for sel in selectors:
        values = []
        for el in soup.select(sel.css):
            raw = el.get(sel.attr) if sel.attr else element_text(el)
            value = clean_line(raw if isinstance(raw, str) else "")
            if value:
                values.append(value)
        if values:
            return values[-1:] if pick == "last" else values
    return []


def generic_title(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    if meta.get("og:title"):
        return meta["og:title"]
    h1 = soup.find("h1")
    if isinstance(h1, Tag) and element_text(h1):
        return element_text(h1)
    if soup.title and soup.title.string:
        head = _TITLE_PARTS.split(clean_line(soup.title.string))[0].strip()
        return head or None  # "Headline - Site"; " - Site" alone is no title
    return None


def generic_published(soup: BeautifulSoup, meta: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    for key in DATE_META:
        value = iso_datetime(meta.get(key))
        if value:
            return value
    for obj in ld:
        value = iso_datetime(obj.get("datePublished") if isinstance(obj.get("datePublished"), str) else None)
        if value:
            return value
    for el in soup.select("[itemprop=datePublished], time[datetime], time[pubdate]"):
        attr = el.get("datetime") or el.get("content")
        value = iso_datetime(attr if isinstance(attr, str) else None) or date_in_text(element_text(el))
        if value:
            return value
    for el in soup.select("[class*=date], [class*=time], [class*=publish]")[:20]:
        value = date_in_text(element_text(el))
        if value:
            return value
    return None


def is_person_name(name: str, site_names: set[str]) -> bool:
    name = name.strip()
    return (
        2 <= len(name) <= 80
        and name.lower() not in site_names
        and not _ORG_WORDS.search(name)
        and not any(ch.isdigit() for ch in name)
    )


def generic_author(meta: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    site_names = {
        v.lower() for k, v in meta.items() if k in ("og:site_name", "application-name", "publisher")
    }
    for obj in ld:
        authors = obj.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, dict) and author.get("@type") != "Organization":
                name = author.get("name")
                if isinstance(name, str) and is_person_name(name, site_names):
                    return clean_line(name)
    for key in ("author", "article:author", "dc.creator"):
        value = meta.get(key)
        if value and is_person_name(value, site_names):
            return value
    return None
