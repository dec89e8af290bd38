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

# (url) -> (status or None when unreachable, body text)
RobotsGetter = Callable[[str], tuple[int | None, str]]


class RobotsPolicy:
    def __init__(self, user_agent: str, get: RobotsGetter) -> None:
        self.user_agent = user_agent
        self._get = get
        self._parsers: dict[str, RobotFileParser] = {}

    def _parser(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        parser = self._parsers.get(origin)
        if parser is not None:
            return parser
        robots_url = origin + "/robots.txt"
        parser = RobotFileParser(robots_url)
        status, body = self._get(robots_url)
        if status is None or status >= 500:
            log.warning("robots.txt unreachable at %s (%s): disallowing the host", robots_url, status)
            parser.disallow_all = True  # type: ignore[attr-defined]  # (set by parse(); not in the stubs)
        elif status >= 400:
            parser.allow_all = True  # type: ignore[attr-defined]
        else:
            parser.parse(body.splitlines())
        self._parsers[origin] = parser
        return parser

    def allowed(self, url: str) -> bool:
        return self._parser(url).can_fetch(self.user_agent, url)

    def crawl_delay(self, url: str) -> float | None:
        delay = self._parser(url).crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None
