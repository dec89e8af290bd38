"""Discovery: RSS, Atom, sitemaps, sitemap indexes, damaged feeds, listing pages."""

from __future__ import annotations

import re

import pytest

from pipeline.scrape.discover import discover

BASE = "https://bao.example.vn/rss.xml"


def found(body: str, pattern: str | None = None) -> tuple[str, list[tuple[str, str | None]], list[str]]:
    d = discover(body.encode("utf-8"), body, BASE, re.compile(pattern) if pattern else None)
    return d.kind, [(e.url, e.published) for e in d.entries], d.feeds


@pytest.mark.parametrize(
    ("body", "kind", "entries"),
    [
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Tin A</title>'
            "<link>https://bao.example.vn/tin-a-10001.htm</link>"
            "<pubDate>Sun, 12 Oct 2025 07:05:00 +0700</pubDate>"
            "</item><item><guid>https://bao.example.vn/tin-b-10002.htm</guid></item></channel></rss>",
            "rss",
            [
                ("https://bao.example.vn/tin-a-10001.htm", "2025-10-12T07:05:00+07:00"),
                ("https://bao.example.vn/tin-b-10002.htm", None),
            ],
        ),
        (
            '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>'
            '<link rel="alternate" href="/tin-a-10001.htm"/>'
            "<published>2025-10-12T07:05:00+07:00</published></entry>"
            "</feed>",
            "atom",
            [("https://bao.example.vn/tin-a-10001.htm", "2025-10-12T07:05:00+07:00")],
        ),
        (
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://bao.example.vn/a-1.htm</loc>'
            "<lastmod>2025-10-13</lastmod><news:news><news:publication_date>2025-10-12T07:05:00+07:00"
            "</news:publication_date></news:news></url></urlset>",
            "sitemap",
            [("https://bao.example.vn/a-1.htm", "2025-10-12T07:05:00+07:00")],
        ),
        (  # damaged: a bare "&" and no closing tags; the first item still comes out
            '<?xml version="1.0"?><rss><channel><item><title>Giá lúa & ngô</title>'
            "<link>https://bao.example.vn/gia-lua-10003.htm</link></item><item><title>Cắt",
            "rss",
            [("https://bao.example.vn/gia-lua-10003.htm", None)],
        ),
    ],
    ids=["rss", "atom", "news-sitemap", "damaged-rss"],
)
def test_discover_feed_entries(body: str, kind: str, entries: list) -> None:
    got_kind, got, _ = found(body)
    assert got_kind == kind
    assert got == entries


def test_discover_sitemap_index_lists_sitemaps() -> None:
    body = (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sm-2025-10.xml</loc>'
        "</sitemap><sitemap><loc>https://bao.example.vn/sm-2025-09.xml</loc></sitemap></sitemapindex>"
    )
    kind, entries, feeds = found(body)
    assert kind == "sitemapindex" and entries == []
    assert feeds == ["https://bao.example.vn/sm-2025-10.xml", "https://bao.example.vn/sm-2025-09.xml"]


def test_discover_listing_links_same_site_article_pattern() -> None:
    body = """<html><head><link rel="alternate" type="application/rss+xml" href="/rss/kinh-te.rss"></head>
    <body>
    <a href="/kinh-te/tin-mot-10001.htm?utm_source=fb">Tin một</a>
    <a href="/kinh-te/tin-mot-10001.htm">Tin một (lặp)</a>
    <a href="https://other.vn/tin-hai-10002.htm">Trang khác</a>
    <a href="/anh/hinh-10003.jpg">Ảnh</a>
    <a href="/gioi-thieu">Giới thiệu</a>
    <a href="/rss/xa-hoi.rss">RSS</a></body></html>"""
    kind, entries, feeds = found(body, r"-\d{5}\.htm")
    assert kind == "html"
    assert entries == [("https://bao.example.vn/kinh-te/tin-mot-10001.htm", None)]
    assert feeds == ["https://bao.example.vn/rss/kinh-te.rss", "https://bao.example.vn/rss/xa-hoi.rss"]


def test_discover_feed_filtered_by_article_pattern() -> None:
    body = (
        "<rss><channel><item><link>https://bao.example.vn/video/clip</link></item>"
        "<item><link>https://bao.example.vn/tin-10001.htm</link></item></channel></rss>"
    )
    assert found(body, r"-\d{5}\.htm$")[1] == [("https://bao.example.vn/tin-10001.htm", None)]
