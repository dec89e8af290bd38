"""The source registry: the bundled sites, validation errors, ``vnnews sources``, a SOURCE crawl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.scrape.sources import SourcesError, load_sources, parse_sources, source_for_url
from tests.pipeline.scrape.localnews import STORIES, article_html, listing_html

REQUIRED_SITES = (
    "baophutho.vn",
    "baovinhphuc.com.vn",
    "vinhphuc.gov.vn",
    "vanhoavaphattrien.vn",
    "nhandan.vn",
    "baotintuc.vn",
    "vietnamplus.vn",
    "dangcongsan.vn",
    "vnexpress.net",
    "tienphong.vn",
)


def test_sources_bundled_registry_has_every_site() -> None:
    sources = load_sources()
    assert {s.site for s in sources.values()} >= set(REQUIRED_SITES)
    for src in sources.values():
        assert src.feeds or src.sitemaps or src.listings


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://vnexpress.net/abc-4954454.html", "vnexpress"),
        ("https://www.vietnamplus.vn/x-post1.vnp", "vietnamplus"),
        ("https://phuongnam.vanhoavaphattrien.vn/a-a1.html", "vanhoavaphattrien"),
        ("https://example.com/a.html", None),
        (None, None),
    ],
)
def test_sources_source_for_url(url: str | None, name: str | None) -> None:
    src = source_for_url(url)
    assert (src.name if src else None) == name


@pytest.mark.parametrize(
    ("value", "path"),
    [("https://vnexpress.net/a-4954454.html", True), ("https://vnexpress.net/thoi-su", False)],
)
def test_sources_article_url_pattern(value: str, path: bool) -> None:
    assert load_sources()["vnexpress"].is_article_url(value) is path


GOOD = {
    "name": "demo",
    "site": "demo.vn",
    "title": "Demo",
    "home": "https://demo.vn/",
    "feeds": ["https://demo.vn/rss.xml"],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "source 'demo': unknown key(s) colour"),
        ({"name": "Demo Site"}, "sources entry 1: 'name' must be a lower-case slug"),
        ({"home": "demo.vn"}, "source 'demo'.home: not an http(s) URL: demo.vn"),
        ({"feeds": ["https://other.vn/rss"]}, "source 'demo': https://other.vn/rss is not on demo.vn"),
        ({"feeds": []}, "source 'demo': no way to discover articles (feeds, sitemaps or listings)"),
        ({"article_url": "(unclosed"}, "source 'demo'.article_url: missing ), unterminated subpattern"),
        ({"selectors": {"title": ["h1..x"]}}, "source 'demo'.selectors: "),
        ({"selectors": {"tilte": ["h1"]}}, "source 'demo'.selectors: unknown key(s) tilte"),
        ({"selectors": {"author_pick": "middle"}}, "source 'demo'.selectors.author_pick: want first or last"),
        (
            {"listings": [{"url": "https://demo.vn/c", "page": "https://demo.vn/c/2"}]},
            "source 'demo'.listings[0].page: must contain {n}",
        ),
        ({"status": "sleeping"}, "source 'demo'.status: want one of"),
    ],
)
def test_sources_validation_names_entry_and_field(change: dict, message: str) -> None:
    with pytest.raises(SourcesError) as err:
        parse_sources(yaml.safe_dump([{**GOOD, **change}], allow_unicode=True))
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_sources_duplicate_name_rejected() -> None:
    with pytest.raises(SourcesError, match="listed twice"):
        parse_sources(yaml.safe_dump([GOOD, GOOD]))


def test_sources_command_lists_every_site() -> None:
    result = CliRunner().invoke(cli, ["sources"])
    assert result.exit_code == 0
    for site in REQUIRED_SITES:
        assert site in result.stdout
    as_json = CliRunner().invoke(cli, ["sources", "--json"])
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert {r["name"] for r in rows} == set(load_sources())


def test_sources_command_bad_file_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("- name: x\n  site: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["sources", "--sources", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith("vnnews: error: source registry: ") and result.stderr.count("\n") == 1


def test_scrape_source_walks_paginated_listings(site, route, tmp_path: Path) -> None:
    links = [(s.path, s.title) for s in STORIES]
    site.routes["/kinh-te"] = route(listing_html(links[:2], next_page="/kinh-te?page=2"))
    site.routes["/kinh-te?page=2"] = route(listing_html(links[2:]))
    site.routes["/kinh-te?page=3"] = route(listing_html(links[2:]))  # nothing new: paging stops here
    for story in STORIES:
        site.routes[story.path] = route(article_html(story))
    registry = tmp_path / "sources.yaml"
    base = site.url("")
    registry.write_text(
        yaml.safe_dump(
            [
                {
                    "name": "local",
                    "site": "127.0.0.1",
                    "title": "Báo Thử Nghiệm",
                    "home": base + "/",
                    "listings": [
                        {"url": base + "/kinh-te", "page": base + "/kinh-te?page={n}", "max_pages": 5}
                    ],
                    "article_url": r"-\d{5}\.htm$",
                    "selectors": {
                        "title": ["article h1"],
                        "body": ["div.content"],
                        "author": ["meta[name=author]@content"],
                    },
                }
            ],
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    out = tmp_path / "raw"
    result = CliRunner().invoke(
        cli,
        ["scrape", "local", "--sources", str(registry), "--out", str(out), "--delay", "0", "--no-progress"],
    )
    assert result.exit_code == 0, result.stderr
    recs = [json.loads(p.read_text(encoding="utf-8")) for p in (out / "local").glob("*.json")]
    assert sorted(r["title"] for r in recs) == sorted(s.title for s in STORIES)
    assert all(r["source"] == "local" for r in recs)
    assert [p for p in site.paths() if p.split("?")[0] == "/kinh-te"] == [
        "/kinh-te",
        "/kinh-te?page=2",
        "/kinh-te?page=3",
    ]
    assert all(
        r["text"].splitlines()[0] == next(s.paragraphs[0] for s in STORIES if s.title == r["title"])
        for r in recs
    )
