"""``vnnews scrape`` end to end against a local site: records, re-runs, faults, robots, resume."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.scrape.state import STATE_FILE
from tests.pipeline.scrape.localnews import STORIES, article_html, feed_items, listing_html, rss_feed

FAST = ["--delay", "0", "--timeout", "2", "--retries", "1", "--backoff", "0.1", "--no-progress"]


def serve_news(site, route, *, etag: bool = False) -> None:
    for n, story in enumerate(STORIES):
        site.routes[story.path] = route(article_html(story), etag=f'"a{n}"' if etag else None)
    site.routes["/rss.xml"] = route(rss_feed(site.url(""), feed_items()), content_type="application/rss+xml")


def scrape(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["scrape", *args])
    return result.exit_code, result.stdout, result.stderr


def records(out: Path) -> dict[str, dict]:
    recs = {}
    for path in sorted(out.rglob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        recs[rec["url"]] = rec
    return recs


def test_scrape_feed_writes_one_correct_record_per_article(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code == 0, err
    recs = records(tmp_path)
    assert sorted(recs) == sorted(site.url(s.path) for s in STORIES)
    for story in STORIES:
        rec = recs[site.url(story.path)]
        assert rec["title"] == story.title
        assert rec["published"] == story.published
        assert rec["author"] == story.author
        assert rec["text"].splitlines() == list(story.paragraphs)
        assert rec["status"] == 200 and rec["canonical_url"] == site.url(story.path)
        assert rec["source"] == f"127.0.0.1_{site.port}" and story.title in rec["html"]
        assert rec["fetched_at"].endswith("+00:00")
        assert (tmp_path / rec["source"] / f"{rec['id']}.json").exists()
    assert "new 3" in err and "failed 0" in err


def test_scrape_output_is_read_by_extract(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    assert scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)[0] == 0
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objs) == 3
    assert {o["title"] for o in objs} == {s.title for s in STORIES}
    assert {o["published"] for o in objs} == {s.published[:10] for s in STORIES}


@pytest.mark.parametrize("runs", [2, 3], ids=["second-run", "third-run-keeps-validators"])
def test_scrape_later_runs_use_conditional_get(site, route, tmp_path: Path, runs: int) -> None:
    serve_news(site, route, etag=True)
    assert scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)[0] == 0
    mtimes = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.json")}
    for _ in range(runs - 1):
        before = len(site.log)
        code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
        assert code == 0, err
    article_hits = [h for h in site.log[before:] if h.path in {s.path for s in STORIES}]
    assert len(article_hits) == 3
    assert all(h.headers.get("If-None-Match") and h.status == 304 for h in article_hits)
    assert "unchanged 3" in err and "new 0" in err
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.json")} == mtimes


def test_scrape_changed_article_is_updated_on_revisit(site, route, tmp_path: Path) -> None:
    serve_news(site, route, etag=True)
    assert scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)[0] == 0
    story = STORIES[0]
    fixed = story.paragraphs[0].replace("75 ha", "76 ha")
    site.routes[story.path] = route(article_html(story).replace(story.paragraphs[0], fixed), etag='"a0-v2"')
    code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code == 0, err
    assert "updated 1" in err and "unchanged 2" in err
    assert records(tmp_path)[site.url(story.path)]["text"].splitlines()[0] == fixed


def test_scrape_feed_unchanged_fetches_nothing_more(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    site.routes["/rss.xml"] = route(rss_feed(site.url(""), feed_items()), etag='"feed1"')
    assert scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)[0] == 0
    first = len(site.log)
    assert scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)[0] == 0
    assert [(h.path, h.status) for h in site.log[first:]] == [("/robots.txt", 404), ("/rss.xml", 304)]


def test_scrape_robots_disallow_all_requests_nothing_and_fails(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    site.routes["/robots.txt"] = route("User-agent: *\nDisallow: /\n", content_type="text/plain")
    code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code != 0
    assert err.strip().splitlines()[-1] == (
        "vnnews: error: nothing could be fetched (every URL is disallowed by robots.txt)"
    )
    assert site.paths() == ["/robots.txt"]
    assert not list(tmp_path.rglob("*.json"))


def test_scrape_robots_disallowed_article_is_skipped(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    site.routes["/robots.txt"] = route("User-agent: *\nDisallow: /xa-hoi/\n", content_type="text/plain")
    code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code == 0
    assert "skipped by robots 1" in err and "new 2" in err
    assert not any(p.startswith("/xa-hoi/") for p in site.paths())


def test_scrape_nothing_fetchable_exits_nonzero_with_one_line(site, tmp_path: Path) -> None:
    code, _, err = scrape("--feed", site.url("/missing.xml"), "--out", str(tmp_path), *FAST)
    assert code == 1
    assert err.strip().splitlines()[-1] == "vnnews: error: nothing could be fetched (HTTP 404)"


def test_scrape_server_down_exits_nonzero_with_reason(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _, err = scrape("--feed", f"http://127.0.0.1:{port}/rss.xml", "--out", str(tmp_path), *FAST)
    assert code == 1
    last = err.strip().splitlines()[-1]
    assert last.startswith(
        "vnnews: error: nothing could be fetched (robots.txt unreachable (connection failed"
    )
    assert "failed 1" in err and "skipped by robots 0" in err


def test_scrape_faults_are_reported_and_never_crash(site, route, tmp_path: Path) -> None:
    story = STORIES[0]
    site.routes[story.path] = route(article_html(story))
    faults = {
        "/f/404.htm": route("no", status=404),
        "/f/500.htm": route("boom", status=500),
        "/f/429.htm": route("slow", status=429, headers={"Retry-After": "1"}),
        "/f/slow.htm": route("late", sleep=1.0),
        "/f/reset.htm": route("x", fault="reset"),
        "/f/cut.htm": route(article_html(STORIES[1]), fault="truncate"),
        "/f/garbage.htm": route(b"\x00\x01<<<>>>\xff\xfe</p></div>" * 5),
        "/f/listing.htm": route(listing_html([(s.path, s.title) for s in STORIES] * 2)),
        "/f/loop-a": route("", status=302, headers={"Location": "/f/loop-b"}),
        "/f/loop-b": route("", status=302, headers={"Location": "/f/loop-a"}),
    }
    site.routes.update(faults)
    items = [(story.path, story.title, "Wed, 03 Sep 2025 08:15:00 +0700")]
    items += [(p, "x", "Wed, 03 Sep 2025 08:15:00 +0700") for p in faults if p != "/f/loop-b"]
    site.routes["/rss.xml"] = route(rss_feed(site.url(""), items))
    feed = site.url("/rss.xml")
    code, _, err = scrape("--feed", feed, "--out", str(tmp_path), *FAST, "--timeout", "0.3")
    assert code == 0, err
    found = (re.search(r"(?:failed|not an article): (\S+): (.*)$", line) for line in err.splitlines())
    reasons = {m.group(1).removeprefix(site.url("")): m.group(2) for m in found if m}
    assert reasons["/f/404.htm"] == "HTTP 404"
    assert reasons["/f/500.htm"].startswith("HTTP 500 (gave up after")
    assert reasons["/f/429.htm"].startswith("HTTP 429 (gave up after")
    assert reasons["/f/slow.htm"].startswith("timed out")
    assert reasons["/f/reset.htm"].startswith("connection failed")
    assert reasons["/f/cut.htm"].startswith("truncated response")
    assert reasons["/f/loop-a"].startswith("redirect loop")
    assert reasons["/f/listing.htm"].startswith("listing page")
    assert reasons["/f/garbage.htm"].startswith("no article body")
    assert list(records(tmp_path)) == [site.url(story.path)]
    assert "new 1" in err and "failed 7" in err and "not articles 2" in err


def test_scrape_never_overwrites_good_article_with_worse(site, route, tmp_path: Path) -> None:
    story = STORIES[0]
    serve_news(site, route)
    assert scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)[0] == 0
    good = records(tmp_path)[site.url(story.path)]
    for bad in (
        route("boom", status=500),
        route(article_html(story), fault="truncate"),
        route("<html><body><p>Trang đang bảo trì.</p></body></html>"),
        route(article_html(story).replace(story.title, "")),
    ):
        site.routes[story.path] = bad
        scrape("--url", site.url(story.path), "--out", str(tmp_path), *FAST)
        assert records(tmp_path)[site.url(story.path)] == good


def test_scrape_url_stores_one_page(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    code, _, err = scrape(
        "--url", site.url(STORIES[2].path + "?utm_source=zalo&fbclid=abc"), "--out", str(tmp_path), *FAST
    )
    assert code == 0, err
    (rec,) = records(tmp_path).values()
    assert rec["canonical_url"] == site.url(STORIES[2].path)
    assert rec["title"] == STORIES[2].title


def test_scrape_url_listing_is_refused_with_reason(site, route, tmp_path: Path) -> None:
    site.routes["/kinh-te"] = route(listing_html([(s.path, s.title) for s in STORIES] * 2))
    code, _, err = scrape("--url", site.url("/kinh-te"), "--out", str(tmp_path), *FAST)
    assert code == 1
    assert err.strip().splitlines()[-1].startswith(f"vnnews: error: {site.url('/kinh-te')}: listing page")
    assert not list(tmp_path.rglob("*.json"))


def test_scrape_duplicates_by_canonical_url_and_content(site, route, tmp_path: Path) -> None:
    story = STORIES[0]
    site.routes[story.path] = route(article_html(story))
    site.routes["/copy/mirror-10009.htm"] = route(article_html(story, canonical=site.url(story.path)))
    site.routes["/copy/same-text-10010.htm"] = route(article_html(story))
    date = "Wed, 03 Sep 2025 08:15:00 +0700"
    items = [
        (story.path, "a", date),
        (story.path + "?utm_medium=rss", "b", date),
        ("/copy/mirror-10009.htm", "c", date),
        ("/copy/same-text-10010.htm", "d", date),
    ]
    site.routes["/rss.xml"] = route(rss_feed(site.url(""), items))
    code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code == 0, err
    assert len(records(tmp_path)) == 1
    assert "new 1" in err and "duplicates 2" in err  # the mirror and the copy; the tracking URL is not queued
    assert site.paths().count(story.path) == 1  # the tracking-parameter copy is not fetched again


def test_scrape_since_skips_older_feed_items(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    feed = site.url("/rss.xml")
    code, _, err = scrape("--feed", feed, "--since", "2025-09-01", "--out", str(tmp_path), *FAST)
    assert code == 0, err
    assert {r["title"] for r in records(tmp_path).values()} == {STORIES[0].title, STORIES[2].title}
    assert STORIES[1].path not in site.paths()


def test_scrape_max_articles_then_rest_on_next_run(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    feed = site.url("/rss.xml")
    assert scrape("--feed", feed, "--max-articles", "1", "--out", str(tmp_path), *FAST)[0] == 0
    assert len(records(tmp_path)) == 1
    assert scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)[0] == 0
    assert len(records(tmp_path)) == 3
    assert all(len(site.hits(s.path)) == 1 for s in STORIES)  # none fetched twice (no validators to ask with)


def test_scrape_delay_spaces_article_requests(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    feed = site.url("/rss.xml")
    code, _, err = scrape("--feed", feed, "--out", str(tmp_path), "--delay", "0.2", "--no-progress")
    assert code == 0, err
    times = [h.at for h in site.log]
    assert len(times) == 5
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.2


def test_scrape_resumes_after_interrupt(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    proc: list[subprocess.Popen[bytes]] = []
    last = STORIES[2]

    def interrupt(hit):  # the crawler is stopped while it waits for the third article
        os.kill(proc[0].pid, signal.SIGINT)
        return route(article_html(last), sleep=0.5)

    site.routes[last.path] = interrupt
    cmd = [
        sys.executable,
        "-c",
        "from pipeline.cli import main; main()",
        "scrape",
        "--feed",
        site.url("/rss.xml"),
        "--out",
        str(tmp_path),
        *FAST,
    ]
    # SIGINT as a terminal sends it, even when the tests run where it is ignored (a shell's background
    # job): Python keeps an ignored SIGINT ignored instead of raising KeyboardInterrupt
    proc.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)))
    _, err = proc[0].communicate(timeout=60)
    assert proc[0].returncode == 130, err
    assert err.decode().strip().splitlines()[-1].endswith("run the same command to resume")
    assert len(records(tmp_path)) == 2 and (tmp_path / STATE_FILE).exists()
    site.routes[last.path] = route(article_html(last))
    before = len(site.log)
    code, _, err2 = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code == 0, err2
    assert len(records(tmp_path)) == 3
    refetched = [h.path for h in site.log[before:] if h.path in {s.path for s in STORIES}]
    assert refetched == [last.path]  # only what the interrupted run had not finished


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give exactly one of SOURCE, --feed URL or --url URL"),
        (["vnexpress", "--url", "http://x.vn/a"], "give exactly one of SOURCE, --feed URL or --url URL"),
        (["--url", "ftp://x.vn/a"], "not an http(s) URL: ftp://x.vn/a"),
        (
            ["--feed", "http://x.vn/rss", "--since", "1/7/2025"],
            "--since wants a date like 2025-07-01, not '1/7/2025'",
        ),
        (["no-such-site"], "unknown source 'no-such-site' (known: "),
    ],
)
def test_scrape_bad_arguments_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    code, _, err = scrape(*args, "--out", str(tmp_path))
    assert code == 1
    assert err.strip().startswith(f"vnnews: error: {message}")
    assert len(err.strip().splitlines()) == 1


def test_scrape_sitemap_index_is_followed(site, route, tmp_path: Path) -> None:
    for story in STORIES:
        site.routes[story.path] = route(article_html(story))
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    site.routes["/sitemap.xml"] = route(
        f"<sitemapindex {ns}><sitemap><loc>/sm-1.xml</loc></sitemap><sitemap><loc>/sm-2.xml</loc></sitemap>"
        f"<sitemap><loc>https://elsewhere.example/sm.xml</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    urls = [f"<url><loc>{site.url(s.path)}</loc><lastmod>{s.published}</lastmod></url>" for s in STORIES]
    site.routes["/sm-1.xml"] = route(
        f"<urlset {ns}>{''.join(urls[:2])}</urlset>", content_type="application/xml"
    )
    site.routes["/sm-2.xml"] = route(f"<urlset {ns}>{urls[2]}</urlset>", content_type="application/xml")
    code, _, err = scrape("--feed", site.url("/sitemap.xml"), "--out", str(tmp_path), *FAST)
    assert code == 0, err
    assert sorted(r["title"] for r in records(tmp_path).values()) == sorted(s.title for s in STORIES)
    assert "new 3" in err


def test_scrape_feed_index_page_is_followed_one_level(site, route, tmp_path: Path) -> None:
    for story in STORIES:
        site.routes[story.path] = route(article_html(story))
    items = feed_items()
    site.routes["/rss/kinh-te.rss"] = route(
        rss_feed(site.url(""), items[:1]), content_type="application/rss+xml"
    )
    site.routes["/rss/xa-hoi.rss"] = route(
        rss_feed(site.url(""), items[1:]), content_type="application/rss+xml"
    )
    site.routes["/rss.html"] = route(
        "<html><body><h1>RSS</h1><ul><li><a href='/rss/kinh-te.rss'>Kinh tế</a></li>"
        "<li><a href='/rss/xa-hoi.rss'>Xã hội</a></li><li><a href='https://other.example/rss/a.rss'>Khác</a></li>"
        "</ul></body></html>"
    )
    code, _, err = scrape("--feed", site.url("/rss.html"), "--out", str(tmp_path), *FAST)
    assert code == 0, err
    assert len(records(tmp_path)) == 3
    assert site.paths()[:4] == ["/robots.txt", "/rss.html", "/rss/kinh-te.rss", "/rss/xa-hoi.rss"]


def test_scrape_reparse_fixes_records_from_stored_html(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    assert scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)[0] == 0
    story = STORIES[0]
    path = next(
        p
        for p in tmp_path.rglob("*.json")
        if json.loads(p.read_text(encoding="utf-8"))["title"] == story.title
    )
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec["text"] = "Trang chủ\nKinh tế\n" + rec["text"]  # what an older parser might have kept
    path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    requests_before = len(site.log)
    code, _, err = scrape("--reparse", "--out", str(tmp_path))
    assert code == 0, err
    assert err.strip() == "vnnews: scrape: reparsed unchanged 2, updated 1"
    assert json.loads(path.read_text(encoding="utf-8"))["text"].splitlines() == list(story.paragraphs)
    assert len(site.log) == requests_before  # nothing fetched


def test_scrape_failed_article_is_retried_on_next_run(site, route, tmp_path: Path) -> None:
    serve_news(site, route)
    story = STORIES[1]
    site.routes[story.path] = route("maintenance", status=503)
    code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code == 0 and "failed 1" in err and "new 2" in err
    site.routes[story.path] = route(article_html(story))
    code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code == 0 and "new 1" in err and "failed 0" in err
    assert len(records(tmp_path)) == 3
    others = [s.path for s in STORIES if s is not story]
    assert all(len(site.hits(p)) == 1 for p in others)  # stored ones without validators are not asked again


def test_scrape_exits_non_zero_when_the_feed_loads_but_no_article_can_be_stored(
    site, route, tmp_path: Path
) -> None:
    serve_news(site, route)
    for story in STORIES:
        site.routes[story.path] = route("boom", status=500)
    code, _, err = scrape("--feed", site.url("/rss.xml"), "--out", str(tmp_path), *FAST)
    assert code != 0
    assert err.strip().splitlines()[-1].startswith("vnnews: error: no article could be stored (3 failed;")
    assert "Traceback" not in err
    assert not list(tmp_path.rglob("*.json"))
