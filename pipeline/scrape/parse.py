"""Parse a saved or fetched HTML page into an article (title, date, author, body).

First version: trafilatura as the generic extractor. (Site selectors and the
article-or-listing decision come with the scrapers.)
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass(slots=True)
class ParsedPage:
    url: str | None
    title: str | None
    published: str | None
    author: str | None
    text: str
    is_article: bool
    reason: str | None = None


def parse_page(html: str, url: str | None = None) -> ParsedPage:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return ParsedPage(url, None, None, None, "", False, "no main text found")
    text = (doc.text or "").strip()
    return ParsedPage(
        url=doc.url or url,
        title=doc.title,
        published=doc.date,
        author=doc.author,
        text=text,
        is_article=bool(text),
        reason=None if text else "empty body",
    )
