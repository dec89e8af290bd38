"""One polite HTTP client: robots.txt, per-host delay, retries, redirects, size cap, charset.

:meth:`Fetcher.fetch` never raises for a network or HTTP problem: it returns a :class:`Fetched`
whose ``error`` says what went wrong in one line ("HTTP 404", "timed out after 3 attempts" …).
A URL robots.txt disallows is never requested (nor is a redirect target it disallows).
"""

from __future__ import annotations

import email.utils
import logging
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

import requests
from requests.adapters import HTTPAdapter

from pipeline.scrape.charset import decode_page
from pipeline.scrape.robots import RobotsPolicy
from pipeline.scrape.settings import RETRY_STATUSES, CrawlSettings
from pipeline.scrape.urls import host_of, is_http

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int | None = None  # None when no HTTP response came back
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    text: str = ""
    encoding: str | None = None
    error: str | None = None  # one-line reason when the fetch failed
    robots_blocked: bool = False
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Throttle:
    """Waits so that a request to a host starts at least ``delay`` seconds after the previous one ended."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.host_delays: dict[str, float] = {}
        self._last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        delay = max(self.delay, self.host_delays.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def done(self, host: str) -> None:
        """The response from ``host`` is complete: the next request waits ``delay`` from now."""
        self._last[host] = time.monotonic()


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class LegacyTLSAdapter(HTTPAdapter):
    """TLS for old government servers (small DH keys, old ciphers): OpenSSL security level 1."""

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        context = ssl.create_default_context()
        context.set_ciphers("DEFAULT:@SECLEVEL=1")
        kwargs["ssl_context"] = context
        super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]


class Fetcher:
    def __init__(
        self,
        settings: CrawlSettings | None = None,
        session: requests.Session | None = None,
        legacy_tls_sites: tuple[str, ...] = (),
    ) -> None:
        self.settings = settings or CrawlSettings()
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = self.settings.user_agent
        self.session.headers.setdefault("Accept-Language", "vi,en;q=0.5")
        for site in legacy_tls_sites:
            for host in (site, "www." + site):
                self.session.mount(f"https://{host}/", LegacyTLSAdapter())
        self.throttle = Throttle(self.settings.delay)
        self.robots = RobotsPolicy(self.settings.user_agent, self._get_robots)

    # -------------------------------------------------------------- robots

    def _get_robots(self, url: str) -> tuple[int | None, str, str | None]:
        got = self._request(url, {}, follow_robots=False)
        return got.status, got.text if got.ok else "", got.error

    def allowed(self, url: str) -> bool:
        if not self.settings.obey_robots:
            return True
        allowed = self.robots.allowed(url)
        delay = self.robots.crawl_delay(url)
        if delay is not None:
            self.throttle.host_delays[host_of(url)] = delay
        return allowed

    # -------------------------------------------------------------- fetching

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` (conditionally when ``etag``/``last_modified`` are given)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers, follow_robots=self.settings.obey_robots)

    def _request(self, url: str, headers: dict[str, str], follow_robots: bool) -> Fetched:
        result = Fetched(url=url, final_url=url)
        seen = {url}
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            if not is_http(current):
                result.error = f"not an http(s) URL: {current}"
                return result
            if follow_robots and not self.allowed(current):
                result.final_url = current
                problem = self.robots.unreachable(current)
                if problem:  # not a rule: the site is down or broken; a failure, not a skip
                    result.error = f"robots.txt unreachable ({problem}); host not crawled"
                else:
                    result.robots_blocked, result.error = True, "disallowed by robots.txt"
                return result
            hop = self._get_with_retries(current, headers)
            hop.url, hop.attempts = url, result.attempts + hop.attempts
            result = hop
            if result.status is None or not (300 <= result.status < 400) or result.status == 304:
                return result
            location = result.headers.get("Location") or result.headers.get("location")
            if not location:
                result.error = f"HTTP {result.status} redirect without a Location"
                return result
            current = urljoin(current, location)
            if current in seen:
                result.error = f"redirect loop at {current}"
                return result
            seen.add(current)
            result.final_url = current
        result.error = f"too many redirects (more than {self.settings.max_redirects})"
        return result

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> Fetched:
        s = self.settings
        attempt = 0
        while True:
            attempt += 1
            got = self._get_once(url, headers)
            got.attempts = attempt
            retryable = got.status in RETRY_STATUSES or (
                got.status is None and got.error is not None and not got.error.startswith("too large")
            )
            if not retryable:
                return got
            if attempt > s.max_retries:
                if attempt > 1:
                    got.error = f"{got.error} (gave up after {attempt} attempts)"
                return got
            wait = s.backoff * 2 ** (attempt - 1)
            asked = retry_after_seconds(got.headers.get("Retry-After"))
            if asked is not None:
                if asked > s.max_retry_after:
                    got.error = (
                        f"{got.error}; Retry-After {asked:.0f} s is over the {s.max_retry_after:.0f} s cap"
                    )
                    return got
                wait = max(wait, asked)
            log.info("%s: %s, retrying in %.1f s", url, got.error, wait)
            time.sleep(wait)

    def _get_once(self, url: str, headers: dict[str, str]) -> Fetched:
        result = Fetched(url=url, final_url=url)
        self.throttle.wait(host_of(url))
        try:
            return self._read(url, headers, result)
        finally:
            self.throttle.done(host_of(url))

    def _read(self, url: str, headers: dict[str, str], result: Fetched) -> Fetched:
        s = self.settings
        try:
            with self.session.get(
                url, headers=headers, timeout=s.timeout, allow_redirects=False, stream=True
            ) as resp:
                result.status = resp.status_code
                result.headers = dict(resp.headers)
                if resp.status_code >= 400:
                    result.error = f"HTTP {resp.status_code}"
                    return result
                declared = resp.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > s.max_bytes:
                    result.error = f"too large ({int(declared):,} bytes; limit {s.max_bytes:,})"
                    return result
                chunks, size = [], 0
                for chunk in resp.iter_content(64 * 1024):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > s.max_bytes:
                        result.error = f"too large (over {s.max_bytes:,} bytes)"
                        return result
                result.body = b"".join(chunks)
        except requests.exceptions.Timeout:
            result.status, result.error = None, f"timed out ({s.timeout:g} s)"
            return result
        except requests.exceptions.ChunkedEncodingError:
            result.status, result.error = None, "truncated response (connection closed mid-body)"
            return result
        except requests.exceptions.ConnectionError as exc:
            result.status, result.error = None, f"connection failed: {_short(exc)}"
            return result
        except requests.exceptions.RequestException as exc:
            result.status, result.error = None, f"request failed: {_short(exc)}"
            return result
        if result.body and 200 <= (result.status or 0) < 300:
            result.text, result.encoding = decode_page(result.body, result.headers.get("Content-Type"))
        return result


def _short(exc: BaseException) -> str:
    """The innermost reason of a requests/urllib3 error, on one line."""
    text = str(exc)
    for marker in (
        "Connection reset",
        "Connection refused",
        "Connection aborted",
        "Remote end closed",
        "Name or service not known",
        "Max retries exceeded",
    ):
        if marker in text:
            return marker.lower()
    return text.splitlines()[0][:160] if text else type(exc).__name__
