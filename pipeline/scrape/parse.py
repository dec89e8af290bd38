"""Parse a saved or fetched HTML page into an article (title, date, author, body) or say why not.

Order: decide article or listing first (:mod:`pipeline.scrape.classify`); then the site's selectors
from the source registry (title, date, author, lead, body, elements to drop); then the generic rules
(meta tags, JSON-LD, page text) and trafilatura for whatever the selectors did not give.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura
from bs4 import BeautifulSoup, Tag

from pipeline.scrape.classify import page_shape
from pipeline.scrape.dates import date_in_text, iso_datetime
from pipeline.scrape.htmltext import block_lines, soup_of
from pipeline.scrape.metadata import (
    canonical_link,
    generic_author,
    generic_published,
    generic_title,
    json_ld,
    meta_tags,
    select_values,
)
from pipeline.scrape.sources import SiteSelectors, Source, source_for_url
from pipeline.scrape.urls import canonical_url, is_http

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its "empty tree" errors are our `reason`
MIN_BODY = 150  # characters: less is a stub, a video player or an error page
# Never body text, on any site: related-article lists, comments, share bars, ads, scripts.
ALWAYS_DROP = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "aside",
    "[class*=relate]",
    "[class*=comment]",
    "[id*=comment]",
    "[class*=share]",
    "[class*=social]",
    "[class*=banner]",
    "[class*=advert]",
    "[class*=sda_]",
    "[class*=tags]",
)
CAPTIONS = ("figcaption", ".caption", "[class*=caption]", ".Image", "p.Image")


@dataclass(slots=True)
class ParsedPage:
    url: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD (the contract's date)
    author: str | None
    text: str
    is_article: bool
    reason: str | None = None  # why there is no article body, when there is none
    published_at: str | None = None  # full ISO 8601 with time and zone when the page gives them
    canonical_url: str | None = None
    kind: str = "article"  # article | listing | empty
    lead: str | None = None
    source: str | None = None  # registry name of the site whose selectors were used
    extractor: str = "generic"  # "site" when the site's body selector gave the text, else trafilatura/generic


def _body_lines(soup: BeautifulSoup, sel: SiteSelectors) -> list[str]:
    for spec in sel.body:
        bodies = [el for el in soup.select(spec.css) if isinstance(el, Tag)]
        if not bodies:
            continue
        drops = (*ALWAYS_DROP, *sel.drop, *(() if sel.keep_captions else CAPTIONS))
        lines: list[str] = []
        for body in bodies:
            for css in drops:
                for el in body.select(css):
                    el.decompose()
            lines += block_lines(body)
        lines = [ln for ln in lines if not any(p.search(ln) for p in sel.drop_text)]
        if lines:
            return lines
    return []


def _trafilatura_text(html: str, url: str | None) -> str:
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=True, include_images=False
    )
    return (text or "").strip()


def _with_lead(lead: str | None, lines: list[str]) -> list[str]:
    if lead and not (lines and (lines[0] == lead or lines[0].startswith(lead[:80]))):
        return [lead, *lines]
    return lines


def _without_heading(lines: list[str], title: str | None) -> list[str]:
    """Generic extractors keep the headline and the date line above the body; drop them."""
    while lines and ((title and lines[0].strip() == title) or date_line(lines[0])):
        lines = lines[1:]
    return lines


def date_line(line: str) -> bool:
    found = date_in_text(line)
    return found is not None and len(line) < 60 and not any(ch.isalpha() and ch.islower() for ch in line[:1])


def _without_byline(lines: list[str], author: str | None) -> list[str]:
    if author and lines and lines[-1].strip(" .()-–") in (author, author.split(" (")[0]):
        return lines[:-1]
    return lines


def parse_page(html: str, url: str | None = None, source: Source | None = None) -> ParsedPage:
    """The article in ``html`` (fetched from ``url`` when known), using ``source``'s selectors if given."""
    soup = soup_of(html)
    meta = meta_tags(soup)
    ld = json_ld(soup)
    canonical = canonical_link(soup, meta)
    base = url or (canonical if canonical and is_http(canonical) else None)
    canonical = (
        canonical_url(canonical, base) if canonical and base else (canonical_url(url) if url else None)
    )
    if canonical and not is_http(canonical):
        canonical = canonical_url(url) if url else None
    source = source or source_for_url(url) or source_for_url(canonical)
    sel = source.selectors if source else SiteSelectors()
    page = ParsedPage(
        url=url or canonical,
        title=None,
        published=None,
        author=None,
        text="",
        is_article=False,
        canonical_url=canonical,
        source=source.name if source else None,
    )

    titles = select_values(soup, sel.title)
    authors = select_values(soup, sel.author, sel.author_pick)
    dates = select_values(soup, sel.published)
    leads = select_values(soup, sel.lead)
    lines = _body_lines(soup, sel) if sel.body else []  # (decomposes dropped elements from the body)
    site_body = bool(lines) and sum(map(len, lines)) >= MIN_BODY
    if not site_body:
        shape = page_shape(soup, meta, ld)
        page.kind = shape.kind
        if shape.kind == "listing":
            page.reason = shape.reason()
            return page

    page.title = titles[0] if titles else generic_title(soup, meta)
    page.published_at = next((d for d in (iso_datetime(v) or date_in_text(v) for v in dates) if d), None)
    page.published_at = page.published_at or generic_published(soup, meta, ld)
    if sel.author:
        page.author = authors[0] if authors else None  # the site's meta/JSON-LD author is the publisher
    else:
        page.author = generic_author(meta, ld)
    page.lead = leads[0] if leads else None

    if site_body:
        page.extractor = "site"
        text = "\n".join(_without_byline(_with_lead(page.lead, lines), page.author))
    else:
        text = _trafilatura_text(html, url)
        page.extractor = "trafilatura"
        if text:
            lines = _without_heading(text.splitlines(), page.title)
            lines = [ln for ln in lines if not any(p.search(ln) for p in sel.drop_text)]
            text = "\n".join(_without_byline(_with_lead(page.lead, lines), page.author))
        if not page.published_at:
            doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, only_with_metadata=False)
            page.published_at = iso_datetime(getattr(doc, "date", None)) if doc is not None else None
    page.text = text.strip()
    page.published = page.published_at[:10] if page.published_at else None
    if len(page.text) < MIN_BODY:
        page.kind = "empty" if page.kind == "article" else page.kind
        page.reason = (
            f"no article body ({len(page.text)} chars of text; "
            f"{'site selectors and ' if sel.body else ''}trafilatura found no main text)"
        )
        return page
    page.is_article, page.kind = True, "article"
    return page
