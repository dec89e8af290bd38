"""The parser on the real saved pages in ../shared/fixtures/html (skipped when absent).

Ground truth (title, published, byline) is read from the fixtures' own SOURCES.md table at test
time, so no article text is copied into this repository. The pages are also served by a local HTTP
server under their sites' URL paths, with an RSS feed and a listing page written here, and crawled.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.scrape.parse import parse_page
from tests.pipeline.scrape.localnews import STORIES, article_html, listing_html, rss_feed

LISTINGS = (
    "dantri__the-gioi",
    "dantri__kinh-doanh",
    "e-vnexpress__homepage",
    "sotttt-hanoi-gov__trang-chu",
    "sotttt-hanoi-gov__cong-nghe-thong-tin",
    "sotttt-hanoi-gov__chi-dao-dieu-hanh",
)
ARTICLES = (
    "vnexpress…4954454",
    "vnexpress…4672302",
    "baotintuc…20260716171712046",
    "tienphong…1874068",
    "vietnamplus…1125344",
)


def ground_truth(fixtures: Path) -> dict[str, dict[str, str | None]]:
    """Rows of SOURCES.md's "Ground truth" table: key -> file, title, published, author."""
    text = (fixtures / "SOURCES.md").read_text(encoding="utf-8")
    section = text.split("## Ground truth", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or "…" not in cells[0]:
            continue
        site, ident = cells[0].split("…")
        (path,) = [p for p in fixtures.glob(f"{site}__*{ident}.html")]
        author = None if cells[3].startswith("none named") else cells[3]
        rows[cells[0]] = {
            "file": path.name,
            "title": cells[1],
            "published": cells[2].split()[0],
            "author": author,
        }
    return rows


@pytest.fixture(scope="module")
def truth(fixtures_html: Path) -> dict[str, dict[str, str | None]]:
    rows = ground_truth(fixtures_html)
    assert set(rows) == set(ARTICLES)
    return rows


def page_of(fixtures: Path, name: str) -> str:
    return (fixtures / name).read_text(encoding="utf-8")


def boilerplate_lines(html: str) -> list[str]:
    """Text of related-article boxes on the page: none of it may end up in the body."""
    soup = BeautifulSoup(html, "lxml")
    lines = []
    for el in soup.select("[class*=relate], .box-tinlienquanv2"):
        lines += [ln.strip() for ln in el.get_text("\n").splitlines() if len(ln.strip()) >= 25]
    return lines


@pytest.mark.parametrize("key", ARTICLES)
def test_parse_page_real_article_matches_ground_truth(fixtures_html: Path, truth, key: str) -> None:
    row = truth[key]
    html = page_of(fixtures_html, str(row["file"]))
    page = parse_page(html)
    assert page.is_article and page.kind == "article" and page.reason is None
    assert page.title == row["title"]
    assert page.published_at == row["published"]
    assert page.published == str(row["published"])[:10]
    assert page.author == row["author"]
    assert page.extractor == "site"
    assert len(page.text) >= 500
    lines = page.text.splitlines()
    assert row["author"] is None or lines[-1] != row["author"]  # byline is not body text
    for junk in boilerplate_lines(html):
        assert junk not in page.text
    assert page.canonical_url and page.canonical_url.startswith("https://")


def test_parse_page_vnexpress_body_matches_fundus_paragraphs(fixtures_html: Path) -> None:
    name = "vnexpress__dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454"
    expected = json.loads((fixtures_html / f"{name}.expected.json").read_text(encoding="utf-8"))["V1"]
    page = parse_page(page_of(fixtures_html, f"{name}.html"))
    paragraphs = [p for s in expected["body"]["sections"] for p in s["paragraphs"]]
    captions = [p for p in paragraphs if "Ảnh:" in p]
    assert page.text.splitlines()[0] == expected["body"]["summary"][0]  # the lead comes first
    for para in paragraphs:
        assert (para in page.text) is (para not in captions)


@pytest.mark.parametrize("stem", LISTINGS)
def test_parse_page_real_listing_is_detected(fixtures_html: Path, stem: str) -> None:
    (path,) = fixtures_html.glob(f"{stem}*.html")
    page = parse_page(path.read_text(encoding="utf-8"))
    assert not page.is_article and page.kind == "listing"
    assert page.reason and page.reason.startswith("listing page")
    assert page.title is None and page.published is None and page.text == ""


def test_scrape_real_pages_served_under_their_paths(
    fixtures_html: Path, truth, site, route, tmp_path: Path
) -> None:
    served = {}
    for row in truth.values():
        html = page_of(fixtures_html, str(row["file"]))
        canonical = BeautifulSoup(html, "lxml").find("link", rel="canonical")["href"]
        path = re.sub(r"^https?://[^/]+", "", canonical)
        site.routes[path] = route(html)
        served[path] = row
    listing_path = "/the-gioi.htm"
    listing = (fixtures_html / "dantri__the-gioi-category.html").read_text(encoding="utf-8")
    site.routes[listing_path] = route(listing)
    site.routes["/tin-moi.htm"] = route(listing_html([(p, str(r["title"])) for p, r in served.items()]))
    items = [(p, str(r["title"]), "Thu, 16 Jul 2026 17:17:00 +0700") for p, r in served.items()]
    items.append((listing_path, "Thế giới", "Thu, 16 Jul 2026 17:17:00 +0700"))
    site.routes["/rss.xml"] = route(rss_feed(site.url(""), items), content_type="application/rss+xml")

    result = CliRunner().invoke(
        cli,
        ["scrape", "--feed", site.url("/rss.xml"), "--out", str(tmp_path), "--delay", "0", "--no-progress"],
    )
    assert result.exit_code == 0, result.stderr
    assert "new 5" in result.stderr and "not articles 1" in result.stderr
    recs = [json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.rglob("*.json")]
    by_path = {re.sub(r"^https?://[^/]+", "", r["canonical_url"]): r for r in recs}
    assert set(by_path) == set(served)
    for path, row in served.items():
        rec = by_path[path]
        assert (rec["title"], rec["published"], rec["author"]) == (
            row["title"],
            row["published"],
            row["author"],
        )
        assert rec["url"] == site.url(path)
    assert {r["source"] for r in recs} == {"vnexpress", "baotintuc", "tienphong", "vietnamplus"}

    one = CliRunner().invoke(
        cli,
        [
            "scrape",
            "--url",
            site.url("/tin-moi.htm"),
            "--out",
            str(tmp_path),
            "--delay",
            "0",
            "--no-progress",
        ],
    )
    assert one.exit_code == 1 and "listing page" in one.stderr


def test_parse_page_site_drop_text_applies_to_generic_body() -> None:
    story = STORIES[1]
    closing = (
        "Bạn đang đọc bài viết Vĩnh Yên mở rộng trường học tại chuyên mục Giáo dục "
        "của Báo Văn hóa và Phát triển."
    )
    html = article_html(story).replace("</div>\n</article>", f"<p>{closing}</p></div>\n</article>")
    assert closing in html
    page = parse_page(html, "https://vanhoavaphattrien.vn/vinh-yen-mo-rong-truong-hoc-a10002.html")
    assert page.source == "vanhoavaphattrien" and page.extractor == "trafilatura"
    assert page.text.splitlines() == list(story.paragraphs)
    elsewhere = parse_page(html, "https://bao.example.vn/vinh-yen-mo-rong-truong-hoc-10002.htm")
    assert elsewhere.text.splitlines()[-1] == closing


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda html: html.replace("<p>", "<p hidden>").split('<div class="content">')[0], "no article body"),
        (lambda html: "<html><body></body></html>", "no article body (0 chars"),
    ],
    ids=["cut-off", "empty"],
)
def test_parse_page_no_body_gives_reason(change, reason: str) -> None:
    page = parse_page(change(article_html(STORIES[0])), "https://bao.example.vn/a-10001.htm")
    assert not page.is_article
    assert page.reason is not None and page.reason.startswith(reason)


def test_parse_page_without_date_meta_reads_page_text() -> None:
    story = STORIES[2]
    page = parse_page(article_html(story, meta_date=False), "https://bao.example.vn" + story.path)
    assert page.is_article
    assert page.published_at == story.published[:16] + ":00+07:00"
    assert page.title == story.title and page.author == story.author
