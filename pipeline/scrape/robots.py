"""robots.txt: fetched once per host, asked before every request (redirect targets included).

Follows RFC 9309: a robots.txt that is missing (4xx) allows everything; one that cannot be
fetched (5xx, network error) disallows everything until the next crawl.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

log = logging.getLogger(__name__)

# (url) -> (status or None when unreachable, body text, error)
RobotsGetter = Callable[[str], tuple[int | None, str, str | None]]


class RobotsPolicy:
    def __init__(self, user_agent: str, get: RobotsGetter) -> None:
        self.user_agent = user_agent
        self._get = get
        self._parsers: dict[str, RobotFileParser] = {}
        self._unreachable: dict[str, str] = {}  # origin -> why its robots.txt could not be read

    @staticmethod
    def origin(url: str) -> str:
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, parts.netloc, "", "", ""))

    def _parser(self, url: str) -> RobotFileParser:
        origin = self.origin(url)
        parser = self._parsers.get(origin)
        if parser is not None:
            return parser
        robots_url = origin + "/robots.txt"
        parser = RobotFileParser(robots_url)
        status, body, error = self._get(robots_url)
        if status is None or status >= 500:
            log.warning(
                "robots.txt unreachable at %s (%s): disallowing the host", robots_url, error or status
            )
            self._unreachable[origin] = error or f"HTTP {status}"
            parser.disallow_all = True  # type: ignore[attr-defined]  # (set by parse(); not in the stubs)
        elif status >= 400:
            parser.allow_all = True  # type: ignore[attr-defined]
        else:
            parser.parse(body.splitlines())
        self._parsers[origin] = parser
        return parser

    def allowed(self, url: str) -> bool:
        return self._parser(url).can_fetch(self.user_agent, url)

    def unreachable(self, url: str) -> str | None:
        """Why the host's robots.txt could not be read (the host is then not crawled), else None."""
        self._parser(url)
        return self._unreachable.get(self.origin(url))

    def crawl_delay(self, url: str) -> float | None:
        delay = self._parser(url).crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None
