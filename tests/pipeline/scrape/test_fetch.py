"""The fetcher against a real local HTTP server: robots.txt, delay, retries, faults, redirects, charset."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.scrape.fetch import Fetcher, LegacyTLSAdapter, retry_after_seconds
from pipeline.scrape.settings import DOWNLOAD_DELAY, CrawlSettings

PAGE = (
    "<html><head><title>Tin</title></head>"
    "<body><p>Ủy ban nhân dân tỉnh Phú Thọ họp phiên thường kỳ.</p></body></html>"
)


def fast(**overrides: float) -> Fetcher:
    values = {"delay": 0.0, "timeout": 2.0, "max_retries": 2, "backoff": 0.05, "max_retry_after": 1.0}
    values.update(overrides)
    return Fetcher(CrawlSettings(**values))  # type: ignore[arg-type]


def test_settings_default_delay_is_polite() -> None:
    assert DOWNLOAD_DELAY >= 1.0
    assert CrawlSettings().delay >= 1.0
    assert "vnnews" in CrawlSettings().user_agent


def test_fetch_sends_user_agent_and_decodes(site, route) -> None:
    site.routes["/a.htm"] = route(PAGE)
    got = fast().fetch(site.url("/a.htm"))
    assert got.ok and got.status == 200
    assert "Phú Thọ" in got.text
    assert site.hits("/a.htm")[0].headers["User-Agent"].startswith("vnnews/")


def test_fetch_robots_disallowed_url_is_never_requested(site, route) -> None:
    site.routes["/robots.txt"] = route("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/private/secret.htm"] = route(PAGE)
    site.routes["/public.htm"] = route(PAGE)
    fetcher = fast()
    blocked = fetcher.fetch(site.url("/private/secret.htm"))
    allowed = fetcher.fetch(site.url("/public.htm"))
    assert blocked.robots_blocked and blocked.error == "disallowed by robots.txt"
    assert allowed.ok
    assert "/private/secret.htm" not in site.paths()
    assert site.paths().count("/robots.txt") == 1  # read once per host


def test_fetch_robots_redirect_target_disallowed_is_not_followed(site, route) -> None:
    site.routes["/robots.txt"] = route("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/go"] = route("", status=302, headers={"Location": "/private/x.htm"})
    got = fast().fetch(site.url("/go"))
    assert got.robots_blocked
    assert "/private/x.htm" not in site.paths()


@pytest.mark.parametrize(
    ("robots_status", "allowed"),
    [(404, True), (403, True), (500, False)],
    ids=["missing-allows", "forbidden-allows", "server-error-disallows"],
)
def test_fetch_robots_unavailable_follows_rfc9309(site, route, robots_status: int, allowed: bool) -> None:
    site.routes["/robots.txt"] = route("oops", status=robots_status)
    site.routes["/a.htm"] = route(PAGE)
    got = fast(max_retries=0).fetch(site.url("/a.htm"))
    assert got.ok is allowed
    assert ("/a.htm" in site.paths()) is allowed
    if not allowed:
        assert got.error == "robots.txt unreachable (HTTP 500); host not crawled" and not got.robots_blocked


def test_fetch_per_host_delay_spaces_requests(site, route) -> None:
    for n in range(4):
        site.routes[f"/p{n}.htm"] = route(PAGE)
    fetcher = fast(delay=0.2)
    for n in range(4):
        assert fetcher.fetch(site.url(f"/p{n}.htm")).ok
    times = [h.at for h in site.log]  # robots.txt counts as a request to the host too
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(gaps) == 4
    assert min(gaps) >= 0.19


def test_fetch_robots_crawl_delay_is_honoured(site, route) -> None:
    site.routes["/robots.txt"] = route("User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    site.routes["/a.htm"] = route(PAGE)
    assert fast(delay=0.0).fetch(site.url("/a.htm")).ok
    robots, page = site.hits("/robots.txt")[0].at, site.hits("/a.htm")[0].at
    assert page - robots >= 0.99  # the page waits for the Crawl-delay after robots.txt


@pytest.mark.parametrize("status", [400, 403, 404, 410])
def test_fetch_4xx_is_not_retried(site, route, status: int) -> None:
    site.routes["/gone.htm"] = route("no", status=status)
    got = fast().fetch(site.url("/gone.htm"))
    assert got.error == f"HTTP {status}" and got.status == status
    assert len(site.hits("/gone.htm")) == 1


def test_fetch_5xx_is_retried_with_backoff_then_gives_up(site, route) -> None:
    site.routes["/err.htm"] = route("boom", status=500)
    got = fast(max_retries=2, backoff=0.1).fetch(site.url("/err.htm"))
    hits = site.hits("/err.htm")
    assert len(hits) == 3
    assert got.error is not None and "HTTP 500" in got.error and "gave up after 3 attempts" in got.error
    first, second = hits[1].at - hits[0].at, hits[2].at - hits[1].at
    assert first >= 0.09 and second >= 0.19  # doubles


def test_fetch_5xx_then_success(site, route) -> None:
    answers = iter([route("busy", status=503), route(PAGE)])
    site.routes["/flaky.htm"] = lambda hit: next(answers)
    got = fast().fetch(site.url("/flaky.htm"))
    assert got.ok and got.attempts == 2


def test_fetch_429_honours_retry_after(site, route) -> None:
    answers = iter([route("slow down", status=429, headers={"Retry-After": "1"}), route(PAGE)])
    site.routes["/busy.htm"] = lambda hit: next(answers)
    got = fast(backoff=0.01).fetch(site.url("/busy.htm"))
    hits = site.hits("/busy.htm")
    assert got.ok
    assert hits[1].at - hits[0].at >= 0.95


def test_fetch_429_retry_after_over_cap_gives_up_at_once(site, route) -> None:
    site.routes["/busy.htm"] = route("slow down", status=429, headers={"Retry-After": "3600"})
    got = fast(max_retry_after=1.0).fetch(site.url("/busy.htm"))
    assert got.error is not None and "Retry-After 3600 s is over" in got.error
    assert len(site.hits("/busy.htm")) == 1


def test_fetch_timeout_is_a_reason_not_a_crash(site, route) -> None:
    site.routes["/slow.htm"] = route(PAGE, sleep=1.0)
    got = fast(timeout=0.2, max_retries=0).fetch(site.url("/slow.htm"))
    assert got.status is None and got.error is not None and got.error.startswith("timed out")


def test_fetch_connection_reset_is_a_reason(site, route) -> None:
    site.routes["/reset.htm"] = route(PAGE, fault="reset")
    got = fast(max_retries=1).fetch(site.url("/reset.htm"))
    assert got.status is None and got.error is not None
    assert "connection" in got.error and "gave up after 2 attempts" in got.error


def test_fetch_truncated_body_is_a_reason(site, route) -> None:
    site.routes["/cut.htm"] = route(PAGE * 20, fault="truncate")
    got = fast(max_retries=0).fetch(site.url("/cut.htm"))
    assert not got.ok and got.error is not None and "truncated" in got.error


def test_fetch_redirects_followed(site, route) -> None:
    site.routes["/old.htm"] = route("", status=301, headers={"Location": "/mid.htm"})
    site.routes["/mid.htm"] = route("", status=302, headers={"Location": "/new.htm"})
    site.routes["/new.htm"] = route(PAGE)
    got = fast().fetch(site.url("/old.htm"))
    assert got.ok and got.final_url == site.url("/new.htm") and got.url == site.url("/old.htm")


def test_fetch_redirect_loop_detected(site, route) -> None:
    site.routes["/a"] = route("", status=302, headers={"Location": "/b"})
    site.routes["/b"] = route("", status=302, headers={"Location": "/a"})
    got = fast().fetch(site.url("/a"))
    assert got.error is not None and got.error.startswith("redirect loop")
    assert len(site.hits("/a")) == 1 and len(site.hits("/b")) == 1


def test_fetch_redirect_cap(site, route) -> None:
    for n in range(10):
        site.routes[f"/r{n}"] = route("", status=302, headers={"Location": f"/r{n + 1}"})
    got = Fetcher(CrawlSettings(delay=0, max_redirects=3)).fetch(site.url("/r0"))
    assert got.error == "too many redirects (more than 3)"
    assert [p for p in site.paths() if p != "/robots.txt"] == ["/r0", "/r1", "/r2", "/r3"]


def test_fetch_size_cap(site, route) -> None:
    site.routes["/big.htm"] = route("x" * 50_000)
    got = Fetcher(CrawlSettings(delay=0, max_bytes=10_000)).fetch(site.url("/big.htm"))
    assert got.error is not None and got.error.startswith("too large")
    assert len(site.hits("/big.htm")) == 1


def test_fetch_conditional_get_gets_304(site, route) -> None:
    site.routes["/a.htm"] = route(PAGE, etag='"v1"', last_modified="Wed, 22 Oct 2025 12:00:00 GMT")
    fetcher = fast()
    first = fetcher.fetch(site.url("/a.htm"))
    again = fetcher.fetch(site.url("/a.htm"), etag=first.headers["ETag"])
    by_date = fetcher.fetch(site.url("/a.htm"), last_modified=first.headers["Last-Modified"])
    assert first.ok and again.not_modified and by_date.not_modified
    assert site.hits("/a.htm")[1].headers["If-None-Match"] == '"v1"'


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Vietnamese text in windows-1258: precomposed base letters, tone marks as combining characters."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return out


LONG = (
    "<html><head><title>Tin tức</title></head><body><p>Ủy ban nhân dân tỉnh Phú Thọ họp phiên "
    "thường kỳ tháng Mười Một, bàn về kế hoạch phát triển kinh tế xã hội năm tới và các dự án "
    "đầu tư công trọng điểm.</p></body></html>"
)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (LONG.encode("utf-8"), "text/html; charset=iso-8859-1"),  # UTF-8 declared as Latin-1
        (cp1258(LONG), "text/html; charset=utf-8"),  # windows-1258 declared as UTF-8
        (cp1258(LONG), "text/html; charset=windows-1258"),  # declared right
        (cp1258(LONG), "text/html"),  # not declared
        (b"\xef\xbb\xbf" + LONG.encode("utf-8"), "text/html"),  # UTF-8 with a BOM
    ],
    ids=["utf8-as-latin1", "cp1258-as-utf8", "cp1258-declared", "cp1258-undeclared", "utf8-bom"],
)
def test_fetch_charset_detected_despite_wrong_declaration(
    site, route, body: bytes, content_type: str
) -> None:
    site.routes["/enc.htm"] = route(body, content_type=content_type)
    got = fast().fetch(site.url("/enc.htm"))
    assert "Ủy ban nhân dân tỉnh Phú Thọ họp phiên thường kỳ" in got.text
    assert "\ufffd" not in got.text


@pytest.mark.parametrize(("value", "seconds"), [("1", 1.0), ("120", 120.0), (None, None), ("soon", None)])
def test_retry_after_seconds(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value) == seconds


def test_fetch_legacy_tls_only_for_listed_sites() -> None:
    fetcher = Fetcher(CrawlSettings(delay=0), legacy_tls_sites=("vinhphuc.gov.vn",))
    legacy = fetcher.session.get_adapter("https://vinhphuc.gov.vn/ct/cms/tintuc/Lists/KinhTe/AllItems.aspx")
    assert isinstance(legacy, LegacyTLSAdapter)
    assert legacy.poolmanager.connection_pool_kw["ssl_context"].security_level == 1
    assert not isinstance(fetcher.session.get_adapter("https://vnexpress.net/"), LegacyTLSAdapter)
