"""Article or listing? Decided before extracting, because generic extractors return confident wrong
titles and dates on category pages, home pages and portal front pages.

An article has article metadata (``article:published_time``, ``pubdate``, a JSON-LD ``NewsArticle``
with ``datePublished``, ``itemprop=articleBody``) or one block of running text that outweighs its
headline links; a listing has many headline links (or repeated ``<article>`` teasers) and little text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Tag

from pipeline.scrape.htmltext import clean_line

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "ReviewNewsArticle",
        "OpinionNewsArticle",
    }
)
MIN_PARAGRAPH = 40  # characters of own (non-link) text for a <p> to count as running text
MIN_ARTICLE_TEXT = 400  # the largest block of running text on an article without metadata
LONG_ARTICLE_TEXT = 1500  # this much running text in one block is an article, whatever the sidebars hold
TEXT_PER_HEADLINE = 120  # a short article's text block outweighs its headline links by this much each
TEASER_HEADINGS = 3  # linked headings inside the text block: its paragraphs are teasers, not a story


@dataclass(frozen=True, slots=True)
class PageShape:
    article_meta: bool
    text_block: int  # characters in the largest group of sibling paragraphs
    headlines: int  # distinct links that read like headlines, plus <article> teasers
    block_headlines: int = 0  # headings with a link inside the largest text block

    @property
    def kind(self) -> str:
        if self.article_meta:
            return "article"
        if self.block_headlines >= TEASER_HEADINGS:
            return "listing"
        if self.text_block >= LONG_ARTICLE_TEXT:
            return "article"
        if self.text_block >= MIN_ARTICLE_TEXT and self.text_block >= TEXT_PER_HEADLINE * self.headlines:
            return "article"
        if self.headlines >= 3:
            return "listing"
        return "article" if self.text_block >= MIN_ARTICLE_TEXT else "empty"

    def reason(self) -> str:
        return (
            f"listing page: {self.headlines} headline links, largest text block {self.text_block} chars"
            f"{f' under {self.block_headlines} linked headings' if self.block_headlines else ''}, "
            "no article metadata"
        )


def has_article_meta(meta: dict[str, str], json_ld: list[dict[str, Any]], soup: BeautifulSoup) -> bool:
    if meta.get("article:published_time") or meta.get("pubdate") or meta.get("datepublished"):
        return True
    for obj in json_ld:
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(t in ARTICLE_TYPES for t in types) and obj.get("datePublished"):
            return True
    return bool(soup.select_one("[itemprop=articleBody]"))


def largest_text_block(soup: BeautifulSoup) -> tuple[int, Tag | None]:
    """Characters of running text in the largest group of sibling paragraphs, and their parent."""
    groups: dict[int, int] = defaultdict(int)
    parents: dict[int, Tag] = {}
    for p in soup.find_all("p"):
        text = len(clean_line(p.get_text(" ")))
        links = sum(len(clean_line(a.get_text(" "))) for a in p.find_all("a"))
        own = text - links
        if own >= MIN_PARAGRAPH and p.parent is not None:
            groups[id(p.parent)] += own
            parents[id(p.parent)] = p.parent
    if not groups:
        return 0, None
    best = max(groups, key=lambda k: groups[k])
    return groups[best], parents[best]


def linked_headings(block: Tag | None) -> int:
    if block is None:
        return 0
    return sum(1 for h in block.find_all(["h2", "h3", "h4"]) if h.find("a", href=True))


def headline_count(soup: BeautifulSoup) -> int:
    hrefs = set()
    for a in soup.find_all("a", href=True):
        href = str(a.get("href") or "").strip()
        if (
            href
            and not href.startswith(("#", "javascript:"))
            and len(clean_line(a.get_text(" ")).split()) >= 5
        ):
            hrefs.add(href)
    teasers = sum(1 for art in soup.find_all("article") if art.find(["h2", "h3", "h4"]))
    return max(len(hrefs), teasers if teasers >= 3 else 0)


def page_shape(soup: BeautifulSoup, meta: dict[str, str], json_ld: list[dict[str, Any]]) -> PageShape:
    text_block, block = largest_text_block(soup)
    return PageShape(
        has_article_meta(meta, json_ld, soup), text_block, headline_count(soup), linked_headings(block)
    )
