"""Politeness and limits for every request the scrapers make: the one place to change them.

Like scrapy's ``default_settings.py``: module constants are the defaults, :class:`CrawlSettings`
carries the values one crawl uses (the CLI overrides a few of them).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline import __version__

USER_AGENT = (
    f"vnnews/{__version__} (research scraper for Vietnamese provincial news; "
    "obeys robots.txt; +https://github.com/vnnews/vnnews)"
)
DOWNLOAD_DELAY = 1.0  # seconds between two requests to the same host (robots.txt Crawl-delay wins if longer)
TIMEOUT = 20.0  # seconds to connect and between bytes
MAX_BYTES = 5 * 1024 * 1024  # a news page is never this large
MAX_RETRIES = 3  # extra attempts after a 429, a 5xx, a timeout or a dropped connection
BACKOFF = 1.0  # seconds before the first retry; doubles each time
MAX_RETRY_AFTER = 120.0  # a Retry-After longer than this gives up on the URL instead of waiting
MAX_REDIRECTS = 5
ROBOTSTXT_OBEY = True
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(slots=True)
class CrawlSettings:
    user_agent: str = USER_AGENT
    delay: float = DOWNLOAD_DELAY
    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    max_retries: int = MAX_RETRIES
    backoff: float = BACKOFF
    max_retry_after: float = MAX_RETRY_AFTER
    max_redirects: int = MAX_REDIRECTS
    obey_robots: bool = ROBOTSTXT_OBEY

    def __post_init__(self) -> None:
        if self.delay < 0 or self.timeout <= 0 or self.max_bytes <= 0 or self.max_retries < 0:
            raise ValueError("delay, timeout, max_bytes and max_retries must be positive")
